import { z } from 'zod';
import { OUTCOMES, REVIEW_KINDS, type Outcome, type Review } from '../../rules/decision-types.js';
import type { Cadence } from '../../rules/next-due.js';
import type { Sql, SqlWithTransactions } from './db.js';
import { DEFAULT_SCHEDULE_OPTIONS, planReminders, type CompletedReview, type PlannedReminder, type ScheduleOptions } from './schedule.js';

/**
 * Keeps each case's reminders in step with its decision. Recomputing replaces the pending rows
 * that no longer match the plan (marked cancelled, kept as history) and keeps everything already
 * sent, so a decision that changes twice a day never sends a notice twice nor forgets one.
 */

export interface ChannelTarget {
  tenantId: string;
  channelId: string;
  serviceUrl: string;
}

export interface CaseScheduleInput {
  tenantId: string;
  caseId: string;
  caseRef: string;
  teamId: string;
  channelId: string;
  caseworkerId: string | null;
  outcome: Outcome;
  reviews: Review[];
  /** How often the reviews come back once done: the tenant's rules' cadence for the outcome (BoundRules.cadence). */
  cadence: Cadence;
  closed: boolean;
}

export interface RecomputeResult {
  inserted: number;
  cancelled: number;
  kept: number;
}

const ReviewSchema = z.object({ kind: z.enum(REVIEW_KINDS), due: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), passage: z.string().min(1), text: z.string().min(1) });
export const CadenceSchema = z.partialRecord(z.enum(REVIEW_KINDS), z.number().int().min(1));
const CaseRowSchema = z.object({ case_ref: z.string(), outcome: z.enum(OUTCOMES), reviews: z.array(ReviewSchema), cadence: CadenceSchema, closed: z.boolean() });
const CompletionRowSchema = z.object({ kind: z.enum(REVIEW_KINDS), due: z.string(), done_on: z.string() });
const ExistingRowSchema = z.object({ reminder_id: z.coerce.number(), review_key: z.string(), notice: z.enum(['lead', 'due', 'snooze']), state: z.string(), fire_at: z.date() });

/** Saves (or refreshes) a channel reminders may be posted in; a reinstall makes it active again. */
export async function registerChannel(db: Sql, channel: ChannelTarget): Promise<void> {
  await db.query(
    `INSERT INTO reminder_channels (tenant_id, channel_id, service_url) VALUES ($1, $2, $3)
     ON CONFLICT (tenant_id, channel_id) DO UPDATE SET service_url = EXCLUDED.service_url, active = true, inactive_reason = NULL, inactive_since = NULL`,
    [channel.tenantId, channel.channelId, channel.serviceUrl],
  );
}

export interface TeamBack {
  tenantId: string;
  teamId: string;
  /** The channel the install or the message came from (it may have no case yet). */
  channelId: string;
  serviceUrl: string;
}

/**
 * The app is in a team again (installed, or a message came from one of its channels): every
 * channel of the team that was marked inactive after a 403/404 takes reminders again. Returns the
 * personal chats that got the fallback for the team's open cases, one per caseworker, to be told.
 * A no-op, one indexed statement, when nothing was inactive.
 */
export async function reactivateTeam(db: Sql, t: TeamBack): Promise<{ conversationId: string }[]> {
  const rows = await db.query<{ personal_chat_id: string }>(
    `WITH back AS (
       UPDATE reminder_channels ch SET active = true, inactive_reason = NULL, inactive_since = NULL,
         service_url = CASE WHEN ch.channel_id = $3 THEN $4 ELSE ch.service_url END
       WHERE ch.tenant_id = $1 AND NOT ch.active
         AND (ch.channel_id = $3 OR ch.channel_id IN (SELECT c.channel_id FROM reminder_cases c WHERE c.tenant_id = $1 AND c.team_id = $2))
       RETURNING ch.channel_id)
     SELECT DISTINCT c.personal_chat_id FROM reminder_cases c JOIN back ON back.channel_id = c.channel_id
     WHERE c.tenant_id = $1 AND NOT c.closed AND c.personal_chat_id IS NOT NULL`,
    [t.tenantId, t.teamId, t.channelId, t.serviceUrl],
  );
  return rows.map((r) => ({ conversationId: r.personal_chat_id }));
}

