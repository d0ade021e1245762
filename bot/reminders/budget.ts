import { randomUUID } from 'node:crypto';
import type pino from 'pino';
import type { Sql } from './db.js';
import type { RateLimits, RateWindow } from './limits.js';
import type { RateLimiter } from './rate-limiter.js';

/**
 * The per-tenant windows (50 requests per second per app per tenant) shared by every instance
 * through the database, as tokens: a window that admits n requests is n tokens, and a request
 * occupies one from the moment it is sent until one window length after its response, exactly
 * what the local limiter counts (rate-limiter.ts). An instance holding k tokens of a window
 * keeps its own requests to k in that window, reusing its tokens without asking the database;
 * together the instances never hold more than n.
 *
 * Why tokens rather than a fixed share or work stealing: with a fixed 1/n share an instance that
 * has run out of channels to claim leaves its part of the budget unused while the other still
 * has a backlog (the channels are leased whole, so the tail of a sweep is one instance's). Work
 * stealing would move channels, but a tenant's backlog in one busy channel cannot be split, and
 * the last channel of a sweep would still post at half rate. Tokens move the budget itself to
 * where the work is, cost a few statements per instance every `roundMs` (not per post), and keep
 * one instance's requests to one limiter as before.
 *
 * The share: every instance with reminders of a tenant to post says so (reminder_tenant_demand)
 * and holds at most ceil(n / instances that want) tokens; it takes free ones up to that, and gives
 * back what is above it. A token given back is free for others only once the requests made with
 * it have left the window: the k-th token handed back is free when enough of this instance's
 * requests have aged out that its remaining tokens cover the rest (`releaseDelays`). An instance
 * with nothing left to post gives back all it holds, so the other gets the whole budget within a
 * round, without waiting for its own channels to run out. Free times are the database's clock plus
 * a duration measured here, so no two clocks are compared.
 *
 * A dead instance's tokens come back when their hold (one lease) runs out without renewal; the
 * survivors have less meanwhile, never more. An instance that cannot renew stops using its tokens
 * after half a lease (`windows` gives it none), well before anyone else may take them.
 */
export interface TenantBudget {
  /** The tenant windows with this instance's share as their limits (0 while it holds none). */
  windows(tenantId: string): RateWindow[];
  /**
   * While tracked, `demand` says which tenants this instance has reminders of waiting to be
   * posted; the budget is fetched for them every round. The returned function ends the tracking
   * and resolves once what this instance held for it has been handed back.
   */
  track(demand: () => Iterable<string>): () => Promise<void>;
  /** Look again now (new work was claimed). */
  nudge(): void;
}

export interface BudgetOptions {
  db: Sql;
  /** The dispatcher's instance id; a per-process suffix is added, since the limiter is per process. */
  owner: string;
  limits: RateLimits;
  limiter: RateLimiter;
  /** How long a hold lasts without renewal. */
  leaseMs: number;
  log: pino.Logger;
  /** How often the shares are looked at; default a tenth of the shortest tenant window, within 20–100 ms. */
  roundMs?: number;
}

const LEASE = "clock_timestamp() + ($2::double precision * interval '1 millisecond')";

/**
 * How long from now each of the next `k` tokens handed back must wait before others may use it,
 * when this instance holds `held` tokens of the window and `remaining` lists how long each of its
 * requests still counts in the window (Infinity while in flight). At any time its requests still
 * in the window plus the tokens others may use by then stay within `held`. Shorter than `k` when
 * requests in flight keep tokens in use: those are handed back in a later round.
 */
export function releaseDelays(held: number, remaining: number[], k: number): number[] {
  const sorted = [...remaining].sort((a, b) => a - b);
  const spare = held - sorted.length;
  const delays: number[] = [];
  for (let j = 1; j <= k; j++) {
    const i = j - spare;
    const delay = i <= 0 ? 0 : sorted[i - 1]!;
    if (!Number.isFinite(delay)) break;
    delays.push(Math.ceil(delay));
  }
  return delays;
}

interface Held {
  /** Per tenant window (same order as limits.tenant), the slots of reminder_tenant_tokens held. */
  slots: number[][];
}

