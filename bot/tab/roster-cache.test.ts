import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RosterSource } from './access.js';
import { databaseCachedRoster } from './roster-cache.js';
import { testDatabase, type TestDatabase } from '../../test/support/db.js';

let db: TestDatabase;

beforeAll(async () => {
  db = await testDatabase();
});
afterAll(() => db.close());

/** A roster whose answers can change, counting how often it is asked. */
function roster(members: Set<string>) {
  const source = { calls: 0, async isMember(_t: string, _team: string, user: string) { source.calls += 1; return members.has(user); } };
  return source satisfies RosterSource;
}

describe('the roster cache in the database', () => {
  it('asks the roster once within the TTL and shares the answer across instances', async () => {
    const source = roster(new Set(['u1']));
    let clock = new Date('2026-10-01T10:00:00Z');
    const a = databaseCachedRoster(source, db, { now: () => clock });
    const b = databaseCachedRoster(source, db, { now: () => clock });
    expect(await a.isMember('t1', 'team', 'u1')).toBe(true);
    expect(await b.isMember('t1', 'team', 'u1')).toBe(true);
    expect(source.calls).toBe(1);
    clock = new Date(clock.getTime() + 4 * 60_000);
    expect(await b.isMember('t1', 'team', 'u1')).toBe(true);
    expect(source.calls).toBe(1);
  });

  it('asks again once the TTL has passed, so a removed member loses access', async () => {
    const members = new Set(['u2']);
    const source = roster(members);
    let clock = new Date('2026-10-01T10:00:00Z');
    const cached = databaseCachedRoster(source, db, { now: () => clock, memberTtlMs: 60_000 });
    expect(await cached.isMember('t1', 'team', 'u2')).toBe(true);
    members.delete('u2');
    clock = new Date(clock.getTime() + 61_000);
    expect(await cached.isMember('t1', 'team', 'u2')).toBe(false);
    expect(source.calls).toBe(2);
  });

  it('keeps tenants apart: one tenant’s answer is never another’s', async () => {
    const clock = new Date('2026-10-01T10:00:00Z');
    await databaseCachedRoster(roster(new Set(['u3'])), db, { now: () => clock }).isMember('tenant-a', 'team', 'u3');
    const other = roster(new Set());
    expect(await databaseCachedRoster(other, db, { now: () => clock }).isMember('tenant-b', 'team', 'u3')).toBe(false);
    expect(other.calls).toBe(1);
  });
});
