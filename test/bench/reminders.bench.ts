import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { spawn } from 'node:child_process';
import { CLAIM_CHANNELS_SQL, CLAIM_ROWS_SQL, findDue, rowsPerChannel } from '../../bot/reminders/claims.js';
import { createDispatcher } from '../../bot/reminders/dispatcher.js';
import { TEAMS_LIMITS } from '../../bot/reminders/limits.js';
import { openDatabase, type Database } from '../../bot/storage/database.js';
import { migrate } from '../../bot/storage/migrate.js';
import { createConnectorClient } from '../../bot/teams/proactive.js';
import { startConnectorStandin } from '../support/connector-standin.js';
import { seedBulk } from '../support/reminder-fixtures.js';
import type { BenchResult } from './bench-result.js';

const CASES = 100_000;
const DUE = 1_000;
const asOf = new Date('2026-04-01T07:00:00Z');

/**
 * A sweep over 100,000 open cases with 1,000 due (~199,000 reminder rows: each case not yet due
 * has two future notices). Run on the embedded database (PGlite) a newcomer runs on, and also on
 * the real PostgreSQL server when TEST_DATABASE_URL names one (npm test and CI start one).
 *
 * 1. Finding the due ones: the partial index on pending rows by due time makes this depend on the
 *    number due, not the number of cases. Median of 15 runs after 3 warm-up runs; target < 100 ms.
 * 2. The sustained post rate against the connector stand-in, at Teams' real windows. All 1,000 are
 *    in one tenant, so the binding window is 50 requests per second per tenant; the most the
 *    windows allow is 50 at once, then 50 more each second: the last can arrive (1,000 − 50) / 50
 *    = 19 s after the first. The figure is that minimum over the measured first-to-last time, as
 *    the stand-in saw the arrivals (1.0 = as fast as allowed). Higher is better, so its ratio is
 *    target / value (below 1 = within target). Any 429 the stand-in had to give misses the target.
 * A select 1 is timed beside them, to show how loaded the machine was in this run.
 */
