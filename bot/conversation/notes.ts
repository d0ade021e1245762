import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { markModelText } from '../../cards/ai-generated.js';
import { withConfirmation } from '../../cards/info.js';
import { KEEP_NAMES, noteFormCard, noteNameWarningCard, notesSummaryCard, notesSummaryFailedCard, notesSummaryPendingCard, NOTE_VERBS, withNotesOnCaseCard, type NoteFormValues } from '../../cards/notes.js';
import { noteKindSchema } from '../../prompts/notes.js';
import { summariseNotes } from '../../prompts/summarise.js';
import { withStandingPlan } from '../cases/standing-plan.js';
import { scopeUsage, type Grant } from '../../rules/scope-usage.js';
import { parseCaseReference } from '../cases/case-reference.js';
import { containsCprLike } from '../privacy/cpr.js';
import { namesIn } from '../privacy/names.js';
import type { CaseWithDecision } from '../storage/cases.js';
import { StorageInputError } from '../storage/input-errors.js';
import type { NoteRecord } from '../storage/notes.js';
import { isUuid } from '../storage/scope.js';
import { danishDate } from './dates.js';
import type { Turn } from './deps.js';
import { standardsOfCase } from './case-standard.js';
import { worded, problemText, type Locale, type Localized } from '../../cards/locale.js';
import { say } from './texts.js';
import { PendingCard, type Card } from './types.js';

/**
 * Case notes in the conversation: "notat <sagsnummer> <type> <minutter> <tekst>", the
 * "Tilføj notat" form on the case card, the scope used on the case card, and
 * "noter <sagsnummer>" for the notes summary. Every read and write goes through storage,
 * which scopes it by tenant and audits it.
 */

/** What a refused note says, in the writer's language; the note itself is never changed. */
const REFUSED = {
  cpr: {
    da: 'Notatet ser ud til at indeholde et CPR-nummer, og CPR-numre må ikke gemmes i notater. Fjern nummeret og gem igen – din tekst er bevaret herunder.',
    en: 'The note seems to contain a CPR number, and CPR numbers must not be stored in notes. Remove the number and save again – your text is kept below.',
  },
  yourNote: { da: 'Dit notat', en: 'Your note' },
  caseReference: { da: 'Sagsnummeret mangler.', en: 'The case reference is missing.' },
  kind: {
    da: 'Notatets type skal være en af: besøg, telefon, møde, tværfagligt møde, observation.',
    en: 'The kind of note must be one of: visit, phone, meeting, interdisciplinary meeting, observation (or the Danish words).',
  },
  date: { da: 'Skriv datoen som ÅÅÅÅ-MM-DD.', en: 'Write the date as YYYY-MM-DD.' },
  minutes: { da: 'Skriv tidsforbruget i minutter som et tal.', en: 'Write the time spent in minutes as a number.' },
  wholeMinutes: { da: 'Skriv tidsforbruget i hele minutter.', en: 'Write the time spent in whole minutes.' },
  negative: { da: 'Tidsforbruget kan ikke være negativt.', en: 'The time spent cannot be negative.' },
  tooLong: { da: 'Tidsforbruget kan højst være 1440 minutter (et døgn).', en: 'The time spent can be at most 1440 minutes (a day).' },
  text: { da: 'Skriv notatets tekst.', en: "Write the note's text." },
  noteId: {
    da: 'Formularen kan ikke genkendes. Åbn »Tilføj notat« på sagen igen; din tekst står herunder.',
    en: 'The form cannot be recognised. Open »Add note« on the case again; your text is below.',
  },
} satisfies Record<string, Localized>;

const NOTE_COMMAND = /^\/?(?:notat|note)\s+(\S+)\s+(tværfagligt\s+møde|tvaerfagligt\s+moede|\S+)\s+(\S+)\s+([\s\S]+)$/i;
const NOTES_COMMAND = /^\/?(?:noter|notes)\s+(\S+)\s*$/i;

export type NoteCommand =
  | { kind: 'notes'; reference: string }
  | { kind: 'note'; reference: string; noteKind: string; minutes: string; text: string }
  | { kind: 'noteUsage' };

/** "noter <sagsnummer>", "notat <sagsnummer> <type> <minutter> <tekst>", or "notat" typed wrong. */
export function parseNoteCommand(text: string): NoteCommand | undefined {
  const trimmed = text.normalize('NFC').trim();
  const summary = NOTES_COMMAND.exec(trimmed);
  if (summary) return { kind: 'notes', reference: summary[1]! };
  const note = NOTE_COMMAND.exec(trimmed);
  if (note) return { kind: 'note', reference: note[1]!, noteKind: note[2]!.replace(/\s+/g, ' '), minutes: note[3]!, text: note[4]! };
  return /^\/?(?:notat|note)\b/i.test(trimmed) ? { kind: 'noteUsage' } : undefined;
}

export function noteUsage(turn: Turn): Card {
  return turn.deps.views.info(turn.locale, say('noteUsage', turn.locale));
}

