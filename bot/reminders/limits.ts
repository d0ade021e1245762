/**
 * Teams' published limits for proactive messages (learn.microsoft.com, "Rate limiting for bots"):
 * per bot per thread 7 per second, 8 per 2 seconds, 60 per 30 seconds, 1800 per hour;
 * and 50 requests per second per app per tenant.
 * The dispatcher and the connector stand-in both read these, so a test that passes proves the
 * dispatcher stays inside the same windows the service enforces.
 */
export interface RateWindow {
  limit: number;
  ms: number;
}

export interface RateLimits {
  thread: RateWindow[];
  tenant: RateWindow[];
}

export const TEAMS_LIMITS: RateLimits = {
  thread: [
    { limit: 7, ms: 1_000 },
    { limit: 8, ms: 2_000 },
    { limit: 60, ms: 30_000 },
    { limit: 1_800, ms: 3_600_000 },
  ],
  tenant: [{ limit: 50, ms: 1_000 }],
};

/**
 * The same limits with every window shortened by `factor` (e.g. 0.05 = twenty times faster).
 * Only tests use this, to exercise the windows at full strength without waiting real seconds;
 * the counts stay as published.
 */
export function scaleLimits(limits: RateLimits, factor: number): RateLimits {
  if (!(factor > 0)) throw new Error(`scale factor must be positive, got ${factor}`);
  const scale = (w: RateWindow): RateWindow => ({ limit: w.limit, ms: Math.max(1, Math.round(w.ms * factor)) });
  return { thread: limits.thread.map(scale), tenant: limits.tenant.map(scale) };
}
