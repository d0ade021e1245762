import { randomUUID } from 'node:crypto';
import pino from 'pino';
import type { ProductMetrics } from '../observability/product-metrics.js';
import type { ConnectorClient } from '../teams/proactive.js';
import { claimBatch, releaseAll, releaseExpired, renewLeases, type ClaimedReminder } from './claims.js';
import { systemClock, type Clock } from './clock.js';
import type { SqlWithTransactions } from './db.js';
import { DEFAULT_RETRY, deliver, emptyLearnt, nextThreadKey, waitsForChannelProbe, windowsFor, type DeliveryContext, type DeliveryResult, type RetryPolicy } from './delivery.js';
import { teamMemberNames } from '../teams/roster.js';
import { TEAMS_LIMITS, tenantShare, type RateLimits } from './limits.js';
import { mentionLookup } from './mention.js';
import { recentRequests } from './outcomes.js';
import { RateLimiter } from './rate-limiter.js';
import { createUnrecordedPosts } from './unrecorded.js';
import { danishToday } from '../summary/today.js';

/**
 * The reminder dispatcher: runs in every bot process, sweeps due reminders on an interval and
 * posts them.
 *
 * One post per case and day: a case's claimed reminders that fell due on the same Danish calendar
 * day (their fire time in Europe/Copenhagen, bot/summary/today.ts, the one calendar the product
 * keeps) go out as one card with every item on it (a level 2 case's § 95 follow-up and its
 * re-grant, say), the caseworker @mentioned once, each item with its own actions (message.ts),
 * and every reminder on it recorded with the post's one activity id (delivery.ts, outcomes.ts).
 * The claim keeps them together: they are claimed, marked sending, renewed and given back in the
 * same statements, so a takeover after a crash finds them abandoned at the same instant and posts
 * them together again. A reminder of the case claimed later the same day, after the day's post went
 * out (a snooze that falls due in the afternoon, a date a new decision brings due at once), goes as
 * its own post, a reply in the case's thread: an edit of the morning's card would notify nobody,
 * and would be a second request whose failure could leave one post recorded under two stories.
 * Reminders of earlier days still waiting (the bot was down) go as one post per day, in order.
 * A claim takes a case's due rows whole, however many the channel's share of the batch
 * (claims.ts CLAIM_ROWS_SQL); a row that was held up (locked by a decision being saved) and comes
 * in a later claim joins the case's queue and its post, unless the post is already going out, when
 * it follows as a reply like any later claim.
 *
 * How Teams' limits hold with several instances:
 * - Per thread (7/1 s, 8/2 s, 60/30 s, 1800/h). An instance leases whole channels (claims.ts), so
 *   while it holds a channel, every request into the channel and its case threads goes through
 *   its own limiter and nobody else's. When it takes over a channel another instance held, it
 *   first seeds its limiter from the outcomes log, which records every request with its thread
 *   key and response time, so the windows carry over between instances too. (They rest on the
 *   instances' clocks agreeing to within a few milliseconds, which NTP gives.)
 * - Per tenant (50 requests/s per app). Here the instances work in parallel on different
 *   channels of the same tenant, so we divide: each instance keeps floor(50 / instances) per
 *   second, where `instances` is the deployment's replica count. We chose this over a shared
 *   counter in the database because a shared counter costs a database write per post and
 *   makes one row per tenant the hottest in the system, all to use a budget that a
 *   municipality's reminders (a few hundred a day) never approach. If more replicas run than
 *   configured, the service answers 429 and we wait as told: later, never lost.
 * - Personal chats (the fallback when the bot is removed) are keyed by the caseworker; a
 *   caseworker with cases in two channels owned by two instances could get two posts in one
 *   window from different limiters. That is rare, and a 429 there is obeyed as above.
 *
 * What a crash or an outage can cost (claims.ts, unrecorded.ts):
 * - A database outage of any length, with the instance alive: nothing posted twice. A post that
 *   could not be recorded stays claimed and marked sending, is retried until the database answers,
 *   and survives a stop in the journal (one file per data folder, so each instance needs its own).
 * - An instance killed: reminders it had claimed but not started are posted by another after one
 *   lease. Those whose post had started (marked sending, not recorded) are "maybe sent": another
 *   instance posts them after two leases and a sweep, as a reply in the case's thread when it has
 *   one, since a duplicate is a smaller harm than a lapsed review nobody was told of. The
 *   duplicates are bounded by the posts in flight at the kill, at most `concurrency` per instance;
 *   the window for each is one connector round trip plus one database write. A case's first
 *   reminder has no thread yet, so its repeat opens a second one: that is the remaining cost.
 * - An instance cut off from the database for more than two leases while the others are not
 *   behaves as killed; its records then find the claim taken and are logged, not written.
 */

