import { z } from 'zod';
import { itemInputName, reminderPostCard, REMINDER_VERBS, timeOfDay, type ReminderAction } from '../../cards/reminder-card.js';
import { worded, type Locale, type Localized } from '../../cards/locale.js';
import { REVIEW_DECISION_TEXT } from '../../cards/plan-text.js';
import { englishOf, said } from '../said.js';
import { containsCprLike } from '../privacy/cpr.js';
import type { ConnectorClient } from '../teams/proactive.js';
import type { Queryable } from '../storage/database.js';
import type { Sql, SqlWithTransactions } from './db.js';
import { ReminderRowBase } from './claims.js';
import { addDays } from './dates.js';
import { danishToday } from '../summary/today.js';
import { closeCaseIn } from '../storage/cases.js';
import { addNoteIn } from '../storage/notes.js';
import { StorageInputError } from '../storage/input-errors.js';
import { DEFAULT_SCHEDULE_OPTIONS, type ScheduleOptions } from './schedule.js';
import { markReviewHandled } from './review-held.js';
import { recompute } from './store.js';

/**
 * What happens when someone acts on a reminder card. Teams-free: the bot's invoke handler turns
 * the activity into a `ReminderTurn` and sends back the card this returns; this module also
 * updates the posted cards of the same review so the whole channel sees who acted and when.
 * The first action wins; a later click on an old copy gets the card as it is now and
 * "allerede håndteret af X".
 *
 * The card is the channel's, so its body stays in the team's language (Danish); the line this
 * module adds for the one who clicked (a refusal, "already handled", what to do next) is in the
 * clicker's own language, as Teams shows the answer to them alone.
 *
 * A post may carry several of a case's reminders (one card per case and day, dispatcher.ts): every
 * reminder on it was recorded with the post's activity id, which is how the post is found again.
 * Each item's forms name its own reminder and act on it alone; the card that comes back, and the
 * posted copy that is updated, is always the whole post, every item as it is now.
 */

export interface ReminderTurn {
  tenantId: string;
  /** The acting user's Entra object id (audited) and display name (shown on the card). */
  userId: string;
  userName: string;
  verb: string;
  /** The Action.Execute data with the card's inputs merged in, as Teams sends it. */
  data: unknown;
  at: Date;
  /** The clicker's language (their Teams client's locale), for the line addressed to them; Danish when not given. */
  locale?: Locale;
}

/** Writes one audit row inside the action's transaction (bot/storage/audit.ts writeAudit). */
export type AuditWriter = (tx: Queryable, entry: { tenantId: string; actorId: string; action: string; caseId: string; details: Record<string, string | number | boolean | null> }) => Promise<void>;

export interface ActionDeps {
  db: SqlWithTransactions;
  audit: AuditWriter;
  /** To update the posted cards in place; without it only the clicker's copy changes. */
  connector?: ConnectorClient;
  schedule?: ScheduleOptions;
}

export interface ActionResult {
  card: Record<string, unknown>;
  /** Other posted copies that could not be updated (logged by the caller, not shown). */
  updateFailures: number;
}

export const REMINDER_AUDIT = { done: 'reminder.review-done', snooze: 'reminder.snooze', read: 'reminder.read', list: 'reminder.list' } as const;

