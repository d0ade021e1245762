import { z } from 'zod';
import type { Sql, SqlWithTransactions } from './db.js';

/**
 * Claiming due reminders so that several bot instances can sweep one database.
 *
 * The unit of ownership is the channel: a sweep leases channels that have due reminders
 * (`FOR UPDATE SKIP LOCKED`, so instances never wait on each other), then leases those channels'
 * due rows. Owning the channel means every post into it and its case threads goes through one
 * instance's rate limiter, and a case's thread is created by one instance only.
 * Leases are times in the database's clock; a dead instance's leases simply run out and the rows
 * go back to pending, to be claimed again: none lost.
 *
 * Just before its post goes out a claimed row is marked "sending" (instance, time). An abandoned
 * claim that was never marked was never posted and goes back to pending at once. One that was
 * marked may have been posted ("maybe sent"): its owner may be alive and waiting for the database
 * to record it, so it is taken over only after the owner has failed to renew for a whole lease
 * after someone first found it expired (`orphaned_at`). An outage stops every instance's renewals
 * alike; the two steps give the owner a lease of working database to record its post first. A
 * maybe-sent row that is taken over is posted again, into the case's existing thread when it has
 * one: a duplicate is a smaller harm than a lost reminder (see docs in dispatcher.ts for the bound).
 */

export interface ClaimedReminder {
  tenantId: string;
  reminderId: number;
  caseId: string;
  caseRef: string;
  reviewKey: string;
  notice: 'lead' | 'due' | 'snooze';
  kind: string;
  due: string;
  /** When it fell due to be posted: the Danish calendar day of this is the day of its post (dispatcher.ts). */
  fireAt: Date;
  passage: string;
  task: string;
  attempts: number;
  channelId: string;
  serviceUrl: string;
  channelActive: boolean;
  threadId: string | null;
  caseworkerId: string | null;
  personalChatId: string | null;
  /** Set when an earlier claim was marked sending and abandoned: this post may be a second one. */
  maybeSentBy: string | null;
}

/** The columns of a reminder row that the dispatcher and the card actions both read. */
export const ReminderRowBase = z.object({
  reminder_id: z.coerce.number(),
  case_id: z.string(),
  case_ref: z.string(),
  review_key: z.string(),
  notice: z.enum(['lead', 'due', 'snooze']),
  kind: z.string(),
  due: z.string(),
  passage: z.string(),
  task: z.string(),
});

const ClaimedRowSchema = ReminderRowBase.extend({
  tenant_id: z.string(),
  fire_at: z.date(),
  attempts: z.coerce.number(),
  channel_id: z.string(),
  service_url: z.string(),
  active: z.boolean(),
  thread_id: z.string().nullable(),
  caseworker_id: z.string().nullable(),
  personal_chat_id: z.string().nullable(),
  sending_owner: z.string().nullable(),
});

function toClaimed(row: unknown): ClaimedReminder {
  const r = ClaimedRowSchema.parse(row);
  return {
    tenantId: r.tenant_id, reminderId: r.reminder_id, caseId: r.case_id, caseRef: r.case_ref, reviewKey: r.review_key, notice: r.notice, kind: r.kind,
    due: r.due, fireAt: r.fire_at, passage: r.passage, task: r.task, attempts: r.attempts, channelId: r.channel_id, serviceUrl: r.service_url, channelActive: r.active,
    threadId: r.thread_id, caseworkerId: r.caseworker_id, personalChatId: r.personal_chat_id, maybeSentBy: r.sending_owner,
  };
}

// One instant per statement (an uncorrelated subquery runs once), so the rows of one post, always
// claimed and renewed in one statement, expire at the same instant and go back together.
const LEASE = "(SELECT clock_timestamp()) + ($LEASE_MS::double precision * interval '1 millisecond')";
const lease = (param: number) => LEASE.replace('$LEASE_MS', `$${param}`);

/**
 * Claims whose instance stopped renewing them go back to pending: at once when never marked
 * sending; when maybe sent, only a lease after they were first found expired and not renewed since
 * (module comment). Returns how many went back.
 */
export async function releaseExpired(db: Sql, leaseMs: number): Promise<number> {
  const never = await db.query(
    `UPDATE reminders SET state = 'pending', lease_owner = NULL, lease_expires_at = NULL, orphaned_at = NULL
     WHERE state = 'claimed' AND lease_expires_at < (SELECT clock_timestamp()) AND sending_at IS NULL RETURNING reminder_id`,
  );
  const maybe = await db.query(
    `UPDATE reminders SET state = 'pending', lease_owner = NULL, lease_expires_at = NULL, orphaned_at = NULL
     WHERE state = 'claimed' AND sending_at IS NOT NULL AND orphaned_at IS NOT NULL AND lease_expires_at < orphaned_at
       AND orphaned_at < (SELECT clock_timestamp()) - ($1::double precision * interval '1 millisecond') RETURNING reminder_id`,
    [leaseMs],
  );
  await db.query(
    `UPDATE reminders SET orphaned_at = (SELECT clock_timestamp())
     WHERE state = 'claimed' AND sending_at IS NOT NULL AND lease_expires_at < (SELECT clock_timestamp()) AND orphaned_at IS NULL`,
  );
  return never.length + maybe.length;
}

