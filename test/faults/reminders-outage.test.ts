import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatcher } from '../../bot/reminders/dispatcher.js';
import { scaleLimits, TEAMS_LIMITS } from '../../bot/reminders/limits.js';
import { openDatabase, type Database } from '../../bot/storage/database.js';
import { migrate } from '../../bot/storage/migrate.js';
import { createConnectorClient } from '../../bot/teams/proactive.js';
import { startConnectorStandin, type ConnectorStandin, type RecordedRequest } from '../support/connector-standin.js';
import { privateCluster, type PrivateCluster } from '../support/pg-cluster.js';
import { seedBulk } from '../support/reminder-fixtures.js';

/**
 * Two dispatchers, each with its own pool as two bot processes would have, sweep a PostgreSQL
 * server of this file's own; the server is stopped for five seconds while posts are in flight
 * (the stand-in answers 150 ms after it took a post, so at the stop dozens have gone out and not
 * yet been recorded). Leases are 3 s, shorter than the outage, so every lease runs out while the
 * database is away: the case where the end-of-sweep release and the takeover used to post again.
 * Half the cases have two reminders due that day (a re-grant and a § 95 follow-up), one post with
 * both: the post, its record and any takeover must keep them together.
 */
const CASES = 400;
const REMINDERS = CASES + CASES / 2;
const OUTAGE_MS = 5_000;
const LEASE_MS = 3_000;
const limits = scaleLimits(TEAMS_LIMITS, 0.05);

let cluster: PrivateCluster;
let first: Database;
let second: Database;
let connector: ConnectorStandin;
let journals: string;

beforeAll(async () => {
  cluster = await privateCluster();
  first = await openDatabase({ databaseUrl: cluster.url, dataDir: '' });
  await migrate(first);
  second = await openDatabase({ databaseUrl: cluster.url, dataDir: '' });
  connector = await startConnectorStandin({ limits, latencyMs: 150 });
  journals = await mkdtemp(join(tmpdir(), 'familiestotte-journal-'));
  await seedBulk(first, { serviceUrl: connector.url, tenants: 2, channelsPerTenant: 10, cases: CASES, due: CASES, dueAt: '2026-01-01T07:00:00Z', laterAt: '2099-01-01T07:00:00Z' });
  // Half the cases have their thread already (a reply), half open it with this reminder.
  await first.query("UPDATE reminder_cases SET thread_id = channel_id || ';messageid=' || case_ref WHERE substr(case_ref, 5)::int % 2 = 0");
  // Half the cases, with and without a thread, have a second reminder the same day.
  await first.query(
    `INSERT INTO reminders (tenant_id, case_id, review_key, notice, kind, due, passage, task, fire_at, next_attempt_at)
     SELECT r.tenant_id, r.case_id, 'follow-up:' || to_char(r.due, 'YYYY-MM-DD'), r.notice, 'follow-up', r.due, 'pps.lovgrundlag', 'Første opfølgning efter Barnets lov § 95.', r.fire_at, r.next_attempt_at
     FROM reminders r JOIN reminder_cases c ON c.tenant_id = r.tenant_id AND c.case_id = r.case_id WHERE substr(c.case_ref, 5)::int % 4 < 2`,
  );
}, 60_000);

afterAll(async () => {
  await connector?.close();
  await second?.close();
  await first?.close();
  await cluster?.destroy();
  if (journals) await rm(journals, { recursive: true, force: true });
}, 60_000);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(what: string, ok: () => Promise<boolean> | boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await Promise.resolve().then(ok).catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`gave up waiting: ${what}`);
    await sleep(100);
  }
}

