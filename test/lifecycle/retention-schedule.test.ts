import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { claimDay } from '../../bot/lifecycle/daily-runs.js';
import { runRetention, type RetentionOptions } from '../../bot/lifecycle/retention.js';
import { createRetentionScheduler, danishDayAndHour, RETENTION_JOB, type RetentionSchedulerOptions } from '../../bot/lifecycle/retention-schedule.js';
import { productMetrics } from '../../bot/observability/product-metrics.js';
import { openDatabase, type Database } from '../../bot/storage/database.js';
import { createStorage } from '../../bot/storage/storage.js';
import { sampleCase, scopeFor } from '../support/case-fixtures.js';
import { realPostgres, testDatabase, type TestPostgres } from '../support/db.js';

/**
 * The bot's daily retention run with several instances on one PostgreSQL server: each instance
 * has its own connection pool, as separate processes would, and its own clock set by the test.
 */

const periods = { closedCasesDays: 365, auditDays: 3653, draftsDays: 30 };
const HOUR = 3_600_000;

let db: TestPostgres;
let second: Database;
let now: Date;
const clock = () => now;

function scheduler(on: Database, instanceId: string, over: Partial<RetentionSchedulerOptions> = {}) {
  return createRetentionScheduler({ db: on, periods, clock, instanceId, ...over });
}

async function dayRow(day: string) {
  const [row] = await db.query<{ state: string; owner: string; attempts: number; last_error: string | null; result: unknown }>(
    `SELECT state, owner, attempts, last_error, result FROM daily_job_runs WHERE job = $1 AND day = $2::date`,
    [RETENTION_JOB, day],
  );
  return row;
}