export interface ClaimOptions {
  owner: string;
  /** Reminders whose time has come by this instant are due. */
  asOf: Date;
  leaseMs: number;
  maxChannels: number;
  maxRows: number;
}

/**
 * The channels with reminders due that nobody else holds: one probe of reminders_channel_due_idx
 * per channel (migration 056), stopping at `maxChannels`. $1 as of, $2 owner, $3 max channels.
 */
export const CLAIM_CHANNELS_SQL = `SELECT ch.tenant_id, ch.channel_id FROM reminder_channels ch
   WHERE (ch.lease_owner IS NULL OR ch.lease_owner = $2 OR ch.lease_expires_at < clock_timestamp())
     AND EXISTS (SELECT 1 FROM reminders r WHERE r.tenant_id = ch.tenant_id AND r.channel_id = ch.channel_id AND r.state = 'pending' AND r.next_attempt_at <= $1)
   LIMIT $3
   FOR UPDATE OF ch SKIP LOCKED`;

/**
 * Those channels' due rows, at most $4 from each (an equal share of the batch, so a channel with a
 * long backlog does not crowd out the others), each channel's read from one index range, and with
 * them every other due row of the same cases (reminders_case_idx): a case's reminders of a day are
 * one post (dispatcher.ts), so the share is not allowed to cut a case in two.
 * $1 as of, $2 owner, $3 lease ms, $4 rows per channel, $5/$6 the channels' tenants and ids.
 */
export const CLAIM_ROWS_SQL = `WITH first AS (
     -- The channel's columns come along from here, 50 rows by primary key: joined in the UPDATE
     -- below, the planner (expecting a couple of rows) compared every channel with every row.
     SELECT r.tenant_id, r.reminder_id, r.case_id, ch.service_url, ch.active FROM unnest($5::text[], $6::text[]) AS held(tenant_id, channel_id)
     JOIN reminder_channels ch ON ch.tenant_id = held.tenant_id AND ch.channel_id = held.channel_id
     CROSS JOIN LATERAL (
       SELECT r.tenant_id, r.reminder_id, r.case_id FROM reminders r
       WHERE r.tenant_id = held.tenant_id AND r.channel_id = held.channel_id AND r.state = 'pending' AND r.next_attempt_at <= $1
         -- A post of this case that is out but not yet recorded may have opened its thread:
         -- the case waits for that record rather than open a second one.
         AND NOT EXISTS (SELECT 1 FROM reminders s WHERE s.tenant_id = r.tenant_id AND s.case_id = r.case_id AND s.state = 'claimed' AND s.sending_at IS NOT NULL)
       ORDER BY r.next_attempt_at
       LIMIT $4
       FOR UPDATE OF r SKIP LOCKED) r),
   cases AS (SELECT DISTINCT tenant_id, case_id, service_url, active FROM first),
   picked AS (
     SELECT tenant_id, reminder_id, service_url, active FROM first
     UNION
     SELECT o.tenant_id, o.reminder_id, k.service_url, k.active FROM cases k
     CROSS JOIN LATERAL (
       SELECT o.tenant_id, o.reminder_id FROM reminders o
       WHERE o.tenant_id = k.tenant_id AND o.case_id = k.case_id AND o.state = 'pending' AND o.next_attempt_at <= $1
       FOR UPDATE OF o SKIP LOCKED) o)
   -- sending_at starts afresh with each claim; sending_owner stays, so the new owner knows a
   -- post of this row may be out already.
   UPDATE reminders r SET state = 'claimed', lease_owner = $2, lease_expires_at = ${lease(3)}, sending_at = NULL, orphaned_at = NULL
   FROM picked, reminder_cases c
   WHERE r.tenant_id = picked.tenant_id AND r.reminder_id = picked.reminder_id
     AND c.tenant_id = r.tenant_id AND c.case_id = r.case_id
   RETURNING r.tenant_id, r.reminder_id, r.case_id::text AS case_id, c.case_ref, r.review_key, r.notice, r.kind,
     to_char(r.due, 'YYYY-MM-DD') AS due, r.fire_at, r.passage, r.task, r.attempts, c.channel_id, picked.service_url, picked.active,
     c.thread_id, c.caseworker_id, c.personal_chat_id, r.sending_owner`;

/** Rows per channel so that `maxRows` is shared out evenly over the channels held. */
export const rowsPerChannel = (maxRows: number, channels: number): number => Math.max(1, Math.ceil(maxRows / Math.max(1, channels)));