export async function run(): Promise<BenchResult[]> {
  const dir = await mkdtemp(join(tmpdir(), 'familiestotte-reminders-bench-'));
  const results: BenchResult[] = [];
  try {
    const lite = await openDatabase({ dataDir: dir });
    results.push(...(await measure(lite, 'PGlite')));
    const url = process.env.TEST_DATABASE_URL;
    if (url) {
      results.push(...(await onFreshServerDatabase(url, (db) => measure(db, 'PostgreSQL server'))));
      results.push(...(await onFreshServerDatabase(url, (db) => dueQuery(db))));
      results.push(...(await onFreshServerDatabase(url, (db, dbUrl) => twoInstances(db, dbUrl))));
      results.push(...(await onFreshServerDatabase(url, (db, dbUrl) => killedInstance(db, dbUrl))));
    }
    return results;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function measure(db: Database, label: string): Promise<BenchResult[]> {
  const connector = await startConnectorStandin();
  try {
    await migrate(db);
    await seedBulk(db, { serviceUrl: connector.url, tenants: 1, channelsPerTenant: 200, cases: CASES, due: DUE, dueAt: asOf.toISOString(), laterAt: '2026-09-01T07:00:00Z', withThreads: true });
    const findMs = await medianMs(() => findDue(db, asOf), (due) => due.length === DUE);
    const selectMs = await medianMs(() => db.query('SELECT 1'), () => true);

    const dispatcher = createDispatcher({ db, connector: createConnectorClient(async () => 'bench-token'), botId: '28:bench', log: pino({ level: 'silent' }) });
    const report = await dispatcher.sweep(asOf);
    const posts = connector.posts();
    if (report.results.length !== DUE || posts.length !== DUE) throw new Error(`expected ${DUE} posts, got ${posts.length}`);
    const tenantWindow = TEAMS_LIMITS.tenant[0]!;
    const minimumMs = ((DUE - tenantWindow.limit) / tenantWindow.limit) * tenantWindow.ms;
    const measuredMs = posts[posts.length - 1]!.at - posts[0]!.at;
    const share = minimumMs / measuredMs;
    const refusals = connector.windowRefusals();
    return [
      { name: `reminders (${label}): find ${DUE} due among ${CASES.toLocaleString('en')} open cases, median`, value: findMs, unit: 'ms', target: 100, ratio: findMs / 100 },
      { name: `reminders (${label}): select 1, median (machine load in this run)`, value: selectMs, unit: 'ms' },
      { name: `reminders (${label}): sustained post rate / most the Teams windows allow (higher is better)`, value: share, unit: '×', target: 0.9, ratio: 0.9 / share },
      { name: `reminders (${label}): posts per second achieved (1 tenant, limit 50/s)`, value: (DUE - 1) / (measuredMs / 1000), unit: '/s' },
      { name: `reminders (${label}): 429s the stand-in had to give`, value: refusals, unit: '', target: 0, ratio: refusals === 0 ? 0 : Number.POSITIVE_INFINITY },
    ];
  } finally {
    await connector.close();
    await db.close();
  }
}

async function medianMs<T>(fn: () => Promise<T>, check: (value: T) => boolean): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 18; i++) {
    const start = performance.now();
    const value = await fn();
    if (!check(value)) throw new Error('benchmark query returned an unexpected result');
    if (i >= 3) times.push(performance.now() - start); // the first runs warm the cache
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

async function onFreshServerDatabase<T>(baseUrl: string, fn: (db: Database, url: string) => Promise<T>): Promise<T> {
  const name = `reminders_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(baseUrl);
    url.pathname = `/${name}`;
    // Seeding 200,000 rows can take longer than a turn's 5 s statement limit on a loaded machine.
    return await fn(await openDatabase({ databaseUrl: url.toString(), dataDir: '', queryTimeoutMs: 120_000 }), url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

/**
 * 3. The claim's two statements (claims.ts) at 100,000 scheduled reminders of which 40,000 are due,
 *    over 200 channels: PostgreSQL's own execution time (EXPLAIN ANALYZE), summed, median of 15
 *    after 3 warm-up runs, each in a transaction rolled back so every run finds the same backlog.
 *    Target < 20 ms: the cost follows the batch (50 channels, 500 rows), not the 40,000.
 */
async function dueQuery(db: Database): Promise<BenchResult[]> {
  try {
    await migrate(db);
    const due = 40_000;
    // 40,000 cases due (one row each) and 30,000 later (two each): 100,000 rows.
    await seedBulk(db, { serviceUrl: 'http://127.0.0.1:9/', tenants: 1, channelsPerTenant: 200, cases: 70_000, due, dueAt: asOf.toISOString(), laterAt: '2026-09-01T07:00:00Z', withThreads: true });
    const times: number[] = [];
    for (let i = 0; i < 18; i++) {
      const ms = await db.transaction(async (tx) => {
        const explained = async (sql: string, params: unknown[]) => {
          const [row] = await tx.query<{ 'QUERY PLAN': [{ 'Execution Time': number }] }>(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`, params);
          return row!['QUERY PLAN'][0]['Execution Time'];
        };
        const channelParams = [asOf.toISOString(), 'bench', 50];
        const channelsMs = await explained(CLAIM_CHANNELS_SQL, channelParams);
        const channels = await tx.query<{ tenant_id: string; channel_id: string }>(CLAIM_CHANNELS_SQL, channelParams);
        if (channels.length !== 50) throw new Error(`expected 50 channels with reminders due, got ${channels.length}`);
        const rowsMs = await explained(CLAIM_ROWS_SQL, [asOf.toISOString(), 'bench', 15_000, rowsPerChannel(500, channels.length), channels.map((c) => c.tenant_id), channels.map((c) => c.channel_id)]);
        throw Object.assign(new Error('roll back'), { ms: channelsMs + rowsMs });
      }).catch((error: unknown) => {
        const ms = (error as { ms?: number }).ms;
        if (ms === undefined) throw error;
        return ms;
      });
      if (i >= 3) times.push(ms);
    }
    times.sort((a, b) => a - b);
    const ms = times[Math.floor(times.length / 2)]!;
    return [{ name: 'reminders (PostgreSQL server): claim query (EXPLAIN ANALYZE) at 100,000 scheduled, 40,000 due, median', value: ms, unit: 'ms', target: 20, ratio: ms / 20 }];
  } finally {
    await db.close();
  }
}

/**
 * 4. Two instances (each with its own pool) posting 1,000 due reminders in 120 channels of one
 *    tenant at Teams' real windows: the rate as a share of the most the tenant's 50/s allows
 *    (1,000 − 50) / 50 = 19 s first to last. Goal ≥ 0.9.
 */