describe('the daily retention run on one PostgreSQL server shared by two instances', () => {
  beforeEach(async () => {
    db = await realPostgres('retention_daily');
    second = await openDatabase({ databaseUrl: db.url, dataDir: '' });
    // Both pools connected, so the claims race and not the connects.
    await Promise.all([db.query('SELECT 1'), second.query('SELECT 1')]);
  });
  afterEach(async () => {
    await second?.close();
    await db?.close();
  });

  it('runs on exactly one instance per day when both look at the same moment, and not again that day', async () => {
    const runs: string[] = [];
    const counted = (who: string) => async (on: Database, o: RetentionOptions) => {
      runs.push(`${who} ${o.asOf.toISOString()}`);
      return runRetention(on, o);
    };
    const a = scheduler(db, 'instance-a', { run: counted('a') });
    const b = scheduler(second, 'instance-b', { run: counted('b') });
    for (let i = 0; i < 12; i++) {
      now = new Date(Date.parse('2026-02-01T05:00:00Z') + i * 24 * HOUR);
      const both = await Promise.all([a.check(), b.check()]);
      expect(both.map((r) => r.outcome).sort(), `day ${i}`).toEqual(['ran', 'taken']);
      now = new Date(now.getTime() + 6 * HOUR);
      expect((await Promise.all([a.check(), b.check()])).map((r) => r.outcome)).toEqual(['taken', 'taken']);
    }
    expect(runs).toHaveLength(12);
    const rows = await db.query<{ state: string; attempts: number }>(`SELECT state, attempts FROM daily_job_runs WHERE job = $1`, [RETENTION_JOB]);
    expect(rows).toHaveLength(12);
    expect(rows.every((r) => r.state === 'done' && r.attempts === 1)).toBe(true);
  });

  it('deletes a closed case past its period and keeps one closed inside it, and counts the deletion', async () => {
    let storageNow = new Date('2025-01-10T09:00:00Z');
    const storage = createStorage(db, { clock: () => storageNow });
    const scope = scopeFor('tenant-daily');
    const expired = (await storage.cases.create(scope, sampleCase())).caseId;
    const kept = (await storage.cases.create(scope, sampleCase())).caseId;
    await storage.cases.close(scope, expired);
    storageNow = new Date('2026-01-20T09:00:00Z');
    await storage.cases.close(scope, kept);

    const metrics = productMetrics();
    now = new Date('2026-03-01T03:00:00Z');
    const result = await scheduler(second, 'instance-b', { metrics }).check();
    expect(result).toMatchObject({ outcome: 'ran', day: '2026-03-01' });
    const left = await db.query<{ case_id: string }>(`SELECT case_id::text FROM cases WHERE tenant_id = 'tenant-daily'`);
    expect(left.map((r) => r.case_id)).toEqual([kept]);
    expect(metrics.retentionDeleted.get({ kind: 'cases' })).toBe(1);
    expect(metrics.registry.render()).toContain('familiestotte_retention_deleted_total{kind="cases"} 1');
    expect(await dayRow('2026-03-01')).toMatchObject({ state: 'done', owner: 'instance-b', result: { totals: { cases: 1, auditRows: 0, drafts: 0 } } });
  });

  it('tries a failed run again later the same day, on whichever instance looks first after the retry time', async () => {
    let failures = 1;
    const flaky = async (on: Database, o: RetentionOptions) => {
      if (failures-- > 0) throw Object.assign(new Error('connection lost mid-run: row (tenant-x, 42)'), { code: '08006' });
      return runRetention(on, o);
    };
    const a = scheduler(db, 'instance-a', { run: flaky, retryAfterMs: HOUR });
    const b = scheduler(second, 'instance-b', { run: flaky, retryAfterMs: HOUR });
    now = new Date('2026-03-02T04:00:00Z');
    expect(await a.check()).toMatchObject({ outcome: 'failed', day: '2026-03-02', attempt: 1 });
    // Only the error's kind and code are kept, never its message.
    expect(await dayRow('2026-03-02')).toMatchObject({ state: 'failed', last_error: 'Error 08006' });
    expect(await b.check()).toMatchObject({ outcome: 'taken' });
    now = new Date('2026-03-02T04:59:00Z');
    expect(await a.check()).toMatchObject({ outcome: 'taken' });
    now = new Date('2026-03-02T05:00:00Z');
    expect((await Promise.all([a.check(), b.check()])).map((r) => r.outcome).sort()).toEqual(['ran', 'taken']);
    expect(await dayRow('2026-03-02')).toMatchObject({ state: 'done', attempts: 2 });
  });

  it('takes over the day from an instance that stopped renewing its claim, once the claim has lapsed', async () => {
    now = new Date('2026-03-03T04:00:00Z');
    expect(await claimDay(db, { job: RETENTION_JOB, day: '2026-03-03', owner: 'instance-dead', now, leaseMs: 10 * 60_000 })).not.toBeNull();
    const b = scheduler(second, 'instance-b', { leaseMs: 10 * 60_000 });
    now = new Date('2026-03-03T04:09:59Z');
    expect(await b.check()).toMatchObject({ outcome: 'taken' });
    now = new Date('2026-03-03T04:10:00Z');
    expect(await b.check()).toMatchObject({ outcome: 'ran', attempt: 2 });
    expect(await dayRow('2026-03-03')).toMatchObject({ state: 'done', owner: 'instance-b' });
  });

  it('starts the day from 02:00 Danish time, whatever the server’s time zone', async () => {
    const b = scheduler(second, 'instance-b');
    now = new Date('2026-03-03T23:30:00Z'); // 00:30 on the 4th in Copenhagen
    expect(await b.check()).toEqual({ outcome: 'not-yet', day: '2026-03-04' });
    now = new Date('2026-03-04T01:00:00Z'); // 02:00
    expect(await b.check()).toMatchObject({ outcome: 'ran', day: '2026-03-04' });
    // Summer time: 02:00 in Copenhagen is 00:00 UTC.
    expect(danishDayAndHour(new Date('2026-07-01T00:00:00Z'))).toEqual({ day: '2026-07-01', hour: 2 });
  });

  it('on stop, ends a run before its next tenant and hands the day straight to another instance', async () => {
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const endless = (_on: Database, o: RetentionOptions) =>
      new Promise<never>((_, reject) => {
        started();
        o.signal?.addEventListener('abort', () => reject(o.signal?.reason));
      });
    now = new Date('2026-03-05T03:00:00Z');
    const a = scheduler(db, 'instance-a', { run: endless });
    a.start(60 * 60_000);
    await running;
    await a.stop();
    expect(await dayRow('2026-03-05')).toMatchObject({ state: 'failed', last_error: 'stopped' });
    expect(await a.check()).toEqual({ outcome: 'busy' });
    expect(await scheduler(second, 'instance-b').check()).toMatchObject({ outcome: 'ran', attempt: 2 });
  });
});

describe('the daily retention run on the embedded database', () => {
  it('runs once a day on the single instance PGlite allows', async () => {
    const embedded = await testDatabase();
    try {
      const only = scheduler(embedded, 'only');
      now = new Date('2026-03-06T03:00:00Z');
      expect(await only.check()).toMatchObject({ outcome: 'ran' });
      expect(await only.check()).toMatchObject({ outcome: 'taken' });
      now = new Date('2026-03-07T03:00:00Z');
      expect(await only.check()).toMatchObject({ outcome: 'ran', day: '2026-03-07' });
    } finally {
      await embedded.close();
    }
  });
});