export function createTenantBudget(o: BudgetOptions): TenantBudget {
  const holder = `${o.owner}#${randomUUID().slice(0, 8)}`;
  const windows = o.limits.tenant;
  const roundMs = o.roundMs ?? Math.max(20, Math.min(100, Math.min(...windows.map((w) => w.ms)) / 10));
  const held = new Map<string, Held>();
  const known = new Set<string>();
  const providers = new Set<() => Iterable<string>>();
  /** performance.now() at the start of the last round the database answered in full. */
  let lastRound = -Infinity;
  let rounds = 0;
  let wakeLoop: (() => void) | null = null;
  const roundWaiters: { after: number; resolve: () => void }[] = [];
  let loop: Promise<void> | null = null;

  const heldOf = (tenantId: string): Held => {
    let h = held.get(tenantId);
    if (!h) held.set(tenantId, (h = { slots: windows.map(() => []) }));
    return h;
  };

  const live = () => performance.now() - lastRound < o.leaseMs / 2;

  async function round(): Promise<void> {
    const started = performance.now();
    const wasLive = live();
    const want = new Set<string>();
    for (const demand of providers) for (const t of demand()) want.add(t);
    const wanted = [...want];
    const fresh = wanted.filter((t) => !known.has(t));
    if (fresh.length > 0) {
      await o.db.query(
        `INSERT INTO reminder_tenant_tokens (tenant_id, window_ms, slot)
         SELECT t, w.ms, s FROM unnest($1::text[]) t, unnest($2::int[], $3::int[]) AS w(ms, lim), generate_series(0, w.lim - 1) s
         ON CONFLICT DO NOTHING`,
        [fresh, windows.map((w) => w.ms), windows.map((w) => w.limit)],
      );
      for (const t of fresh) known.add(t);
    }
    await o.db.query(
      `WITH gone AS (DELETE FROM reminder_tenant_demand WHERE holder = $1 AND NOT (tenant_id = ANY($3::text[])))
       INSERT INTO reminder_tenant_demand (tenant_id, holder, expires_at) SELECT t, $1, ${LEASE} FROM unnest($3::text[]) t
       ON CONFLICT (tenant_id, holder) DO UPDATE SET expires_at = EXCLUDED.expires_at`,
      [holder, o.leaseMs, wanted],
    );
    // What the database says this instance holds (renewed), and how many instances want each tenant.
    const rows = await o.db.query<{ kind: string; tenant_id: string; window_ms: number; slot: number }>(
      `WITH renewed AS (UPDATE reminder_tenant_tokens SET expires_at = ${LEASE} WHERE holder = $1 RETURNING tenant_id, window_ms, slot)
       SELECT 'held' AS kind, tenant_id, window_ms, slot FROM renewed
       UNION ALL
       SELECT 'demand', tenant_id, 0, count(*)::int FROM reminder_tenant_demand
       WHERE tenant_id = ANY($3::text[]) AND expires_at > clock_timestamp() GROUP BY tenant_id`,
      [holder, o.leaseMs, wanted],
    );
    const demanders = new Map<string, number>();
    const inDb = new Map<string, Held>();
    for (const r of rows) {
      if (r.kind === 'demand') {
        demanders.set(r.tenant_id, r.slot);
        continue;
      }
      const i = windows.findIndex((w) => w.ms === r.window_ms);
      if (i < 0) continue;
      let h = inDb.get(r.tenant_id);
      if (!h) inDb.set(r.tenant_id, (h = { slots: windows.map(() => []) }));
      h.slots[i]!.push(r.slot);
    }
    held.clear();
    for (const [t, h] of inDb) held.set(t, h);

    // Hand back what is above the share: first here (so no new request counts on it), then there.
    const give: { tenant: string; ms: number; slot: number; delay: number }[] = [];
    const take: { tenant: string; ms: number; limit: number; n: number }[] = [];
    for (const tenant of new Set([...want, ...held.keys()])) {
      const h = heldOf(tenant);
      const sharing = Math.max(1, demanders.get(tenant) ?? 1);
      windows.forEach((w, i) => {
        const cap = want.has(tenant) ? Math.ceil(w.limit / sharing) : 0;
        const slots = h.slots[i]!;
        if (slots.length > cap) {
          const delays = releaseDelays(slots.length, o.limiter.remaining(`tenant:${tenant}`, w.ms), slots.length - cap);
          for (const delay of delays) give.push({ tenant, ms: w.ms, slot: slots.pop()!, delay });
        } else if (slots.length < cap) {
          take.push({ tenant, ms: w.ms, limit: w.limit, n: cap - slots.length });
        }
      });
    }
    if (give.length > 0) {
      await o.db.query(
        `UPDATE reminder_tenant_tokens t SET holder = NULL, expires_at = NULL, released_by = $1,
           free_at = clock_timestamp() + (g.delay::double precision * interval '1 millisecond')
         FROM unnest($2::text[], $3::int[], $4::int[], $5::int[]) AS g(tenant_id, window_ms, slot, delay)
         WHERE t.tenant_id = g.tenant_id AND t.window_ms = g.window_ms AND t.slot = g.slot AND t.holder = $1`,
        [holder, give.map((g) => g.tenant), give.map((g) => g.ms), give.map((g) => g.slot), give.map((g) => g.delay)],
      );
    }
    if (take.length > 0) {
      const got = await o.db.query<{ tenant_id: string; window_ms: number; slot: number }>(
        `WITH wanted AS (SELECT * FROM unnest($3::text[], $4::int[], $5::int[], $6::int[]) AS w(tenant_id, window_ms, lim, n)),
         picked AS (
           SELECT p.tenant_id, p.window_ms, p.slot FROM wanted CROSS JOIN LATERAL (
             SELECT t.tenant_id, t.window_ms, t.slot FROM reminder_tenant_tokens t
             WHERE t.tenant_id = wanted.tenant_id AND t.window_ms = wanted.window_ms AND t.slot < wanted.lim
               AND ((t.holder IS NULL AND (t.free_at <= clock_timestamp() OR t.released_by = $1))
                 OR (t.holder <> $1 AND t.expires_at < clock_timestamp()))
             ORDER BY (t.released_by IS NOT DISTINCT FROM $1::text) DESC, t.slot
             LIMIT wanted.n
             FOR UPDATE OF t SKIP LOCKED) p)
         UPDATE reminder_tenant_tokens t SET holder = $1, expires_at = ${LEASE}, released_by = NULL
         FROM picked WHERE t.tenant_id = picked.tenant_id AND t.window_ms = picked.window_ms AND t.slot = picked.slot
         RETURNING t.tenant_id, t.window_ms, t.slot`,
        [holder, o.leaseMs, take.map((t) => t.tenant), take.map((t) => t.ms), take.map((t) => t.limit), take.map((t) => t.n)],
      );
      for (const r of got) {
        const i = windows.findIndex((w) => w.ms === r.window_ms);
        if (i >= 0) heldOf(r.tenant_id).slots[i]!.push(r.slot);
      }
      if (got.length > 0) o.limiter.wake();
    }
    for (const [t, h] of held) if (h.slots.every((s) => s.length === 0)) held.delete(t);
    lastRound = started;
    // Held tokens that were not usable while the database was away are again.
    if (!wasLive) o.limiter.wake();
  }

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        wakeLoop = null;
        resolve();
      }, ms);
      wakeLoop = () => {
        clearTimeout(timer);
        wakeLoop = null;
        resolve();
      };
    });

  const ensureLoop = () => {
    loop ??= (async () => {
      for (;;) {
        const seq = ++rounds;
        const active = providers.size > 0;
        try {
          await round();
        } catch (error) {
          o.log.warn({ err: { name: (error as Error)?.name } }, 'sharing the tenant posting budget failed; trying again');
        }
        for (const w of roundWaiters.filter((w) => w.after < seq)) {
          roundWaiters.splice(roundWaiters.indexOf(w), 1);
          w.resolve();
        }
        if (!active && providers.size === 0 && held.size === 0) return;
        // Someone waits for a round that started after it asked (the end of a sweep): run it now.
        if (roundWaiters.length === 0) await pause(active ? roundMs : roundMs * 2);
        if (!active && providers.size === 0 && performance.now() - lastRound > o.leaseMs) {
          // The database has not answered for a lease: what was held has expired there anyway.
          held.clear();
          return;
        }
      }
    })().finally(() => {
      loop = null;
      for (const w of roundWaiters.splice(0)) w.resolve();
      if (providers.size > 0) ensureLoop();
    });
  };

  return {
    windows(tenantId) {
      const h = held.get(tenantId);
      const usable = live();
      return windows.map((w, i) => ({ limit: usable ? (h?.slots[i]?.length ?? 0) : 0, ms: w.ms }));
    },
    track(demand) {
      providers.add(demand);
      ensureLoop();
      wakeLoop?.();
      return () => {
        providers.delete(demand);
        const done = new Promise<void>((resolve) => roundWaiters.push({ after: rounds, resolve }));
        wakeLoop?.();
        return done;
      };
    },
    nudge() {
      wakeLoop?.();
    },
  };
}
