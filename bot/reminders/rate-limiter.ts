import type { Clock } from './clock.js';
import type { RateWindow } from './limits.js';

/**
 * Sliding-window limiter over keyed windows (a thread, a tenant).
 *
 * A request occupies its windows from the moment it is sent until one window length after its
 * response came back. The service counts the request when it arrives, which lies between the
 * two, so counting from the response is conservative without assuming anything about network
 * delay or clock skew: if request k+L is sent at least W after request k's response, the service
 * saw them at least W apart. The price is one round trip per window, a few milliseconds per second.
 */
export interface Permit {
  /** Call when the response has come back (any status). */
  done(): void;
}

export interface KeyedWindows {
  key: string;
  windows: RateWindow[];
}

interface Slot {
  /** null while the request is in flight. */
  end: number | null;
}

export class RateLimiter {
  private readonly slots = new Map<string, Slot[]>();
  private readonly blockedUntil = new Map<string, number>();
  private readonly waiters = new Set<() => void>();

  constructor(private readonly clock: Clock) {}

  /**
   * Waits until every key has room in every one of its windows, then takes a slot in each. A
   * function is asked again each time, for windows whose limits change (the tenant's shared budget).
   */
  async acquire(keysOrNow: KeyedWindows[] | (() => KeyedWindows[])): Promise<Permit> {
    for (;;) {
      const keys = typeof keysOrNow === 'function' ? keysOrNow() : keysOrNow;
      const wait = this.waitFor(keys);
      if (wait === 0) return this.take(keys);
      // Infinity means only in-flight requests block us: wake when one of them completes.
      await this.sleepOrWake(wait);
    }
  }

  /** After a 429 the service has told us when to come back; nobody sends on this key before. */
  block(key: string, untilMs: number): void {
    this.blockedUntil.set(key, Math.max(untilMs, this.blockedUntil.get(key) ?? 0));
  }

  /**
   * Replaces what this limiter knows of a key's finished requests with a fuller record (the
   * database's, which includes other instances'), keeping its own requests still in flight.
   */
  seed(key: string, responseTimes: number[]): void {
    const inFlight = (this.slots.get(key) ?? []).filter((s) => s.end === null);
    this.slots.set(key, [...responseTimes.map((end) => ({ end })), ...inFlight]);
  }

  /**
   * For each of `key`'s requests that still counts in a window of `windowMs`: milliseconds until it
   * no longer does (Infinity while in flight).
   */
  remaining(key: string, windowMs: number): number[] {
    const now = this.clock.now();
    return (this.slots.get(key) ?? []).map((s) => (s.end === null ? Infinity : s.end + windowMs - now)).filter((ms) => ms > 0);
  }

  /** Milliseconds until `keys` would have room; 0 = now; Infinity = when an in-flight request ends. */
  waitFor(keys: KeyedWindows[]): number {
    const now = this.clock.now();
    let wait = 0;
    for (const { key, windows } of keys) {
      const blocked = (this.blockedUntil.get(key) ?? 0) - now;
      if (blocked > 0) wait = Math.max(wait, blocked);
      const slots = this.prune(key, windows, now);
      for (const w of windows) {
        const live = slots.filter((s) => s.end === null || s.end + w.ms > now);
        if (live.length < w.limit) continue;
        // The window frees up when enough of its slots have aged out.
        const mustExpire = live.length - w.limit + 1;
        const ends = live.map((s) => (s.end === null ? Infinity : s.end + w.ms - now)).sort((a, b) => a - b);
        wait = Math.max(wait, ends[mustExpire - 1] ?? Infinity);
      }
    }
    return wait;
  }

  /**
   * Waits `ms` (Infinity: no timer), or less: until any request finishes or `wake` is called. For
   * a caller choosing among keys, to look again when one of them may have room.
   */
  pause(ms: number): Promise<void> {
    return this.sleepOrWake(ms);
  }

  wake(): void {
    for (const wake of [...this.waiters]) wake();
  }

  private take(keys: KeyedWindows[]): Permit {
    const taken: Slot[] = [];
    for (const { key } of keys) {
      const slot: Slot = { end: null };
      const list = this.slots.get(key) ?? [];
      list.push(slot);
      this.slots.set(key, list);
      taken.push(slot);
    }
    let finished = false;
    return {
      done: () => {
        if (finished) return;
        finished = true;
        const end = this.clock.now();
        for (const slot of taken) slot.end = end;
        this.wake();
      },
    };
  }

  private prune(key: string, windows: RateWindow[], now: number): Slot[] {
    const longest = Math.max(0, ...windows.map((w) => w.ms));
    const list = (this.slots.get(key) ?? []).filter((s) => s.end === null || s.end + longest > now);
    if (list.length === 0) this.slots.delete(key);
    else this.slots.set(key, list);
    return list;
  }

  private sleepOrWake(ms: number): Promise<void> {
    return new Promise((resolve) => {
      let settled = false;
      const wake = () => {
        if (settled) return;
        settled = true;
        this.waiters.delete(wake);
        resolve();
      };
      this.waiters.add(wake);
      if (Number.isFinite(ms)) void this.clock.sleep(ms).then(wake);
    });
  }
}