const Base = z.object({ reminderId: z.coerce.number().int().positive(), tenantId: z.string().optional() });
const CPR_IN_NOTE = said(
  'Notatet ser ud til at indeholde et CPR-nummer, og CPR-numre må ikke gemmes. Fjern nummeret og gem igen – din tekst er bevaret.',
  'The note seems to contain a CPR number, and CPR numbers may not be stored. Remove the number and save again – your text is kept.',
);
const REASON_MISSING = said('Skriv en begrundelse for udsættelsen.', 'Write a reason for the postponement.');
const blankIsAbsent = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const DoneData = Base.extend({
  decision: z.enum(['continue', 'change-level', 'close'], { message: said('Vælg, hvad gennemgangen førte til.', 'Choose what the review led to.') }),
  // An optional note from the review, kept on the case like any other note.
  note: z.preprocess(
    blankIsAbsent,
    z
      .string({ message: said('Notatet skal være tekst.', 'The note must be text.') })
      .trim()
      .max(20_000, said('Notatet må højst være 20.000 tegn.', 'The note can be at most 20,000 characters.'))
      .refine((s) => !containsCprLike(s), CPR_IN_NOTE)
      .optional(),
  ),
  noteKind: z.preprocess(blankIsAbsent, z.enum(['meeting', 'interdisciplinary-meeting', 'visit', 'phone'], { message: said('Vælg notatets type.', 'Choose the kind of note.') }).default('meeting')),
  noteMinutes: z.preprocess(
    blankIsAbsent,
    z.coerce
      .number({ message: said('Skriv tidsforbruget i minutter som et tal.', 'Write the time spent in minutes as a number.') })
      .int(said('Skriv tidsforbruget i hele minutter.', 'Write the time spent in whole minutes.'))
      .min(0, said('Tidsforbruget kan ikke være negativt.', 'The time spent cannot be negative.'))
      .max(1440, said('Tidsforbruget kan højst være 1440 minutter.', 'The time spent can be at most 1440 minutes.'))
      .default(0),
  ),
});
const SnoozeData = Base.extend({
  reason: z
    .string({ message: REASON_MISSING })
    .trim()
    .min(1, REASON_MISSING)
    .max(500, said('Begrundelsen må højst være 500 tegn.', 'The reason can be at most 500 characters.'))
    .refine((s) => !containsCprLike(s), said('Begrundelsen ligner et CPR-nummer. Skriv den uden CPR-nummer.', 'The reason looks like a CPR number. Write it without the CPR number.')),
});

/** The lines for the one who clicked, in their language. */
const ANSWER = {
  notFound: { da: 'Påmindelsen kunne ikke findes. Den kan være slettet, eller kortet er for gammelt.', en: 'The reminder could not be found. It may have been deleted, or the card is too old.' },
  unknownAction: { da: 'Handlingen kendes ikke. Opdater kortet og prøv igen.', en: 'The action is not known. Refresh the card and try again.' },
  alreadyRecorded: { da: 'Gennemgangen er allerede registreret.', en: 'The review is already recorded.' },
} satisfies Record<string, Localized>;

/** A refused form's first problem in the clicker's language (the schemas' messages are written with `said`). */
function refusal(error: z.ZodError, locale: Locale): string | undefined {
  const message = error.issues[0]?.message;
  return message === undefined ? undefined : worded(message, englishOf(message), locale);
}

const RowSchema = ReminderRowBase.extend({
  state: z.string(),
  handled_by_name: z.string().nullable(),
  handled_at: z.date().nullable(),
  handled_action: z.string().nullable(),
  snooze_reason: z.string().nullable(),
  activity_id: z.string().nullable(),
});
type Row = z.infer<typeof RowSchema>;

export function isReminderVerb(verb: string): boolean {
  return (Object.values(REMINDER_VERBS) as string[]).includes(verb);
}

export async function handleReminderAction(deps: ActionDeps, turn: ReminderTurn): Promise<ActionResult> {
  const locale = turn.locale ?? 'da';
  const base = Base.safeParse(turn.data);
  if (!base.success || (base.data.tenantId !== undefined && base.data.tenantId !== turn.tenantId)) {
    return { card: messageCard(ANSWER.notFound[locale]), updateFailures: 0 };
  }
  const row = await loadRow(deps.db, turn.tenantId, base.data.reminderId);
  if (!row) return { card: messageCard(ANSWER.notFound[locale]), updateFailures: 0 };
  turn = { ...turn, data: itemInputs(turn.data, row.reminder_id) };

  if (turn.verb === REMINDER_VERBS.refresh) {
    // A refresh shows the case's reference and dates: a read like any other.
    await deps.db.transaction((tx) => deps.audit(tx, { tenantId: turn.tenantId, actorId: turn.userId, action: REMINDER_AUDIT.read, caseId: row.case_id, details: { reminderId: row.reminder_id } }));
    return { card: await postCard(deps.db, turn.tenantId, row), updateFailures: 0 };
  }
  if (turn.verb === REMINDER_VERBS.done) return reviewDone(deps, turn, row);
  if (turn.verb === REMINDER_VERBS.snooze) return snooze(deps, turn, row);
  return { card: await postCard(deps.db, turn.tenantId, row, ANSWER.unknownAction[locale]), updateFailures: 0 };
}

