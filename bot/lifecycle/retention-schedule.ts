import { randomUUID } from 'node:crypto';
import type { ProductMetrics } from '../observability/product-metrics.js';
import type { Database, Queryable } from '../storage/database.js';
import { claimDay, failDay, finishDay, renewDay, type DailyClaim } from './daily-runs.js';
import { runRetention, type RetentionOptions, type RetentionReport } from './retention.js';
import type { RetentionPeriods } from './retention-config.js';

/**
 * Retention once a day from the running bot. Every instance looks now and then (start(interval));
 * the first to look after `fromHour` (Danish time) claims the day in the database and runs it, and
 * the others find the day taken. A failed run gives the day back to be tried again after
 * `retryAfterMs`, by whichever instance looks next. Nothing about the day is kept in memory, so a
 * restart, a new replica or a dead one changes nothing.
 */

export const RETENTION_JOB = 'retention';

export interface RetentionSchedulerOptions {
  db: Database;
  periods: RetentionPeriods;
  clock?: () => Date;
  instanceId?: string;
  /** The process's counters (GET /metrics). */
  metrics?: Pick<ProductMetrics, 'retentionDeleted'>;
  log?: { info(obj: object, msg: string): void; error(obj: object, msg: string): void };
  /** Hour of the Danish day from which the run may start: at night, away from working hours. */
  fromHour?: number;
  retryAfterMs?: number;
  leaseMs?: number;
  /** The owner's connection for rewriting the tables after deleting, when the bot runs as its own role. */
  maintenance?: Queryable;
  /** The run itself; tests put a failing one here. */
  run?: (db: Database, options: RetentionOptions) => Promise<RetentionReport>;
}

export type RetentionCheck =
  | { outcome: 'ran'; day: string; attempt: number; report: RetentionReport }
  | { outcome: 'failed'; day: string; attempt: number }
  /** Done, running on another instance, or failed and waiting for its retry time. */
  | { outcome: 'taken'; day: string }
  | { outcome: 'not-yet'; day: string }
  /** This instance is already running it, or is stopping. */
  | { outcome: 'busy' };

export interface RetentionScheduler {
  readonly instanceId: string;
  /** Looks once: runs today's retention if it is due and no instance has it. */
  check(): Promise<RetentionCheck>;
  /** Looks every `intervalMs` until stopped, the first time at once. */
  start(intervalMs: number): void;
  /** Stops looking; a run under way stops before its next tenant and gives the day back at once. */
  stop(): Promise<void>;
}

const DANISH_TIME = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23',
});

/** The Danish calendar day and hour of an instant, so a server in UTC starts the day when Denmark does. */
export function danishDayAndHour(now: Date): { day: string; hour: number } {
  const parts = Object.fromEntries(DANISH_TIME.formatToParts(now).map((p) => [p.type, p.value]));
  return { day: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour) };
}

/** What may be stored and logged of an error: its kind and code, never a message that could quote a row. */
function errorKind(error: unknown): string {
  if (!(error instanceof Error)) return 'unknown';
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? `${error.name} ${code}` : error.name;
}

export function createRetentionScheduler(options: RetentionSchedulerOptions): RetentionScheduler {
  const instanceId = options.instanceId ?? `retention-${randomUUID()}`;
  const clock = options.clock ?? (() => new Date());
  const fromHour = options.fromHour ?? 2;
  const retryAfterMs = options.retryAfterMs ?? 60 * 60_000;
  const leaseMs = options.leaseMs ?? 10 * 60_000;
  const run = options.run ?? runRetention;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<RetentionCheck> | null = null;
  let stopping = false;
  const abort = new AbortController();

  async function runClaimed(claim: DailyClaim): Promise<RetentionCheck> {
    const renew = setInterval(() => {
      renewDay(options.db, claim, clock(), leaseMs).catch((error: unknown) =>
        options.log?.error({ err: { name: errorKind(error) }, day: claim.day }, 'renewing the retention claim failed'),
      );
    }, Math.max(50, leaseMs / 3));
    try {
      const report = await run(options.db, {
        ...options.periods,
        asOf: clock(),
        actorId: 'retention',
        origin: 'scheduler',
        ...(options.maintenance ? { maintenance: options.maintenance } : {}),
        signal: abort.signal,
        onTenantDone: (done) => {
          options.metrics?.retentionDeleted.inc({ kind: 'cases' }, done.cases);
          options.metrics?.retentionDeleted.inc({ kind: 'audit_rows' }, done.auditRows);
          options.metrics?.retentionDeleted.inc({ kind: 'drafts' }, done.drafts);
        },
      });
      await finishDay(options.db, claim, clock(), { totals: report.totals });
      options.log?.info({ day: claim.day, attempt: claim.attempt, deleted: report.totals }, 'retention run done');
      return { outcome: 'ran', day: claim.day, attempt: claim.attempt, report };
    } catch (error) {
      // Stopping hands the day to the next instance that looks; a failure waits its retry time.
      const now = clock();
      const retryAt = abort.signal.aborted ? now : new Date(now.getTime() + retryAfterMs);
      await failDay(options.db, claim, now, retryAt, abort.signal.aborted ? 'stopped' : errorKind(error)).catch((failed: unknown) =>
        options.log?.error({ err: { name: errorKind(failed) }, day: claim.day }, 'recording the failed retention run failed; its claim will lapse'),
      );
      options.log?.error({ err: { name: errorKind(error) }, day: claim.day, attempt: claim.attempt, retryAt: retryAt.toISOString() }, 'retention run failed; it is tried again later');
      return { outcome: 'failed', day: claim.day, attempt: claim.attempt };
    } finally {
      clearInterval(renew);
    }
  }

  async function check(): Promise<RetentionCheck> {
    const now = clock();
    const { day, hour } = danishDayAndHour(now);
    if (hour < fromHour) return { outcome: 'not-yet', day };
    const claim = await claimDay(options.db, { job: RETENTION_JOB, day, owner: instanceId, now, leaseMs });
    if (!claim) return { outcome: 'taken', day };
    return runClaimed(claim);
  }

  function once(): Promise<RetentionCheck> {
    if (stopping || running) return Promise.resolve({ outcome: 'busy' });
    const current = check().finally(() => {
      running = null;
    });
    running = current;
    return current;
  }

  return {
    instanceId,
    check: once,
    start(intervalMs) {
      const tick = () => {
        once().catch((error: unknown) => options.log?.error({ err: { name: errorKind(error) } }, 'looking for the day’s retention run failed'));
      };
      timer = setInterval(tick, intervalMs);
      tick();
    },
    async stop() {
      stopping = true;
      if (timer) clearInterval(timer);
      timer = null;
      abort.abort();
      await running?.catch(() => undefined);
    },
  };
}
