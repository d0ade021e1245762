import type { RosterSource } from './access.js';

/** The query surface of the storage module's Database (pg and PGlite alike). */
export interface Queryable {
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface RosterCacheOptions {
  /** How long a "member" answer stands. A removed member keeps access at most this long. */
  memberTtlMs?: number;
  /** How long a "not a member" answer stands. A newly added member waits at most this long. */
  nonMemberTtlMs?: number;
  now?: () => Date;
}

/**
 * Team membership answers, cached in the database so every instance shares them and a
 * restart loses nothing. Only the answer is cached: the decision is made again from it
 * on every request, and an expired row is never read.
 */
export function databaseCachedRoster(source: RosterSource, db: Queryable, options: RosterCacheOptions = {}): RosterSource {
  const memberTtl = options.memberTtlMs ?? 5 * 60_000;
  const nonMemberTtl = options.nonMemberTtlMs ?? 30_000;
  const now = options.now ?? (() => new Date());

  return {
    async isMember(tenantId, teamId, userId) {
      const at = now();
      const [hit] = await db.query<{ is_member: boolean }>(
        `SELECT is_member FROM tab_roster_cache
         WHERE tenant_id = $1 AND team_id = $2 AND user_id = $3 AND expires_at > $4`,
        [tenantId, teamId, userId, at.toISOString()],
      );
      if (hit) return hit.is_member;

      const member = await source.isMember(tenantId, teamId, userId);
      const expires = new Date(at.getTime() + (member ? memberTtl : nonMemberTtl));
      await db.query(
        `INSERT INTO tab_roster_cache (tenant_id, team_id, user_id, is_member, checked_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (tenant_id, team_id, user_id)
         DO UPDATE SET is_member = EXCLUDED.is_member, checked_at = EXCLUDED.checked_at, expires_at = EXCLUDED.expires_at`,
        [tenantId, teamId, userId, member, at.toISOString(), expires.toISOString()],
      );
      // Old entries carry who was in which team; keep them no longer than they are useful.
      await db.query(`DELETE FROM tab_roster_cache WHERE tenant_id = $1 AND expires_at < $2`, [
        tenantId,
        new Date(at.getTime() - 60 * 60_000).toISOString(),
      ]);
      return member;
    },

    async forgetTeam(tenantId, teamId) {
      await db.query(`DELETE FROM tab_roster_cache WHERE tenant_id = $1 AND team_id = $2`, [tenantId, teamId]);
    },
  };
}