export function noteFromCommand(turn: Turn, command: Extract<NoteCommand, { kind: 'note' }>): Promise<Card> {
  return addNote(turn, { caseReference: command.reference, kind: command.noteKind, date: danishDate(turn.deps.clock()), minutes: command.minutes, text: command.text }, 'command');
}

// Built per language (two, once each) so every refusal is in the writer's language.
const noteFormSchemas = new Map<Locale, ReturnType<typeof buildNoteFormSchema>>();

function buildNoteFormSchema(locale: Locale) {
  const m = (key: keyof typeof REFUSED) => ({ error: REFUSED[key][locale] });
  return z.object({
    caseReference: z.string().trim().min(1, m('caseReference')),
    // The kind's own message (prompts/notes.ts) is Danish; problems() puts the reader's language in its place.
    kind: noteKindSchema,
    date: z.iso.date(m('date')),
    minutes: z.coerce.number(m('minutes')).int(m('wholeMinutes')).min(0, m('negative')).max(1440, m('tooLong')),
    text: z.string().trim().min(1, m('text')),
    noteId: z.uuid(m('noteId')).optional(),
  });
}

function noteFormSchema(locale: Locale) {
  let schema = noteFormSchemas.get(locale);
  if (!schema) noteFormSchemas.set(locale, (schema = buildNoteFormSchema(locale)));
  return schema;
}

/** The refusal lines of a failed parse, each in the writer's language. */
function problemsOf(error: z.ZodError, locale: Locale): string[] {
  return error.issues.map((i) => (i.path[0] === 'kind' ? REFUSED.kind[locale] : i.message));
}

const asText = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);

function typedValues(data: Record<string, unknown>): NoteFormValues {
  const out: NoteFormValues = {};
  for (const key of ['kind', 'date', 'minutes', 'text'] as const) {
    const v = asText(data[key]);
    if (v !== undefined) out[key] = v;
  }
  return out;
}

async function loadCase(turn: Turn, typedReference: string): Promise<{ found: CaseWithDecision } | { card: Card }> {
  const reference = parseCaseReference(typedReference);
  if (!reference.ok) return { card: turn.deps.views.message(turn.locale, problemText(reference, turn.locale)) };
  const found = await turn.deps.storage.cases.findByReference(turn.scope, reference.value);
  if (!found) return { card: turn.deps.views.message(turn.locale, say('caseNotFound', turn.locale)) };
  return { found };
}

/** A note from the command or the form; a refusal keeps what was typed and stores nothing. */
async function addNote(turn: Turn, data: Record<string, unknown>, from: 'command' | 'card'): Promise<Card> {
  const typed = typedValues(data);
  const typedReference = asText(data.caseReference) ?? '';
  const today = danishDate(turn.deps.clock());
  // A refused form stored nothing under its id, so it keeps the id it came with.
  const formId = typeof data.noteId === 'string' && isUuid(data.noteId) ? data.noteId : randomUUID();
  const refuse = (problems: readonly string[]) =>
    from === 'card' ? noteFormCard(turn.locale, typedReference, formId, today, typed, problems) : turn.deps.views.message(turn.locale, `${problems.join(' ')}\n\n${REFUSED.yourNote[turn.locale]}: ${typed.text ?? ''}`);
  // Refused before the reference is even looked up, so the number reaches no query and no log.
  if (containsCprLike(typed.text ?? '')) return refuse([REFUSED.cpr[turn.locale]]);
  const parsed = noteFormSchema(turn.locale).safeParse(data);
  if (!parsed.success) return refuse(problemsOf(parsed.error, turn.locale));
  const loaded = await loadCase(turn, parsed.data.caseReference);
  if ('card' in loaded) return loaded.card;
  const { found } = loaded;
  // A name is not refused (a list cannot be sure), but asked about once; "save as written" keeps it.
  const names = data[KEEP_NAMES] === 'true' || data[KEEP_NAMES] === true ? [] : namesIn(parsed.data.text);
  if (names.length > 0) {
    const values = { kind: parsed.data.kind, date: parsed.data.date, minutes: String(parsed.data.minutes), text: parsed.data.text };
    return noteNameWarningCard(turn.locale, found.reference, parsed.data.noteId ?? formId, values, names);
  }
  try {
    await turn.deps.storage.notes.add(turn.scope, found.caseId, {
      date: parsed.data.date,
      kind: parsed.data.kind,
      minutes: parsed.data.minutes,
      text: parsed.data.text,
      authorName: turn.info.userName ?? turn.scope.actorId,
      noteId: parsed.data.noteId,
    });
  } catch (error) {
    if (error instanceof StorageInputError) return refuse([worded(error.userMessage, error.userMessageEn, turn.locale)]);
    throw error;
  }
  return withConfirmation(await caseCardWithNotes(turn, found), say('noteSaved', turn.locale));
}

/** What was granted on the case: the chosen outcome's scope, as stored with the decision. */
function grantOf(found: CaseWithDecision): Grant | undefined {
  const d = found.decision;
  const startDate = found.startDate ?? d.recommended.startDate;
  const scope = d.chosen?.scope;
  return scope ? { outcome: d.chosenOutcome, variant: d.chosenVariant, scope, startDate } : undefined;
}