async function twoInstances(db: Database, url: string): Promise<BenchResult[]> {
  const connector = await startConnectorStandin();
  const second = await openDatabase({ databaseUrl: url, dataDir: '' });
  try {
    await migrate(db);
    await seedBulk(db, { serviceUrl: connector.url, tenants: 1, channelsPerTenant: 120, cases: DUE, due: DUE, dueAt: asOf.toISOString(), laterAt: '2026-09-01T07:00:00Z', withThreads: true });
    const common = { connector: createConnectorClient(async () => 'bench-token'), botId: '28:bench', log: pino({ level: 'silent' }) };
    await Promise.all([createDispatcher({ ...common, db, instanceId: 'bench-a' }).sweep(asOf), createDispatcher({ ...common, db: second, instanceId: 'bench-b' }).sweep(asOf)]);
    const posts = connector.posts();
    if (posts.length !== DUE) throw new Error(`expected ${DUE} posts, got ${posts.length}`);
    const tenantWindow = TEAMS_LIMITS.tenant[0]!;
    const share = (((DUE - tenantWindow.limit) / tenantWindow.limit) * tenantWindow.ms) / (posts[posts.length - 1]!.at - posts[0]!.at);
    return [
      { name: 'reminders (PostgreSQL server): two instances, 120 channels: post rate / most the Teams windows allow (higher is better)', value: share, unit: '×', target: 0.9, ratio: 0.9 / share },
      { name: 'reminders (PostgreSQL server): two instances: 429s the stand-in had to give', value: connector.windowRefusals(), unit: '' },
    ];
  } finally {
    await connector.close();
    await second.close();
    await db.close();
  }
}

/**
 * 5. One of two instances killed with SIGKILL mid-sweep, the connector answering 400 ms after it
 *    takes a post: the posts in flight at the kill are the killed instance's claims marked sending
 *    and not recorded; each of them may be posted again by the other instance (claims.ts). The
 *    figure is the duplicates per 1,000 such posts (at most 1,000: one repeat each), and a check
 *    that every reminder was posted.
 */
async function killedInstance(db: Database, url: string): Promise<BenchResult[]> {
  const connector = await startConnectorStandin({ latencyMs: 400 });
  const leaseMs = 3_000;
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'reminder-instance.ts')], {
    env: { ...process.env, DATABASE_URL: url, INSTANCE: 'bench-killed', LEASE_MS: String(leaseMs) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const other = createDispatcher({ db, connector: createConnectorClient(async () => 'bench-token', { timeoutMs: 60_000 }), botId: '28:bench', instanceId: 'bench-alive', leaseMs, log: pino({ level: 'silent' }) });
  try {
    await migrate(db);
    await seedBulk(db, { serviceUrl: connector.url, tenants: 1, channelsPerTenant: 120, cases: DUE, due: DUE, dueAt: '2026-01-01T07:00:00Z', laterAt: '2099-01-01T07:00:00Z', withThreads: true });
    await new Promise<void>((resolve) => child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('sweeping') && resolve()));
    other.start(200);
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    while (connector.posts().length < DUE / 3) await sleep(20);
    child.kill('SIGKILL');
    await exited;
    const [flight] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM reminders WHERE state = 'claimed' AND lease_owner = 'bench-killed' AND sending_at IS NOT NULL");
    for (;;) {
      const [row] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM reminders WHERE state = 'sent'");
      if (row!.n === DUE) break;
      await sleep(100);
    }
    await sleep(2 * leaseMs);
    const keys = connector.posts().map((p) => JSON.stringify((p.body.activity ?? p.body).attachments[0].content.refresh.action.data));
    const duplicates = keys.length - new Set(keys).size;
    if (new Set(keys).size !== DUE) throw new Error(`expected ${DUE} reminders posted, got ${new Set(keys).size}`);
    return [
      { name: 'reminders (PostgreSQL server): posts in flight when one of two instances was killed (400 ms connector latency)', value: flight!.n, unit: '' },
      { name: 'reminders (PostgreSQL server): duplicates per 1,000 posts in flight at the kill', value: flight!.n === 0 ? 0 : (duplicates * 1000) / flight!.n, unit: '' },
    ];
  } finally {
    child.kill('SIGKILL');
    await other.stop();
    await connector.close();
    await db.close();
  }
}