async function reviewDone(deps: ActionDeps, turn: ReminderTurn, clicked: Row): Promise<ActionResult> {
  const locale = turn.locale ?? 'da';
  const parsed = DoneData.safeParse(turn.data);
  if (!parsed.success) {
    // Nothing is stored; what was typed in the note comes back on the card.
    const typed = typeof (turn.data as { note?: unknown }).note === 'string' ? (turn.data as { note: string }).note : null;
    return { card: await postCard(deps.db, turn.tenantId, clicked, refusal(parsed.error, locale), { note: typed }), updateFailures: 0 };
  }
  const { decision, note, noteKind, noteMinutes } = parsed.data;
  let outcome: { kind: 'stale' | 'done'; row: Row };
  try {
    outcome = await deps.db.transaction(async (tx) => {
      const row = await loadRow(tx, turn.tenantId, clicked.reminder_id, true);
      if (!row) return { kind: 'stale' as const, row: clicked };
      if (row.handled_by_name) return { kind: 'stale' as const, row };
      const [kind, due] = splitReviewKey(row.review_key);
      const inserted = await tx.query(
        `INSERT INTO review_completions (tenant_id, case_id, kind, due, done_on, decision, done_by, done_at)
         VALUES ($1, $2, $3, $4::date, $5::date, $6, $7, $8) ON CONFLICT DO NOTHING RETURNING kind`,
        [turn.tenantId, row.case_id, kind, due, turn.at.toISOString().slice(0, 10), decision, turn.userId, turn.at.toISOString()],
      );
      if (inserted.length === 0) return { kind: 'stale' as const, row: (await loadRow(tx, turn.tenantId, row.reminder_id)) ?? row };
      await markReviewHandled(tx, { tenantId: turn.tenantId, caseId: row.case_id, reviewKey: row.review_key, by: { id: turn.userId, name: turn.userName }, at: turn.at, action: decision });
      // Written with the review, by the same rules as any note (open case, no CPR number).
      if (note) {
        const scope = { tenantId: turn.tenantId, actorId: turn.userId, origin: 'chat' };
        await addNoteIn(tx, scope, row.case_id, { date: danishToday(turn.at), kind: noteKind, minutes: noteMinutes, text: note, authorName: turn.userName }, turn.at);
      }
      if (decision === 'close') {
        await tx.query('UPDATE reminder_cases SET closed = true, updated_at = now() WHERE tenant_id = $1 AND case_id = $2', [turn.tenantId, row.case_id]);
        // The case closes too: no more notes or reviews on it, and the tab shows it closed.
        await closeCaseIn(tx, { tenantId: turn.tenantId, actorId: turn.userId, origin: 'chat' }, row.case_id, turn.at, { byReminder: row.reminder_id });
      }
      await recompute(tx, turn.tenantId, row.case_id, deps.schedule ?? DEFAULT_SCHEDULE_OPTIONS);
      await deps.audit(tx, { tenantId: turn.tenantId, actorId: turn.userId, action: REMINDER_AUDIT.done, caseId: row.case_id, details: { reminderId: row.reminder_id, review: kind, due, decision } });
      return { kind: 'done' as const, row };
    });
  } catch (error) {
    // The note was refused (a closed case, say): nothing of the review is stored; the typed note comes back.
    if (error instanceof StorageInputError) return { card: await postCard(deps.db, turn.tenantId, clicked, worded(error.userMessage, error.userMessageEn, locale), { note: note ?? null }), updateFailures: 0 };
    throw error;
  }
  if (outcome.kind === 'stale') return { card: await postCard(deps.db, turn.tenantId, outcome.row, staleMessage(outcome.row, locale)), updateFailures: 0 };
  const message = decision === 'change-level' ? changeLevelMessage(clicked.case_ref, locale) : null;
  return refreshCopies(deps, turn, clicked, message);
}

