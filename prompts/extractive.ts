import { maskCpr } from '../bot/privacy/cpr.js';
import { chronological, NOTE_KIND_LABELS, NOTE_KINDS, type Note } from './notes.js';

/**
 * The summary made without a language model: the opening words of chosen notes, oldest first.
 * Deterministic (same notes, same text). When there are more notes than room, the first note
 * (how the case began), the latest note of every kind, and then the most recent notes are kept,
 * so every kind of note is represented and the newest news is never dropped.
 */

export interface ExtractiveOptions {
  /** How many notes are quoted at most. */
  readonly maxNotes?: number;
  /** How many characters of a note are quoted at most. */
  readonly maxChars?: number;
}

export const EXTRACTIVE_PRODUCER = 'uden sprogmodel';

function opening(text: string, maxChars: number): string {
  const flat = maskCpr(text).replace(/\s+/g, ' ').trim();
  const sentences = flat.split(/(?<=[.!?])\s+/);
  let out = sentences[0] ?? '';
  // A very short first sentence ("Hjemmebesøg.") says little; take the next one too.
  if (out.length < 60 && sentences.length > 1) out = `${out} ${sentences[1]}`;
  if (out.length <= maxChars) return out;
  const cut = out.slice(0, maxChars);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > maxChars / 2 ? cut.slice(0, lastSpace) : cut).replace(/[,;:]$/, '')} …`;
}

function select(notes: readonly Note[], maxNotes: number): Set<Note> {
  if (notes.length <= maxNotes) return new Set(notes);
  const chosen = new Set<Note>();
  const first = notes[0];
  if (first) chosen.add(first);
  for (const kind of NOTE_KINDS) {
    const latest = notes.findLast((n) => n.kind === kind);
    if (latest) chosen.add(latest);
  }
  for (let i = notes.length - 1; i >= 0 && chosen.size < maxNotes; i--) chosen.add(notes[i]!);
  return chosen;
}

export function extractiveSummary(notes: readonly Note[], options: ExtractiveOptions = {}): string {
  const { maxNotes = 10, maxChars = 220 } = options;
  if (notes.length === 0) return 'Der er ingen notater på sagen endnu.';
  const ordered = chronological(notes);
  const chosen = select(ordered, Math.max(maxNotes, NOTE_KINDS.length + 1));
  const counts = NOTE_KINDS.map((k) => [k, ordered.filter((n) => n.kind === k).length] as const)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${n} × ${NOTE_KIND_LABELS[k].toLowerCase()}`);
  const shown = ordered.length === chosen.size ? `alle ${ordered.length}` : `${chosen.size} af ${ordered.length}`;
  const lines = ordered.filter((n) => chosen.has(n)).map((n) => `${n.date} ${NOTE_KIND_LABELS[n.kind]}: ${opening(n.text, maxChars)}`);
  return [
    `Uddrag af notaterne, lavet ${EXTRACTIVE_PRODUCER} (${shown} notater vist, begyndelsen af hvert).`,
    `Notater fra ${ordered[0]!.date} til ${ordered.at(-1)!.date}: ${counts.join(', ')}.`,
    '',
    ...lines,
  ].join('\n');
}
