import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../bot/storage/database.js';
import { createDispatcher } from '../bot/reminders/dispatcher.js';
import { scaleLimits, TEAMS_LIMITS } from '../bot/reminders/limits.js';
import { createConnectorClient } from '../bot/teams/proactive.js';
import { startConnectorStandin, type ConnectorStandin } from './support/connector-standin.js';
import { realPostgres, type TestPostgres } from './support/db.js';
import { seedBulk } from './support/reminder-fixtures.js';

/**
 * Two dispatchers, each with its own connection pool as two bot processes would have, sweep one
 * real PostgreSQL server together. Windows are a hundredth of their length (limits.ts
 * scaleLimits) so 10,000 posts take seconds; the counts are Teams' own, and the stand-in enforces
 * the same scaled windows.
 */
const limits = scaleLimits(TEAMS_LIMITS, 0.01);
const asOf = new Date('2026-04-01T07:00:00Z');
let db: TestPostgres;
let second: Database;
let connector: ConnectorStandin;

beforeAll(async () => {
  db = await realPostgres('reminders_two');
  second = await openDatabase({ databaseUrl: db.url, dataDir: '' });
  connector = await startConnectorStandin({ limits });
  await seedBulk(db, { serviceUrl: connector.url, tenants: 10, channelsPerTenant: 20, cases: 10_000, due: 10_000, dueAt: asOf.toISOString(), laterAt: '2026-09-01T07:00:00Z', withThreads: true });
}, 120_000);

afterAll(async () => {
  await connector?.close();
  await second?.close();
  await db?.close();
});

describe('two dispatcher instances on one PostgreSQL server', () => {
  it('post each of 10,000 due reminders exactly once between them, within Teams’ windows', async () => {
    // The stand-in shares this process with both dispatchers; on a loaded machine a reply can take
    // longer than the production timeout, and a timed-out post is retried (a duplicate rather than a
    // loss), which is not what this test is about.
    const client = createConnectorClient(async () => 'test-token', { timeoutMs: 120_000 });
    const log = pino({ level: 'silent' });
    const common = { connector: client, botId: '28:bot', limits, log, maxRowsPerBatch: 200, maxChannelsPerBatch: 20 };
    const a = createDispatcher({ ...common, db, instanceId: 'instance-a' });
    const b = createDispatcher({ ...common, db: second, instanceId: 'instance-b' });
    const [ra, rb] = await Promise.all([a.sweep(asOf), b.sweep(asOf)]);

    const posted = connector.posts().map((p) => (p.body.activity ?? p.body).attachments[0].content.refresh.action.data as { tenantId: string; reminderId: string });
    const keys = posted.map((d) => `${d.tenantId}/${d.reminderId}`);
    expect(keys).toHaveLength(10_000);
    expect(new Set(keys).size, 'no reminder posted twice').toBe(10_000);
    expect(ra.results.length).toBeGreaterThan(0);
    expect(rb.results.length).toBeGreaterThan(0);
    expect(ra.results.length + rb.results.length).toBe(10_000);
    expect(connector.windowRefusals(), 'the instances together stayed inside the windows').toBe(0);
    const [left] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM reminders WHERE state <> 'sent'");
    expect(left!.n).toBe(0);
  }, 900_000);
});