async function snooze(deps: ActionDeps, turn: ReminderTurn, clicked: Row): Promise<ActionResult> {
  const locale = turn.locale ?? 'da';
  const parsed = SnoozeData.safeParse(turn.data);
  if (!parsed.success) {
    const typed = typeof (turn.data as { reason?: unknown }).reason === 'string' ? (turn.data as { reason: string }).reason : null;
    return { card: await postCard(deps.db, turn.tenantId, clicked, refusal(parsed.error, locale), { reason: typed }), updateFailures: 0 };
  }
  const reason = parsed.data.reason;
  const outcome = await deps.db.transaction(async (tx) => {
    const row = await loadRow(tx, turn.tenantId, clicked.reminder_id, true);
    if (!row) return { kind: 'stale' as const, row: clicked };
    if (row.handled_by_name) return { kind: 'stale' as const, row };
    await tx.query(
      `UPDATE reminders SET state = 'snoozed', handled_by = $3, handled_by_name = $4, handled_at = $5, handled_action = 'snoozed', snooze_reason = $6
       WHERE tenant_id = $1 AND reminder_id = $2`,
      [turn.tenantId, row.reminder_id, turn.userId, turn.userName, turn.at.toISOString(), reason],
    );
    const fireAt = `${addDays(turn.at.toISOString().slice(0, 10), 7)}T${turn.at.toISOString().slice(11)}`;
    await tx.query(
      `INSERT INTO reminders (tenant_id, case_id, review_key, notice, kind, due, passage, task, fire_at, next_attempt_at)
       SELECT tenant_id, case_id, review_key, 'snooze', kind, due, passage, task, $3::timestamptz, $3::timestamptz FROM reminders
       WHERE tenant_id = $1 AND reminder_id = $2`,
      [turn.tenantId, row.reminder_id, fireAt],
    );
    await deps.audit(tx, { tenantId: turn.tenantId, actorId: turn.userId, action: REMINDER_AUDIT.snooze, caseId: row.case_id, details: { reminderId: row.reminder_id, until: fireAt.slice(0, 10) } });
    return { kind: 'done' as const, row };
  });
  if (outcome.kind === 'stale') return { card: await postCard(deps.db, turn.tenantId, outcome.row, staleMessage(outcome.row, locale)), updateFailures: 0 };
  return refreshCopies(deps, turn, clicked, null);
}

/**
 * Updates every posted copy that now reads differently (the review's notice before and its card on
 * the day, each the whole post it went out on), and returns the clicker's new card.
 */
async function refreshCopies(deps: ActionDeps, turn: ReminderTurn, clicked: Row, message: string | null): Promise<ActionResult> {
  const copies = await deps.db.query<{ activity_id: string; conversation_id: string | null; service_url: string }>(
    `SELECT DISTINCT r.activity_id, r.conversation_id, ch.service_url
     FROM reminders r JOIN reminder_cases c ON c.tenant_id = r.tenant_id AND c.case_id = r.case_id
     JOIN reminder_channels ch ON ch.tenant_id = c.tenant_id AND ch.channel_id = c.channel_id
     WHERE r.tenant_id = $1 AND r.case_id = $2 AND r.review_key = $3 AND r.activity_id IS NOT NULL AND r.handled_at = $4`,
    [turn.tenantId, clicked.case_id, clicked.review_key, turn.at.toISOString()],
  );
  let updateFailures = 0;
  for (const copy of copies) {
    if (!deps.connector || !copy.conversation_id) continue;
    const card = cardFor(turn.tenantId, await postRows(deps.db, turn.tenantId, clicked.case_id, copy.activity_id));
    await deps.connector
      .update({ serviceUrl: copy.service_url, tenantId: turn.tenantId, conversationId: copy.conversation_id, activityId: copy.activity_id, activity: { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] } })
      .catch(() => updateFailures++);
  }
  const fresh = (await loadRow(deps.db, turn.tenantId, clicked.reminder_id)) ?? clicked;
  return { card: await postCard(deps.db, turn.tenantId, fresh, message), updateFailures };
}

const ROW_COLUMNS = `r.reminder_id, r.case_id::text AS case_id, c.case_ref, r.review_key, r.notice, r.kind, to_char(r.due, 'YYYY-MM-DD') AS due, r.passage, r.task, r.state,
       r.handled_by_name, r.handled_at, r.handled_action, r.snooze_reason, r.activity_id`;