/** Well under a minute: a dead instance's reminders wait about this long (twice it when maybe sent). */
export const DEFAULT_LEASE_MS = 15_000;
const STOP_DRAIN_MS = 5_000;

export interface DispatcherOptions {
  db: SqlWithTransactions;
  connector: ConnectorClient;
  /** The bot's id in Teams ("28:<app id>"). */
  botId: string;
  instanceId?: string;
  limits?: RateLimits;
  /** How many dispatchers run against this database (the replica count). */
  instances?: number;
  clock?: Clock;
  /**
   * How long a claim holds without renewal (renewed every third of it while working). It bounds
   * how long a dead instance's reminders wait: never-sent ones go back after one lease, maybe-sent
   * ones after two (claims.ts). Default 15 s (REMINDER_LEASE_SECONDS).
   */
  leaseMs?: number;
  /**
   * Where posts that went out but could not be recorded are kept across a stop (unrecorded.ts):
   * a file in the data folder. null or absent: memory only.
   */
  journalFile?: string | null;
  /** How long stop() waits for unrecorded posts to be recorded before leaving them to the journal. */
  stopDrainMs?: number;
  maxChannelsPerBatch?: number;
  maxRowsPerBatch?: number;
  /** Cases delivered at once; each case's own reminders go one after another, in order. */
  concurrency?: number;
  retry?: RetryPolicy;
  random?: () => number;
  log?: pino.Logger;
  /** The process's counters (GET /metrics); absent in the operator command and most tests. */
  metrics?: Pick<ProductMetrics, 'reminders'>;
}

export interface SweepReport {
  asOf: string;
  instance: string;
  /** One line per reminder; the reminders of one post share its outcome (and activity id). */
  results: (DeliveryResult & { tenantId: string; reminderId: number; caseRef: string; notice: string; due: string })[];
}

export interface Dispatcher {
  readonly instanceId: string;
  /** One sweep: everything due by `asOf` that this instance can claim. */
  sweep(asOf?: Date): Promise<SweepReport>;
  /** Sweeps every `intervalMs` until stopped. */
  start(intervalMs: number): void;
  /** Finishes what is in flight, gives back what is not started, and stops. */
  stop(): Promise<void>;
}

