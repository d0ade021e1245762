import { createHash } from 'node:crypto';
import { z } from 'zod';
import { said } from '../bot/said.js';

/** The kinds of case note, as the issue names them; the Danish label is what people read. */
export const NOTE_KINDS = ['visit', 'phone', 'meeting', 'interdisciplinary-meeting', 'observation'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

export const NOTE_KIND_LABELS: Readonly<Record<NoteKind, string>> = {
  visit: 'Besøg',
  phone: 'Telefon',
  meeting: 'Møde',
  'interdisciplinary-meeting': 'Tværfagligt møde',
  observation: 'Observation',
};

// People writing a notes file by hand use the Danish words; both spellings are accepted.
const DANISH_KIND_ALIASES: Readonly<Record<string, NoteKind>> = {
  besøg: 'visit',
  hjemmebesøg: 'visit',
  telefon: 'phone',
  opkald: 'phone',
  møde: 'meeting',
  'tværfagligt møde': 'interdisciplinary-meeting',
  'tværfagligt-møde': 'interdisciplinary-meeting',
  observation: 'observation',
};

export const noteKindSchema = z.preprocess(
  (v) => (typeof v === 'string' ? (DANISH_KIND_ALIASES[v.trim().toLowerCase()] ?? v.trim()) : v),
  z.enum(NOTE_KINDS, {
    error: said(`Notatets type skal være en af: ${Object.values(NOTE_KIND_LABELS).join(', ')}.`, `The kind of note must be one of: ${NOTE_KINDS.join(', ')}.`),
  }),
);

export const noteSchema = z.object({
  date: z.iso.date({ error: said('Notatets dato skal skrives som ÅÅÅÅ-MM-DD.', "The note's date must be written as YYYY-MM-DD.") }),
  kind: noteKindSchema,
  text: z.string().trim().min(1, { error: said('Notatet er tomt.', 'The note is empty.') }),
});
export type Note = z.infer<typeof noteSchema>;

/** Notes oldest first; notes of the same day keep the order they were given in. */
export function chronological(notes: readonly Note[]): Note[] {
  return notes
    .map((note, i) => ({ note, i }))
    .sort((a, b) => a.note.date.localeCompare(b.note.date) || a.i - b.i)
    .map(({ note }) => note);
}

/**
 * A note's identity for "already summarised": a hash of its date, kind and words. Unlike a
 * position it survives a note added later with an earlier date, and it needs no database id.
 */
export function noteKey(note: Note): string {
  return createHash('sha256').update(`${note.date}\u0000${note.kind}\u0000${note.text}`).digest('hex').slice(0, 24);
}