async function loadRow(db: Sql, tenantId: string, reminderId: number, lock = false): Promise<Row | null> {
  const [row] = await db.query(
    `SELECT ${ROW_COLUMNS}
     FROM reminders r JOIN reminder_cases c ON c.tenant_id = r.tenant_id AND c.case_id = r.case_id
     WHERE r.tenant_id = $1 AND r.reminder_id = $2 ${lock ? 'FOR UPDATE OF r' : ''}`,
    [tenantId, reminderId],
  );
  return row ? RowSchema.parse(row) : null;
}

/** The reminders a post carried, as they are now, in the order the card shows them (dispatcher.ts nextPost). */
async function postRows(db: Sql, tenantId: string, caseId: string, activityId: string): Promise<Row[]> {
  const rows = await db.query(
    `SELECT ${ROW_COLUMNS}
     FROM reminders r JOIN reminder_cases c ON c.tenant_id = r.tenant_id AND c.case_id = r.case_id
     WHERE r.tenant_id = $1 AND r.case_id = $2 AND r.activity_id = $3
     ORDER BY r.fire_at, r.due, r.reminder_id`,
    [tenantId, caseId, activityId],
  );
  return rows.map((row) => RowSchema.parse(row));
}

/** The card of the post `row` went out on (only itself before it is posted), `typed` and the message for it. */
async function postCard(db: Sql, tenantId: string, row: Row, message?: string | null, typed: { reason?: string | null; note?: string | null } = {}): Promise<Record<string, unknown>> {
  const rows = row.activity_id ? await postRows(db, tenantId, row.case_id, row.activity_id) : [];
  return cardFor(tenantId, rows.some((r) => r.reminder_id === row.reminder_id) ? rows : [row], message, { ...typed, for: row.reminder_id });
}

function cardFor(tenantId: string, rows: Row[], message?: string | null, typed: { reason?: string | null; note?: string | null; for?: number } = {}): Record<string, unknown> {
  const first = rows[0]!;
  return reminderPostCard({
    tenantId,
    caseId: first.case_id,
    caseRef: first.case_ref,
    items: rows.map((row) => ({
      reminderId: row.reminder_id,
      due: row.due,
      notice: row.notice,
      task: row.task,
      passage: row.passage,
      handled: row.handled_by_name && row.handled_at ? { byName: row.handled_by_name, at: row.handled_at, action: row.handled_action as ReminderAction, reason: row.snooze_reason } : null,
      typedReason: row.reminder_id === typed.for ? (typed.reason ?? null) : null,
      typedNote: row.reminder_id === typed.for ? (typed.note ?? null) : null,
    })),
    message: message ?? null,
  });
}

/**
 * The item's inputs under their plain names: on a post of several they are named per item
 * (cards/reminder-card.ts itemInputName), so each form sends its own and no other's.
 */
function itemInputs(data: unknown, reminderId: number): unknown {
  if (!data || typeof data !== 'object') return data;
  const named = { ...(data as Record<string, unknown>) };
  for (const field of ['decision', 'note', 'noteKind', 'noteMinutes', 'reason'] as const) {
    const own = itemInputName(field, reminderId, true);
    if (own in named) named[field] = named[own];
  }
  return named;
}

function staleMessage(row: Row, locale: Locale): string {
  if (!row.handled_by_name || !row.handled_at) return ANSWER.alreadyRecorded[locale];
  const when = timeOfDay(row.handled_at, locale);
  return locale === 'en' ? `Already handled by ${row.handled_by_name}, ${when}.` : `Allerede håndteret af ${row.handled_by_name}, ${when}.`;
}

/** After "change level": the new decision is made with the review command, whose card has the choice. */
function changeLevelMessage(caseRef: string, locale: Locale): string {
  const choice = REVIEW_DECISION_TEXT['change-level'][locale];
  return locale === 'en'
    ? `Make the new decision with »review ${caseRef}« (choose »${choice}«); the reminders follow it from then on.`
    : `Træf den nye afgørelse med »gennemgang ${caseRef}« (vælg »${choice}«); påmindelserne følger den derefter.`;
}

function splitReviewKey(key: string): [string, string] {
  const at = key.lastIndexOf(':');
  return [key.slice(0, at), key.slice(at + 1)];
}

function messageCard(text: string): Record<string, unknown> {
  return { type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.5', body: [{ type: 'TextBlock', text, wrap: true }] };
}
