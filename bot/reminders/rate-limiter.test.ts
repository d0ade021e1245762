import { describe, expect, it } from 'vitest';
import { ManualClock } from './clock.js';
import { RateLimiter, type KeyedWindows } from './rate-limiter.js';
import { TEAMS_LIMITS } from './limits.js';

const thread: KeyedWindows = { key: 'thread:a', windows: TEAMS_LIMITS.thread };

/** Sends `count` requests as fast as the limiter lets through, each answered after `latency` ms. */
async function sendAll(clock: ManualClock, limiter: RateLimiter, keys: KeyedWindows[], count: number, latency = 5) {
  const sentAt: number[] = [];
  const arrivedAt: number[] = [];
  const run = (async () => {
    for (let i = 0; i < count; i++) {
      const permit = await limiter.acquire(keys);
      sentAt.push(clock.now());
      arrivedAt.push(clock.now() + latency / 2);
      void clock.sleep(latency).then(() => permit.done());
    }
  })();
  return { sentAt, arrivedAt, run };
}

function maxInWindow(times: number[], ms: number): number {
  let best = 0;
  for (let i = 0; i < times.length; i++) {
    const t0 = times[i]!;
    best = Math.max(best, times.filter((t) => t >= t0 && t < t0 + ms).length);
  }
  return best;
}

describe('rate limiter', () => {
  it('lets a burst of 7 into a thread at once, then holds the 8th until the 1-second window frees', async () => {
    const clock = new ManualClock();
    const limiter = new RateLimiter(clock);
    const { sentAt, run } = await sendAll(clock, limiter, [thread], 8);
    await clock.advance(100);
    expect(sentAt).toHaveLength(7);
    await clock.advance(1_000);
    await run;
    expect(sentAt).toHaveLength(8);
    expect(sentAt[7]! - sentAt[0]!).toBeGreaterThanOrEqual(1_000);
  });

  it('keeps every published thread window as the service counts arrivals, over two minutes of sending', async () => {
    const clock = new ManualClock();
    const limiter = new RateLimiter(clock);
    const { arrivedAt, run } = await sendAll(clock, limiter, [thread], 70, 20);
    await clock.advance(120_000);
    await run;
    expect(arrivedAt).toHaveLength(70);
    for (const w of TEAMS_LIMITS.thread) expect(maxInWindow(arrivedAt, w.ms)).toBeLessThanOrEqual(w.limit);
    // 60 per 30 s is the binding window: the 61st must wait ~30 s, not longer than needed.
    expect(arrivedAt[60]! - arrivedAt[0]!).toBeLessThan(31_000);
  });

  it('holds a key closed until the time a 429 named, then resumes', async () => {
    const clock = new ManualClock();
    const limiter = new RateLimiter(clock);
    limiter.block('thread:a', 3_000);
    const { sentAt, run } = await sendAll(clock, limiter, [thread], 1);
    await clock.advance(2_999);
    expect(sentAt).toHaveLength(0);
    await clock.advance(10);
    await run;
    expect(sentAt[0]).toBeGreaterThanOrEqual(3_000);
  });

  it('counts a tenant window across threads, so many threads together stay under 50 per second', async () => {
    const clock = new ManualClock();
    const limiter = new RateLimiter(clock);
    const tenant = { key: 'tenant:t', windows: [{ limit: 50, ms: 1_000 }] };
    const times: number[] = [];
    const runs = Array.from({ length: 20 }, (_, i) =>
      (async () => {
        for (let k = 0; k < 6; k++) {
          const permit = await limiter.acquire([{ key: `thread:${i}`, windows: TEAMS_LIMITS.thread }, tenant]);
          times.push(clock.now());
          void clock.sleep(3).then(() => permit.done());
        }
      })(),
    );
    await clock.advance(10_000);
    await Promise.all(runs);
    expect(times).toHaveLength(120);
    expect(maxInWindow(times, 1_000)).toBeLessThanOrEqual(50);
  });
});