/** The reminders a post carries: each item's "review done" form names its own. */
function remindersOf(p: RecordedRequest): string[] {
  const card = (p.body.activity ?? p.body).attachments[0].content;
  const tenantId = card.refresh.action.data.tenantId as string;
  const found: string[] = [];
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (!n || typeof n !== 'object') return;
    const o = n as Record<string, unknown>;
    if (o.type === 'Action.Execute' && o.verb === 'reminder.done') found.push(`${tenantId}/${(o.data as { reminderId: string }).reminderId}`);
    Object.values(o).forEach(walk);
  };
  walk(card);
  return found;
}

describe('reminders when the database stops for five seconds mid-sweep', () => {
  it('posts every reminder exactly once, records each with the activity id it was posted as, and opens no second thread', { timeout: 180_000 }, async () => {
    const lines: { msg: string }[] = [];
    const log = pino({ level: 'warn' }, { write: (line: string) => void lines.push(JSON.parse(line) as { msg: string }) });
    const client = createConnectorClient(async () => 'test-token', { timeoutMs: 60_000 });
    const make = (db: Database, name: string): Dispatcher =>
      createDispatcher({ db, connector: client, botId: '28:bot', instanceId: name, limits, instances: 2, leaseMs: LEASE_MS, concurrency: 16, log, journalFile: join(journals, `${name}.json`), retry: { maxAttempts: 5, baseMs: 50, maxMs: 500, maxThrottled: 50 } });
    const a = make(first, 'instance-a');
    const b = make(second, 'instance-b');
    a.start(200);
    b.start(200);
    const accepted = () => connector.posts().filter((p) => p.kind === 'send' || p.kind === 'create-thread');
    try {
      await until('a third of the posts made', () => accepted().length >= CASES / 3, 60_000);
      await cluster.stop('fast');
      const atStop = accepted().length;
      await sleep(OUTAGE_MS);
      await cluster.start();
      expect(atStop, 'the outage came mid-sweep').toBeLessThan(CASES);
      await until('every reminder recorded as sent', async () => {
        const [row] = await first.query<{ n: number }>("SELECT count(*)::int AS n FROM reminders WHERE state = 'sent'");
        return row!.n === REMINDERS;
      }, 120_000);
      // Two leases and a few sweeps more: long enough for any wrongly released claim to be posted again.
      await sleep(2 * LEASE_MS + 1_000);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }

    const keys = accepted().flatMap(remindersOf);
    const twice = keys.filter((k, i) => keys.indexOf(k) !== i);
    expect(twice, 'no reminder posted twice').toEqual([]);
    expect(new Set(keys).size).toBe(REMINDERS);
    // One post per case: the two reminders of a case went out together, never one without the other.
    expect(accepted()).toHaveLength(CASES);
    const pairs = await first.query<{ keys: string[] }>("SELECT array_agg(tenant_id || '/' || reminder_id) AS keys FROM reminders GROUP BY tenant_id, case_id HAVING count(*) = 2");
    expect(pairs).toHaveLength(CASES / 2);
    const postOf = new Map(accepted().flatMap((p) => remindersOf(p).map((k) => [k, p.activityId])));
    expect(pairs.filter(({ keys: [a, b] }) => postOf.get(a!) !== postOf.get(b!))).toEqual([]);
    const threads = connector.posts().filter((p) => p.kind === 'create-thread');
    expect(threads).toHaveLength(CASES / 2);
    // The record is the post that went out: its activity id, and the thread it opened on the case.
    const posted = postOf;
    const rows = await first.query<{ key: string; activity_id: string }>("SELECT tenant_id || '/' || reminder_id AS key, activity_id FROM reminders WHERE state = 'sent'");
    expect(rows.filter((r) => posted.get(r.key) !== r.activity_id)).toEqual([]);
    const [unthreaded] = await first.query<{ n: number }>('SELECT count(*)::int AS n FROM reminder_cases WHERE thread_id IS NULL');
    expect(unthreaded!.n).toBe(0);
    // The path under test was taken: posts went out while the database was away.
    expect(lines.filter((l) => l.msg.startsWith('reminder posted but not yet recorded')).length).toBeGreaterThan(0);
  });
});
