import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatcher } from '../bot/reminders/dispatcher.js';
import { scaleLimits, TEAMS_LIMITS } from '../bot/reminders/limits.js';
import { openDatabase, type Database } from '../bot/storage/database.js';
import { createConnectorClient } from '../bot/teams/proactive.js';
import { startConnectorStandin, type ConnectorStandin, type RecordedRequest } from './support/connector-standin.js';
import { realPostgres, type TestPostgres } from './support/db.js';
import { seedBulk } from './support/reminder-fixtures.js';

/**
 * Two dispatchers, each with its own pool, on one real PostgreSQL server; the connector stand-in
 * answers every request into half the channels with 429 (Retry-After 1 s) until told to stop.
 * Few workers per instance, so that if throttled cases held them, the other channels would wait.
 * Windows are a twentieth of their length; the stand-in enforces the same.
 */
const limits = scaleLimits(TEAMS_LIMITS, 0.05);
const asOf = new Date('2026-04-01T07:00:00Z');
const CHANNELS = 20;
const CASES = 400;
const channelOf = (n: number) => `19:c0-${n}@thread.tacv2`;
const STORMED = Array.from({ length: CHANNELS / 2 }, (_, n) => channelOf(n));
let db: TestPostgres;
let second: Database;
let connector: ConnectorStandin;

beforeAll(async () => {
  db = await realPostgres('reminders_storm');
  second = await openDatabase({ databaseUrl: db.url, dataDir: '' });
  connector = await startConnectorStandin({ limits });
  await seedBulk(db, { serviceUrl: connector.url, tenants: 1, channelsPerTenant: CHANNELS, cases: CASES, due: CASES, dueAt: asOf.toISOString(), laterAt: '2099-01-01T07:00:00Z', withThreads: true });
}, 120_000);

afterAll(async () => {
  await connector?.close();
  await second?.close();
  await db?.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function until(what: string, ok: () => Promise<boolean> | boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting: ${what}`);
    await sleep(50);
  }
}

const channelIn = (r: RecordedRequest) => r.conversationId.split(';')[0]!;
const stormed = (r: RecordedRequest) => STORMED.includes(channelIn(r));

describe('a 429 storm on half the channels, two instances', () => {
  it('lets the other half post all its reminders while the storm lasts, asks each stormed thread no sooner than Retry-After, and posts the rest once it ends', { timeout: 240_000 }, async () => {
    for (const channel of STORMED) connector.fail(channel, { status: 429, code: 'Throttled', retryAfterSeconds: 1 });
    const client = createConnectorClient(async () => 'test-token', { timeoutMs: 120_000 });
    const make = (database: Database, name: string): Dispatcher =>
      createDispatcher({
        db: database, connector: client, botId: '28:bot', instanceId: name, limits, concurrency: 4, maxChannelsPerBatch: 4, maxRowsPerBatch: 40,
        log: pino({ level: 'silent' }), retry: { maxAttempts: 5, baseMs: 50, maxMs: 500, maxThrottled: 10_000 },
      });
    const a = make(db, 'instance-a');
    const b = make(second, 'instance-b');
    a.start(100);
    b.start(100);
    try {
      const calm = () => connector.posts().filter((p) => !stormed(p));
      await until('every reminder of the calm channels posted', () => calm().length >= CASES / 2, 60_000);
      // The storm is still on: nothing got into the stormed channels, and they were asked.
      expect(connector.posts().filter(stormed)).toEqual([]);
      const refused = connector.requests.filter(stormed);
      expect(refused.length).toBeGreaterThan(0);
      // Each stormed thread is asked again only after the Retry-After it was given (the stand-in's
      // arrival times; a busy machine only makes the gaps longer).
      const byThread = new Map<string, number[]>();
      for (const r of refused) byThread.set(r.threadKey, [...(byThread.get(r.threadKey) ?? []), r.at]);
      const gaps = [...byThread.values()].flatMap((times) => times.slice(1).map((t, i) => t - times[i]!));
      expect(gaps.filter((g) => g < 950), 'no stormed thread asked again within its Retry-After').toEqual([]);

      for (const channel of STORMED) connector.fail(channel, { status: 429, times: 0 });
      await until('every reminder recorded as sent', async () => {
        const [row] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM reminders WHERE state = 'sent'");
        return row!.n === CASES;
      }, 120_000);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
    const keys = connector.posts().map((p) => JSON.stringify((p.body.activity ?? p.body).attachments[0].content.refresh.action.data));
    expect(new Set(keys).size, 'no reminder posted twice').toBe(keys.length);
    expect(keys).toHaveLength(CASES);
    expect(connector.windowRefusals(), 'the calm channels stayed inside their windows').toBe(0);
  });
});