/** Call when a case is created, its decision changes, or it is closed. */
export async function saveCaseSchedule(db: SqlWithTransactions, input: CaseScheduleInput, options: ScheduleOptions = DEFAULT_SCHEDULE_OPTIONS): Promise<RecomputeResult> {
  const reviews = z.array(ReviewSchema).parse(input.reviews);
  return db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO reminder_cases (tenant_id, case_id, case_ref, team_id, channel_id, caseworker_id, outcome, reviews, closed, cadence, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10::jsonb, now())
       ON CONFLICT (tenant_id, case_id) DO UPDATE SET case_ref = EXCLUDED.case_ref, team_id = EXCLUDED.team_id,
         channel_id = EXCLUDED.channel_id, caseworker_id = EXCLUDED.caseworker_id, outcome = EXCLUDED.outcome,
         reviews = EXCLUDED.reviews, closed = EXCLUDED.closed, cadence = EXCLUDED.cadence, updated_at = now(),
         -- Another channel means another thread: the old one is not where the team now looks.
         thread_id = CASE WHEN reminder_cases.channel_id = EXCLUDED.channel_id THEN reminder_cases.thread_id END`,
      [input.tenantId, input.caseId, input.caseRef, input.teamId, input.channelId, input.caseworkerId, input.outcome, JSON.stringify(reviews), input.closed, JSON.stringify(CadenceSchema.parse(input.cadence))],
    );
    return recompute(tx, input.tenantId, input.caseId, options);
  });
}

/**
 * Brings the case's reminder rows in line with its plan. Runs inside the caller's transaction and
 * locks the case row first, so two recomputes of one case (a decision saved while someone clicks
 * "review done") queue instead of interleaving.
 */
export async function recompute(tx: Sql, tenantId: string, caseId: string, options: ScheduleOptions = DEFAULT_SCHEDULE_OPTIONS): Promise<RecomputeResult> {
  const [row] = await tx.query('SELECT case_ref, outcome, reviews, cadence, closed FROM reminder_cases WHERE tenant_id = $1 AND case_id = $2 FOR UPDATE', [tenantId, caseId]);
  if (!row) throw new Error(`no reminder schedule for case ${caseId}`);
  const kase = CaseRowSchema.parse(row);
  const completed: CompletedReview[] = (
    await tx.query("SELECT kind, to_char(due, 'YYYY-MM-DD') AS due, to_char(done_on, 'YYYY-MM-DD') AS done_on FROM review_completions WHERE tenant_id = $1 AND case_id = $2", [tenantId, caseId])
  ).map((r) => {
    const c = CompletionRowSchema.parse(r);
    return { kind: c.kind, due: c.due, doneOn: c.done_on };
  });
  const plan = planReminders({ caseRef: kase.case_ref, outcome: kase.outcome, reviews: kase.reviews, cadence: kase.cadence, completed, closed: kase.closed }, options);
  const existing = (
    await tx.query("SELECT reminder_id, review_key, notice, state, fire_at FROM reminders WHERE tenant_id = $1 AND case_id = $2 AND state <> 'cancelled'", [tenantId, caseId])
  ).map((r) => ExistingRowSchema.parse(r));

  const planned = new Map(plan.map((p) => [`${p.reviewKey}|${p.notice}`, p]));
  const openReviews = new Set(plan.map((p) => p.reviewKey));
  const toCancel: number[] = [];
  const present = new Set<string>();
  for (const r of existing) {
    const id = `${r.review_key}|${r.notice}`;
    if (r.state !== 'pending') {
      present.add(id);
      continue;
    }
    const p = planned.get(id);
    const stillWanted = r.notice === 'snooze' ? openReviews.has(r.review_key) : p !== undefined && p.fireAt === r.fire_at.toISOString();
    if (stillWanted) present.add(id);
    else toCancel.push(r.reminder_id);
  }
  if (toCancel.length > 0) {
    await tx.query("UPDATE reminders SET state = 'cancelled' WHERE tenant_id = $1 AND reminder_id = ANY($2::bigint[]) AND state = 'pending'", [tenantId, toCancel]);
  }
  const toInsert = plan.filter((p) => !present.has(`${p.reviewKey}|${p.notice}`));
  if (toInsert.length > 0) await insertPlanned(tx, tenantId, caseId, toInsert);
  return { inserted: toInsert.length, cancelled: toCancel.length, kept: present.size };
}

async function insertPlanned(tx: Sql, tenantId: string, caseId: string, rows: PlannedReminder[]): Promise<void> {
  await tx.query(
    `INSERT INTO reminders (tenant_id, case_id, review_key, notice, kind, due, passage, task, fire_at, next_attempt_at)
     SELECT $1, $2, r.review_key, r.notice, r.kind, r.due::date, r.passage, r.task, r.fire_at::timestamptz, r.fire_at::timestamptz
     FROM jsonb_to_recordset($3::jsonb) AS r(review_key text, notice text, kind text, due text, passage text, task text, fire_at text)`,
    [tenantId, caseId, JSON.stringify(rows.map((p) => ({ review_key: p.reviewKey, notice: p.notice, kind: p.kind, due: p.due, passage: p.passage, task: p.text, fire_at: p.fireAt })))],
  );
}
