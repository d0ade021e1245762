import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../bot/reminders/dispatcher.js';
import { TEAMS_LIMITS } from '../bot/reminders/limits.js';
import { openDatabase, type Database } from '../bot/storage/database.js';
import { createConnectorClient } from '../bot/teams/proactive.js';
import { startConnectorStandin, type ConnectorStandin } from './support/connector-standin.js';
import { realPostgres, type TestPostgres } from './support/db.js';
import { seedBulk } from './support/reminder-fixtures.js';

/**
 * Two dispatchers, each with its own pool, on one real PostgreSQL server, at Teams' real windows
 * (the stand-in enforces them). Instance A owns a channel with 40 reminders due, instance B one with
 * 200. Once A has nothing left, B must get the tenant's whole budget (budget.ts), not go on at the
 * half it had while both were posting.
 */
const asOf = new Date('2026-04-01T07:00:00Z');
const SMALL = '19:c0-0@thread.tacv2';
const LARGE = '19:c0-1@thread.tacv2';
const tenantWindow = TEAMS_LIMITS.tenant[0]!;
let db: TestPostgres;
let second: Database;
let connector: ConnectorStandin;

beforeAll(async () => {
  db = await realPostgres('reminders_budget');
  second = await openDatabase({ databaseUrl: db.url, dataDir: '' });
  connector = await startConnectorStandin();
  await seedBulk(db, { serviceUrl: connector.url, tenants: 1, channelsPerTenant: 2, cases: 400, due: 400, dueAt: asOf.toISOString(), laterAt: '2099-01-01T07:00:00Z', withThreads: true });
  await db.query('DELETE FROM reminders WHERE reminder_id IN (SELECT reminder_id FROM reminders WHERE channel_id = $1 ORDER BY reminder_id OFFSET 40)', [SMALL]);
  // Each instance already holds its channel (as if it had claimed it a moment ago), so which
  // instance posts which channel does not depend on who starts first.
  await db.query("UPDATE reminder_channels SET lease_owner = CASE channel_id WHEN $1 THEN 'instance-a' ELSE 'instance-b' END, lease_expires_at = now() + interval '1 hour'", [SMALL]);
}, 120_000);

afterAll(async () => {
  await connector?.close();
  await second?.close();
  await db?.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const channelOf = (conversationId: string) => conversationId.split(';')[0]!;

describe('the tenant budget shared by two instances', () => {
  it('goes whole to the instance still posting once the other has nothing left, within the windows and without duplicates', { timeout: 120_000 }, async () => {
    const common = { connector: createConnectorClient(async () => 'test-token', { timeoutMs: 120_000 }), botId: '28:bot', log: pino({ level: 'silent' }) };
    const a = createDispatcher({ ...common, db, instanceId: 'instance-a' });
    const b = createDispatcher({ ...common, db: second, instanceId: 'instance-b' });
    const sweepB = b.sweep(asOf);
    const ra = await a.sweep(asOf);
    expect(ra.results).toHaveLength(40);

    // A is done and has nothing to claim (B holds the other channel); B still has most of its 200.
    let heldByB = 0;
    let sawWhole = false;
    let bDone = false;
    void sweepB.finally(() => (bDone = true));
    while (!bDone && !sawWhole) {
      const [row] = await db.query<{ a: number; b: number }>(
        "SELECT count(*) FILTER (WHERE holder LIKE 'instance-a#%')::int AS a, count(*) FILTER (WHERE holder LIKE 'instance-b#%')::int AS b FROM reminder_tenant_tokens WHERE tenant_id = 'tenant-0'",
      );
      expect(row!.a, 'A keeps none of the budget once it is done').toBe(0);
      heldByB = row!.b;
      sawWhole = heldByB === tenantWindow.limit;
      if (!sawWhole) await sleep(20);
    }
    const rb = await sweepB;
    expect(sawWhole, `B came to hold the whole tenant window while it still had reminders (held ${heldByB})`).toBe(true);
    expect(rb.results).toHaveLength(200);

    const posts = connector.posts();
    const keys = posts.map((p) => JSON.stringify((p.body.activity ?? p.body).attachments[0].content.refresh.action.data));
    expect(new Set(keys).size, 'every reminder posted').toBe(240);
    expect(keys, 'none posted twice').toHaveLength(240);
    expect(connector.windowRefusals(), 'together they stayed inside the windows').toBe(0);

    // As the stand-in saw them: after A's last post had left the window, B alone put more requests
    // into one tenant window than the half it could use while A was posting.
    const lastOfA = Math.max(...posts.filter((p) => channelOf(p.conversationId) === SMALL).map((p) => p.at));
    const tail = posts.filter((p) => channelOf(p.conversationId) === LARGE && p.at > lastOfA + tenantWindow.ms).map((p) => p.at);
    const busiest = Math.max(0, ...tail.map((t, i) => tail.filter((u, j) => j >= i && u < t + tenantWindow.ms).length));
    expect(busiest, 'B alone used more than half the tenant window').toBeGreaterThan(Math.floor(tenantWindow.limit / 2));

    const [left] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM reminders WHERE state <> 'sent'");
    expect(left!.n).toBe(0);
    // Both gave everything back at the end of their sweeps.
    const [held] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM reminder_tenant_tokens WHERE holder IS NOT NULL');
    expect(held!.n).toBe(0);
  });
});