export async function claimBatch(db: SqlWithTransactions, o: ClaimOptions): Promise<ClaimedReminder[]> {
  return db.transaction(async (tx) => {
    const channels = await tx.query<{ tenant_id: string; channel_id: string }>(CLAIM_CHANNELS_SQL, [o.asOf.toISOString(), o.owner, o.maxChannels]);
    if (channels.length === 0) return [];
    const tenants = channels.map((c) => c.tenant_id);
    const ids = channels.map((c) => c.channel_id);
    await tx.query(
      `UPDATE reminder_channels SET lease_owner = $1, lease_expires_at = ${lease(2)}
       WHERE (tenant_id, channel_id) IN (SELECT * FROM unnest($3::text[], $4::text[]))`,
      [o.owner, o.leaseMs, tenants, ids],
    );
    const rows = await tx.query(CLAIM_ROWS_SQL, [o.asOf.toISOString(), o.owner, o.leaseMs, rowsPerChannel(o.maxRows, channels.length), tenants, ids]);
    return rows.map(toClaimed);
  });
}

/** Keeps this instance's leases alive while it works (retries can outlast one lease). */
export async function renewLeases(db: Sql, owner: string, leaseMs: number): Promise<void> {
  await db.query(`UPDATE reminders SET lease_expires_at = ${lease(2)}, orphaned_at = NULL WHERE state = 'claimed' AND lease_owner = $1`, [owner, leaseMs]);
  await db.query(`UPDATE reminder_channels SET lease_expires_at = ${lease(2)} WHERE lease_owner = $1`, [owner, leaseMs]);
}

/**
 * At the end of a sweep, or on a graceful stop: unstarted rows go back to pending, channels are
 * freed. A row marked sending stays claimed: its post may be out and its record still on the way
 * (delivery.ts), and putting it back to pending is how a post used to be repeated.
 */
export async function releaseAll(db: Sql, owner: string): Promise<void> {
  await db.query("UPDATE reminders SET state = 'pending', lease_owner = NULL, lease_expires_at = NULL WHERE state = 'claimed' AND lease_owner = $1 AND sending_at IS NULL", [owner]);
  await db.query('UPDATE reminder_channels SET lease_owner = NULL, lease_expires_at = NULL WHERE lease_owner = $1', [owner]);
}

/** Reminders due by `asOf`, without claiming them (the dry run, and the bench's "find due"). */
export async function findDue(db: Sql, asOf: Date, limit = 10_000): Promise<ClaimedReminder[]> {
  // The due rows come from the partial index alone; each then fetches its case and channel by
  // primary key (LATERAL with LIMIT 1, which the planner cannot flatten into a join), so the cost
  // follows the number due, not the number of cases. A plain join hashes the whole cases table.
  const rows = await db.query(
    `SELECT r.tenant_id, r.reminder_id, r.case_id::text AS case_id, c.case_ref, r.review_key, r.notice, r.kind,
       to_char(r.due, 'YYYY-MM-DD') AS due, r.fire_at, r.passage, r.task, r.attempts, c.channel_id, ch.service_url, ch.active,
       c.thread_id, c.caseworker_id, c.personal_chat_id, r.sending_owner
     FROM (SELECT * FROM reminders WHERE state = 'pending' AND next_attempt_at <= $1
           ORDER BY next_attempt_at, tenant_id, reminder_id LIMIT $2) r
     CROSS JOIN LATERAL (SELECT * FROM reminder_cases c WHERE c.tenant_id = r.tenant_id AND c.case_id = r.case_id LIMIT 1) c
     CROSS JOIN LATERAL (SELECT * FROM reminder_channels ch WHERE ch.tenant_id = c.tenant_id AND ch.channel_id = c.channel_id LIMIT 1) ch
     ORDER BY r.next_attempt_at, r.tenant_id, r.reminder_id`,
    [asOf.toISOString(), limit],
  );
  return rows.map(toClaimed);
}

/**
 * Marks the rows of a post as being posted now by `owner`, just before the request, all of them or
 * none. False when the claim on any of them is no longer ours (taken over): then nothing may be
 * posted. One time for all, so the rows of a post are found abandoned, and go back, together.
 */
export async function markSending(db: Sql, post: { tenantId: string; reminderIds: readonly number[] }, owner: string): Promise<boolean> {
  const rows = await db.query(
    `UPDATE reminders SET sending_at = (SELECT clock_timestamp()), sending_owner = $3
     WHERE tenant_id = $1 AND reminder_id = ANY($2::bigint[]) AND state = 'claimed' AND lease_owner = $3
       AND (SELECT count(*) FROM reminders o WHERE o.tenant_id = $1 AND o.reminder_id = ANY($2::bigint[]) AND o.state = 'claimed' AND o.lease_owner = $3) = cardinality($2::bigint[])
     RETURNING reminder_id`,
    [post.tenantId, [...post.reminderIds], owner],
  );
  return rows.length === post.reminderIds.length;
}
