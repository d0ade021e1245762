import { standardRules } from '../../bot/rules-binding.js';
import { randomUUID } from 'node:crypto';
import type { Outcome, Review, Variant } from '../../rules/decision-types.js';
import type { SqlWithTransactions } from '../../bot/reminders/db.js';
import { addMonths, addDays } from '../../bot/reminders/dates.js';
import { registerChannel, saveCaseSchedule } from '../../bot/reminders/store.js';

/**
 * Decision reviews per outcome, shaped as rules/decision-types.ts and dated as the municipality's
 * default parameters date them (rules/schedule.ts), for a case started on `start`.
 */
export function reviewsFor(outcome: Outcome, variant: Variant, start: string, options: { alongsideInvestigation?: boolean } = {}): Review[] {
  const followUp: Review = { kind: 'follow-up', due: addMonths(start, 3), passage: 'pps.lovgrundlag', text: 'Første opfølgning efter Barnets lov § 95.' };
  switch (outcome) {
    case 'preventive':
      return [
        { kind: 'handover', due: addDays(start, 7 * 36), passage: 'hpi.2.formaal', text: 'Planlæg afslutningen og overgangen til dagtilbud.' },
        { kind: 'course-end', due: addDays(start, 7 * 40), passage: 'hpi.4.varighed', text: 'Forløbet slutter senest efter 40 uger.' },
      ];
    case 'level1':
      if (variant === '1A')
        return [followUp, { kind: 'handover', due: addMonths(start, 9), passage: 'pps.omfang.1a', text: 'De 3 ekstra måneder begynder.' }, { kind: 'grant-end', due: addMonths(start, 12), passage: 'pps.omfang.1a', text: 'Bevillingen udløber efter 9 + 3 måneder.' }];
      if (variant === '1B')
        return [followUp, { kind: 'step-down', due: addMonths(start, 3), passage: 'pps.omfang.1b', text: 'Vurder nedtrapning til 1 ugentligt besøg.' }, { kind: 'grant-end', due: addMonths(start, 9), passage: 'pps.omfang.1', text: 'Bevillingen udløber efter 9 måneder.' }];
      return [followUp, { kind: 'grant-end', due: addMonths(start, 9), passage: 'pps.omfang.1', text: 'Bevillingen udløber efter 9 måneder.' }];
    case 'level2': {
      const reviews: Review[] = [followUp, { kind: 'regrant', due: addMonths(start, 3), passage: 'pps.omfang.2', text: 'Har indsatsen tilstrækkelig effekt? Bevilg igen eller afslut.' }];
      if (options.alongsideInvestigation) reviews.push({ kind: 'investigation-deadline', due: addMonths(start, 4), passage: 'pps.saerlige.foreloebig', text: 'Den børnefaglige undersøgelse skal være afsluttet.' });
      return reviews;
    }
    case 'level3':
      return [followUp, { kind: 'follow-up', due: addMonths(start, 6), passage: 'pps.omfang.3', text: 'Er den kompenserende støtte fortsat tilstrækkelig?' }];
    default:
      return [];
  }
}

export interface TestCase {
  tenantId: string;
  caseId: string;
  caseRef: string;
  channelId: string;
}

/** Registers the channel and saves a case's schedule, as the bot does when a decision is saved. */
export async function scheduleCase(
  db: SqlWithTransactions,
  serviceUrl: string,
  c: { tenantId?: string; channelId?: string; caseRef: string; outcome: Outcome; reviews: Review[]; caseworkerId?: string | null; closed?: boolean; leadDays?: number },
): Promise<TestCase> {
  const tenantId = c.tenantId ?? 'tenant-a';
  const channelId = c.channelId ?? '19:familie@thread.tacv2';
  const caseId = randomUUID();
  await registerChannel(db, { tenantId, channelId, serviceUrl });
  await saveCaseSchedule(
    db,
    { tenantId, caseId, caseRef: c.caseRef, teamId: 'team-1', channelId, caseworkerId: c.caseworkerId === undefined ? '29:caseworker' : c.caseworkerId, outcome: c.outcome, reviews: c.reviews, cadence: standardRules(tenantId).cadence(c.outcome, '2026-01-01'), closed: c.closed ?? false },
    { leadDays: c.leadDays ?? 14, sendHourUtc: 7 },
  );
  return { tenantId, caseId, caseRef: c.caseRef, channelId };
}

export interface BulkSeed {
  serviceUrl: string;
  tenants: number;
  channelsPerTenant: number;
  /** Open cases in all; the first `due` of them have a reminder due at `dueAt`. */
  cases: number;
  due: number;
  dueAt: string;
  /** The rest have their two notices here, in the future. */
  laterAt: string;
  /** Give every case a thread already (as after its first reminder), so each post is a reply. */
  withThreads?: boolean;
}

/**
 * Many open cases at once, written in three statements (the schedule path is exercised by the
 * other tests; volume tests need only the rows it produces). Cases spread round-robin over
 * tenants and channels; tenant ids are "tenant-0"…, channel ids "19:c<tenant>-<n>@thread.tacv2".
 */
export async function seedBulk(db: SqlWithTransactions, s: BulkSeed): Promise<void> {
  await db.query(
    `INSERT INTO reminder_channels (tenant_id, channel_id, service_url)
     SELECT 'tenant-' || t, '19:c' || t || '-' || c || '@thread.tacv2', $3
     FROM generate_series(0, $1 - 1) t, generate_series(0, $2 - 1) c`,
    [s.tenants, s.channelsPerTenant, s.serviceUrl],
  );
  await db.query(
    `INSERT INTO reminder_cases (tenant_id, case_id, case_ref, team_id, channel_id, caseworker_id, outcome, reviews)
     SELECT 'tenant-' || (i % $1), gen_random_uuid(), 'SAG-' || i, 'team-' || (i % $1),
            '19:c' || (i % $1) || '-' || ((i / $1) % $2) || '@thread.tacv2', '29:cw-' || (i % 97), 'level2', '[]'
     FROM generate_series(0, $3 - 1) i`,
    [s.tenants, s.channelsPerTenant, s.cases],
  );
  await db.query(
    `INSERT INTO reminders (tenant_id, case_id, review_key, notice, kind, due, passage, task, fire_at, next_attempt_at)
     SELECT c.tenant_id, c.case_id, 'regrant:' || d.day, n.notice, 'regrant', d.day::date, 'pps.omfang.2', 'Genbevilling: har indsatsen tilstrækkelig effekt?', d.at, d.at
     FROM (SELECT *, row_number() OVER (ORDER BY case_ref) - 1 AS i FROM reminder_cases) c
     CROSS JOIN LATERAL (SELECT CASE WHEN c.i < $1 THEN $2::timestamptz ELSE $3::timestamptz END AS at) a
     CROSS JOIN LATERAL (SELECT to_char(a.at, 'YYYY-MM-DD') AS day, a.at) d
     CROSS JOIN LATERAL (SELECT unnest(CASE WHEN c.i < $1 THEN ARRAY['due'] ELSE ARRAY['lead', 'due'] END) AS notice) n`,
    [s.due, s.dueAt, s.laterAt],
  );
  if (s.withThreads) await db.query("UPDATE reminder_cases SET thread_id = channel_id || ';messageid=' || case_ref");
  await db.query('ANALYZE reminder_channels');
  await db.query('ANALYZE reminder_cases');
  await db.query('ANALYZE reminders');
}
