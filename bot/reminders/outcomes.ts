import type { Sql } from './db.js';
import type { ClaimedReminder } from './claims.js';

/**
 * Writes what happened to each reminder: the row's new state and one line in the outcomes log,
 * in one statement so neither exists without the other. Every write checks the lease is still
 * ours; if it is not (we were too slow and another instance took over), nothing is written and
 * the caller logs it.
 *
 * A write is about one post, which carries one or more of a case's reminders (dispatcher.ts): all
 * of them take the same state, activity id and attempt in the same statement, so a post is never
 * half recorded; each keeps its own line in the outcomes log.
 */

/** The reminders one post carries, all of one case. */
export interface PostRef {
  tenantId: string;
  caseId: string;
  reminderIds: readonly number[];
}

export const postRef = (post: readonly ClaimedReminder[]): PostRef => ({ tenantId: post[0]!.tenantId, caseId: post[0]!.caseId, reminderIds: post.map((r) => r.reminderId) });

export type Target = 'channel' | 'personal';

export interface Attempt {
  owner: string;
  target: Target;
  threadKey: string;
  conversationId: string | null;
  status: number | null;
  reason: string | null;
  /** When the response came back (ms since epoch); the window seeding depends on it. */
  at: number;
}

const OUTCOME_INSERT = `INSERT INTO reminder_outcomes (tenant_id, reminder_id, case_id, at, outcome, target, conversation_id, thread_key, status, reason, instance)`;

/**
 * `newThreadId`: the thread this post opened, saved on the case in the same statement. Holds for
 * as long as the claim is `a.owner`'s, even after its lease ran out: a maybe-sent claim is not
 * taken over while its owner still renews it (claims.ts).
 */
export async function markSent(db: Sql, r: PostRef, a: Attempt & { activityId: string; newThreadId?: string | null }): Promise<number> {
  const rows = await db.query(
    `WITH t AS (
       UPDATE reminder_cases SET thread_id = $10 WHERE $10::text IS NOT NULL AND tenant_id = $1 AND case_id = $11::uuid RETURNING case_id),
     s AS (
       UPDATE reminders SET state = 'sent', lease_owner = NULL, lease_expires_at = NULL, sent_at = $3, delivered_to = $4,
         conversation_id = $5, activity_id = $6, attempts = attempts + 1, last_error = NULL
       WHERE tenant_id = $1 AND reminder_id = ANY($2::bigint[]) AND state = 'claimed' AND lease_owner = $7
       RETURNING tenant_id, reminder_id, case_id)
     ${OUTCOME_INSERT}
     SELECT tenant_id, reminder_id, case_id, $3, 'sent', $4, $5, $8, $9, NULL, $7 FROM s RETURNING outcome_id`,
    [r.tenantId, [...r.reminderIds], new Date(a.at).toISOString(), a.target, a.conversationId, a.activityId, a.owner, a.threadKey, a.status, a.newThreadId ?? null, r.caseId],
  );
  return rows.length;
}

/**
 * A try that did not get through but will be tried again (throttled, transient, rerouted).
 * `notPosted`: the service refused it (429, 403, 404), so the "sending" mark is lifted; after a
 * timeout or 5xx the post may have arrived and the mark stays.
 */
export async function recordAttempt(db: Sql, r: PostRef, outcome: 'retried' | 'rerouted', a: Attempt, notPosted = false): Promise<void> {
  await db.query(
    `WITH s AS (
       UPDATE reminders SET attempts = attempts + 1, last_error = $3, sending_at = CASE WHEN $11::boolean THEN NULL ELSE sending_at END
       WHERE tenant_id = $1 AND reminder_id = ANY($2::bigint[]) AND state = 'claimed' AND lease_owner = $4
       RETURNING tenant_id, reminder_id, case_id)
     ${OUTCOME_INSERT}
     SELECT tenant_id, reminder_id, case_id, $5, $6, $7, $8, $9, $10, $3, $4 FROM s`,
    [r.tenantId, [...r.reminderIds], a.reason, a.owner, new Date(a.at).toISOString(), outcome, a.target, a.conversationId, a.threadKey, a.status, notPosted],
  );
}

export async function markFailed(db: Sql, r: PostRef, a: Attempt): Promise<void> {
  await db.query(
    `WITH s AS (
       UPDATE reminders SET state = 'failed', lease_owner = NULL, lease_expires_at = NULL, attempts = attempts + 1, last_error = $3
       WHERE tenant_id = $1 AND reminder_id = ANY($2::bigint[]) AND state = 'claimed' AND lease_owner = $4
       RETURNING tenant_id, reminder_id, case_id)
     ${OUTCOME_INSERT}
     SELECT tenant_id, reminder_id, case_id, $5, 'failed', $6, $7, $8, $9, $3, $4 FROM s`,
    [r.tenantId, [...r.reminderIds], a.reason, a.owner, new Date(a.at).toISOString(), a.target, a.conversationId, a.threadKey, a.status],
  );
}

/** Throttled for longer than one sweep should wait: back to pending, to be tried from `retryAt`. */
export async function postpone(db: Sql, r: PostRef, owner: string, retryAt: Date, reason: string): Promise<void> {
  await db.query(
    `UPDATE reminders SET state = 'pending', lease_owner = NULL, lease_expires_at = NULL, next_attempt_at = $3, last_error = $4,
       sending_at = NULL, sending_owner = NULL
     WHERE tenant_id = $1 AND reminder_id = ANY($2::bigint[]) AND state = 'claimed' AND lease_owner = $5`,
    [r.tenantId, [...r.reminderIds], retryAt.toISOString(), reason, owner],
  );
}

export async function savePersonalChat(db: Sql, r: Pick<ClaimedReminder, 'tenantId' | 'caseId'>, conversationId: string | null): Promise<void> {
  await db.query('UPDATE reminder_cases SET personal_chat_id = $3 WHERE tenant_id = $1 AND case_id = $2', [r.tenantId, r.caseId, conversationId]);
}

/** The bot was removed from the channel: no more posts there until it is installed again. */
export async function deactivateChannel(db: Sql, tenantId: string, channelId: string, reason: string): Promise<void> {
  await db.query(
    'UPDATE reminder_channels SET active = false, inactive_reason = $3, inactive_since = clock_timestamp() WHERE tenant_id = $1 AND channel_id = $2 AND active',
    [tenantId, channelId, reason],
  );
}

/**
 * Recent requests into threads of a channel, for a new owner of its lease to seed its limiter. A
 * post of several reminders has a line for each, with the same time, thread and instance: one request.
 */
export async function recentRequests(db: Sql, tenantId: string, threadKeys: string[], sinceMs: number): Promise<{ threadKey: string; at: number }[]> {
  if (threadKeys.length === 0) return [];
  const rows = await db.query<{ thread_key: string; at: Date }>(
    'SELECT DISTINCT thread_key, at, instance FROM reminder_outcomes WHERE tenant_id = $1 AND thread_key = ANY($2::text[]) AND at > $3 ORDER BY at',
    [tenantId, threadKeys, new Date(sinceMs).toISOString()],
  );
  return rows.map((r) => ({ threadKey: r.thread_key, at: r.at.getTime() }));
}