export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const instanceId = options.instanceId ?? `dispatcher-${randomUUID()}`;
  const clock = options.clock ?? systemClock;
  const limits = options.limits ?? TEAMS_LIMITS;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const concurrency = options.concurrency ?? 32;
  const log = options.log ?? pino({ name: 'reminders', level: process.env.LOG_LEVEL ?? 'info' });
  const limiter = new RateLimiter(clock);
  const longestThreadWindow = Math.max(...limits.thread.map((w) => w.ms));
  let stopping = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<SweepReport> | null = null;
  let sweeping = 0;
  const unrecorded = createUnrecordedPosts({ db: options.db, file: options.journalFile ?? null, log });
  let replayed: Promise<void> | null = null;
  /** Once per process: posts an earlier run made but could not record are recorded first. */
  const replayJournal = () =>
    (replayed ??= unrecorded.replay().then(
      (n) => {
        if (n > 0) log.warn({ posts: n }, 'reminder posts left unrecorded by the last run are being recorded');
      },
      (error: unknown) => {
        replayed = null;
        throw error;
      },
    ));
  // Leases are renewed while a sweep works and while posts wait here to be recorded: a claim
  // marked sending must not look abandoned just because its sweep has ended.
  let renewer: NodeJS.Timeout | null = null;
  const ensureRenewer = () => {
    renewer ??= setInterval(() => {
      if (sweeping === 0 && unrecorded.size() === 0) return;
      for (const owner of new Set([instanceId, ...unrecorded.owners()])) {
        renewLeases(options.db, owner, leaseMs).catch((error: unknown) => log.warn({ err: { name: (error as Error)?.name } }, 'renewing reminder leases failed'));
      }
    }, Math.max(50, leaseMs / 3));
    renewer.unref();
  };

  async function sweep(asOf = new Date()): Promise<SweepReport> {
    const report: SweepReport = { asOf: asOf.toISOString(), instance: instanceId, results: [] };
    const ctx: DeliveryContext = {
      db: options.db, connector: options.connector, limiter, limits, instances: options.instances ?? 1, botId: options.botId, owner: instanceId, clock,
      stopping: () => stopping, retry: options.retry ?? DEFAULT_RETRY, random: options.random ?? Math.random, log, learnt: emptyLearnt(),
      count: (outcome) => options.metrics?.reminders.inc({ outcome }),
      unrecorded,
      mention: mentionLookup({ db: options.db, names: teamMemberNames(options.connector), log, acquire: (tenantId) => limiter.acquire([{ key: `tenant:${tenantId}`, windows: tenantShare(limits, options.instances ?? 1) }]) }),
    };
    sweeping++;
    ensureRenewer();
    try {
      await replayJournal();
      await releaseExpired(options.db, leaseMs);
      await deliverAll(ctx, asOf, report);
    } finally {
      // Posts the database has not recorded yet: given up to a lease to land before the channels
      // are freed, so the next owner's windows see them; after that they go on being retried in
      // the background (their rows stay claimed and marked sending either way).
      await unrecorded.drain(leaseMs);
      sweeping--;
      await releaseAll(options.db, instanceId);
    }
    return report;
  }

  /** The first time this sweep holds a channel, learn what was sent into it lately by anyone. */
  async function seedFromLog(batch: ClaimedReminder[], seeded: Set<string>): Promise<void> {
    const byTenant = new Map<string, Set<string>>();
    for (const r of batch) {
      for (const key of [r.channelId, r.threadId].filter((k): k is string => k !== null)) {
        if (seeded.has(`${r.tenantId}/${key}`)) continue;
        seeded.add(`${r.tenantId}/${key}`);
        byTenant.set(r.tenantId, (byTenant.get(r.tenantId) ?? new Set()).add(key));
      }
    }
    for (const [tenantId, keys] of byTenant) {
      const recent = await recentRequests(options.db, tenantId, [...keys], clock.now() - longestThreadWindow);
      for (const key of keys) limiter.seed(`thread:${key}`, recent.filter((x) => x.threadKey === key).map((x) => x.at));
    }
  }

  /**
   * Per-conversation queues. Each claimed case is a queue of its reminders, in order (so its thread
   * is opened once); a worker takes whichever case's next request has room in its conversation's
   * windows now, makes the case's next post (its reminders of one day, `nextPost`), and puts the
   * case back. A case throttled with 429 waits out
   * its Retry-After in the queue, not in a worker, so a throttled thread never holds up the others;
   * when no case has room the next batch is claimed, so other channels go on at their own pace.
   */
  async function deliverAll(ctx: DeliveryContext, asOf: Date, report: SweepReport): Promise<void> {
    const maxRows = options.maxRowsPerBatch ?? 500;
    const queues: CaseQueue[] = [];
    const byCase = new Map<string, CaseQueue>();
    const seeded = new Set<string>();
    let exhausted = false;
    let claiming: Promise<void> | null = null;
    let failure: { error: unknown } | null = null;
    const claimMore = () =>
      (claiming ??= (async () => {
        const batch = await claimBatch(options.db, { owner: instanceId, asOf, leaseMs, maxChannels: options.maxChannelsPerBatch ?? 50, maxRows });
        if (batch.length === 0) exhausted = true;
        await seedFromLog(batch, seeded);
        for (const rows of groupByCase(batch)) {
          // A case already queued (its rows came in two batches) keeps one queue, so its rows of a day stay on one post.
          const key = `${rows[0]!.tenantId}/${rows[0]!.caseId}`;
          const queued = byCase.get(key);
          if (queued && queued.rows.length > 0) queued.rows.push(...rows);
          else {
            const q: CaseQueue = { rows, readyAt: 0, busy: false };
            queues.push(q);
            byCase.set(key, q);
          }
        }
      })()
        .catch((error: unknown) => void (failure = { error }))
        .finally(() => {
          claiming = null;
          limiter.wake();
        }));
    // How long until the case's next request has room in its thread's and its tenant's windows.
    // Cases that share a conversation (new threads in one channel) are asked about once per look.
    const roomIn = (q: CaseQueue, now: number, seen: Map<string, number>): number => {
      const r = q.rows[0]!;
      if (q.busy || waitsForChannelProbe(ctx, r)) return Infinity;
      if (q.readyAt > now) return q.readyAt - now;
      const key = `${r.tenantId}\n${nextThreadKey(ctx, r)}`;
      let wait = seen.get(key);
      if (wait === undefined) {
        wait = limiter.waitFor(windowsFor(ctx, r.tenantId, nextThreadKey(ctx, r)));
        seen.set(key, wait);
      }
      // A finite wait only grows as other requests start, so the case need not be asked before then.
      if (wait > 0 && Number.isFinite(wait)) q.readyAt = now + wait;
      return wait;
    };
    const serve = async (q: CaseQueue): Promise<void> => {
      q.busy = true;
      const post = nextPost(q.rows);
      const r = post[0]!;
      try {
        const result = await deliver(ctx, post);
        if (result.outcome === 'deferred') {
          q.readyAt = result.untilMs;
          return;
        }
        q.rows = q.rows.filter((x) => !post.includes(x));
        if (result.outcome !== 'released') for (const x of post) report.results.push({ ...result, tenantId: x.tenantId, reminderId: x.reminderId, caseRef: x.caseRef, notice: x.notice, due: x.due });
      } catch (error) {
        // A database error while recording an outcome: the row stays claimed and is given back
        // by the end of the sweep or its lease (claims.ts); the case's later reminders wait.
        log.warn({ reminderId: r.reminderId, tenantId: r.tenantId, err: { name: (error as Error)?.name } }, 'reminder delivery stopped by an error');
        q.rows = [];
      } finally {
        q.busy = false;
        limiter.wake();
      }
    };
    const worker = async (): Promise<void> => {
      while (!stopping && !failure) {
        for (let i = queues.length - 1; i >= 0; i--) if (queues[i]!.rows.length === 0) queues.splice(i, 1);
        if (exhausted && queues.length === 0) return;
        const now = clock.now();
        let soonest = Infinity;
        let pick: CaseQueue | null = null;
        const seen = new Map<string, number>();
        for (const q of queues) {
          const wait = roomIn(q, now, seen);
          if (wait <= 0) {
            pick = q;
            break;
          }
          soonest = Math.min(soonest, wait);
        }
        // The next batch is claimed while this one is still being posted (or when nothing in it has
        // room), so the workers do not stand idle while the claim runs.
        // Cases waiting out a Retry-After do not count against the cap: however many are throttled,
        // the rest of the due channels are claimed.
        const waiting = queues.reduce((n, q) => (q.busy || q.readyAt > now ? n : n + 1), 0);
        if (!exhausted && !claiming && waiting < 2 * maxRows && (!pick || waiting < 2 * concurrency)) void claimMore();
        if (pick) await serve(pick);
        else await limiter.pause(soonest);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    if (failure) throw (failure as { error: unknown }).error;
  }

  function tick(): void {
    if (running) return;
    running = sweep();
    running
      .then((report) => {
        if (report.results.length > 0) log.info({ instance: instanceId, results: report.results.length }, 'reminder sweep done');
      })
      .catch((error: unknown) => log.error({ err: error, instance: instanceId }, 'reminder sweep failed'))
      .finally(() => {
        running = null;
      });
  }

  return {
    instanceId,
    sweep: (asOf) => {
      stopping = false;
      const run = sweep(asOf);
      running = run;
      return run.finally(() => {
        if (running === run) running = null;
      });
    },
    start(intervalMs) {
      stopping = false;
      timer = setInterval(tick, intervalMs);
      tick();
    },
    async stop() {
      stopping = true;
      if (timer) clearInterval(timer);
      timer = null;
      await running?.catch(() => undefined);
      // A few seconds for waiting records; what is still unrecorded stays in the journal for the next start.
      if (!(await unrecorded.drain(options.stopDrainMs ?? STOP_DRAIN_MS))) log.warn({ posts: unrecorded.size() }, 'reminder posts still unrecorded at stop; kept in the journal');
      unrecorded.stop();
      if (renewer) clearInterval(renewer);
      renewer = null;
    },
  };
}

interface CaseQueue {
  /** The case's claimed reminders not yet delivered, in order; the first day's go out together. */
  rows: ClaimedReminder[];
  /** Not before this (clock ms): a 429's Retry-After. */
  readyAt: number;
  /** A worker is delivering its first reminder. */
  busy: boolean;
}

/**
 * The case's next post: its claimed reminders of the earliest Danish calendar day among them (the
 * day a fire time falls on in Copenhagen), in the order the card shows them, which is the order
 * the card actions read them back in (actions.ts): by fire time, due date, id.
 */
export function nextPost(rows: readonly ClaimedReminder[]): ClaimedReminder[] {
  const day = rows.map((r) => danishToday(r.fireAt)).reduce((a, b) => (b < a ? b : a));
  return rows
    .filter((r) => danishToday(r.fireAt) === day)
    .sort((a, b) => a.fireAt.getTime() - b.fireAt.getTime() || a.due.localeCompare(b.due) || a.reminderId - b.reminderId)
    .slice(0, MAX_ITEMS_PER_POST);
}

/**
 * An item is about 2.4 KB of card and Teams refuses a card over 28 KB: a post carries at most this
 * many (about 20 KB), the day's others follow as the next post, a reply in the thread. A case has
 * two or three on a day; the bound is for a backlog nobody planned.
 */
export const MAX_ITEMS_PER_POST = 8;

function groupByCase(batch: ClaimedReminder[]): ClaimedReminder[][] {
  const groups = new Map<string, ClaimedReminder[]>();
  for (const r of batch) {
    const key = `${r.tenantId}/${r.caseId}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.values()];
}