/** The case card with scope used against scope granted and the "Tilføj notat" action. */
export async function caseCardWithNotes(turn: Turn, stored: CaseWithDecision): Promise<Card> {
  const found = withStandingPlan(stored, turn.rules);
  const notes = await turn.deps.storage.notes.list(turn.scope, found.caseId);
  const grant = grantOf(found);
  const usage = grant ? scopeUsage(notes, grant, danishDate(turn.deps.clock())) : undefined;
  const standards = await standardsOfCase(turn, found);
  return withNotesOnCaseCard(turn.deps.views.caseCard(turn.locale, found, { standards }), found.reference, usage, notes.length, turn.locale);
}

/** The names registered on the case, masked before anything reaches a model. */
function namesOn(found: CaseWithDecision, notes: readonly NoteRecord[], turn: Turn): string[] {
  return [...new Set([found.childPseudonym, found.caseworkerName, ...notes.map((n) => n.authorName), ...(turn.info.userName ? [turn.info.userName] : [])])];
}

/**
 * Teams gives a card action five seconds; a summary not ready within this is acknowledged with a
 * "being made" card and the card is replaced when it is. Leaves room for the reads before it.
 */
export const DEFAULT_SUMMARY_WAIT_MS = 3_000;

/**
 * "noter <sagsnummer>" and the case card's button: the notes summary, made incrementally from the
 * last one stored and kept as the new latest. Answered at once when it is quick (always without a
 * model); otherwise a "being made" card now and the summary in its place when ready.
 */
export async function summariseCase(turn: Turn, typedReference: string): Promise<Card | PendingCard> {
  const loaded = await loadCase(turn, typedReference);
  if ('card' in loaded) return loaded.card;
  const { found } = loaded;
  const settled = makeSummary(turn, found).then(
    (card) => ({ ok: true as const, card }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  const stopWaiting = new AbortController();
  const waited = sleep(turn.deps.summaryWaitMs ?? DEFAULT_SUMMARY_WAIT_MS, undefined, { signal: stopWaiting.signal }).catch(() => undefined);
  const first = await Promise.race([settled, waited]);
  stopWaiting.abort();
  if (first) {
    if (first.ok) return first.card;
    throw first.error;
  }
  const later = settled.then((result) => {
    if (result.ok) return result.card;
    const error = result.error as { name?: string; code?: string } | undefined;
    turn.deps.logger.warn({ caseId: found.caseId, err: { name: error?.name, code: error?.code } }, 'notes summary failed after it was acknowledged');
    return notesSummaryFailedCard(found.reference, turn.locale);
  });
  return new PendingCard(notesSummaryPendingCard(found.reference, turn.locale), later);
}

async function makeSummary(turn: Turn, found: CaseWithDecision): Promise<Card> {
  const notes = await turn.deps.storage.notes.list(turn.scope, found.caseId);
  const previous = await turn.deps.storage.notes.latestSummary(turn.scope, found.caseId);
  const model = turn.deps.summaryModel;
  const result = await summariseNotes(
    { notes: notes.map(({ date, kind, text }) => ({ date, kind, text })), names: namesOn(found, notes, turn), ...(previous ? { previous } : {}) },
    {
      passages: turn.deps.passages,
      ...(model ? { model: model.chat, knowsWord: await model.knowsWord() } : {}),
      log: { warn: (context, message) => turn.deps.logger.warn({ ...context, caseId: found.caseId }, message) },
      metrics: turn.deps.llmMetrics,
    },
  );
  // Nothing new since the stored summary: it is what was shown, and there is nothing to store again.
  const unchanged = previous !== null && sameNotes(previous.coveredNoteKeys, result.coveredNoteKeys);
  if (notes.length > 0 && !unchanged) await turn.deps.storage.notes.saveSummary(turn.scope, found.caseId, result);
  const card = notesSummaryCard({ caseReference: found.reference, ...result, noteCount: notes.length }, turn.locale);
  return result.method === 'model' ? markModelText(card) : card;
}

function sameNotes(a: readonly string[], b: readonly string[]): boolean {
  const set = new Set(a);
  return a.length === b.length && b.every((key) => set.has(key));
}

/** Card actions of notes, by verb. */
export const NOTE_ACTIONS: Record<string, (turn: Turn, data: Record<string, unknown>) => Promise<Card | PendingCard>> = {
  [NOTE_VERBS.noteForm]: async (turn, data) => {
    const loaded = await loadCase(turn, asText(data.caseReference) ?? '');
    if ('card' in loaded) return loaded.card;
    return noteFormCard(turn.locale, loaded.found.reference, randomUUID(), danishDate(turn.deps.clock()));
  },
  [NOTE_VERBS.noteAdd]: (turn, data) => addNote(turn, data, 'card'),
  [NOTE_VERBS.notesSummary]: (turn, data) => summariseCase(turn, asText(data.caseReference) ?? ''),
};
