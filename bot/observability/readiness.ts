import type { Queryable } from '../storage/database.js';
import { migrationStatus } from '../storage/migrate.js';

/**
 * GET /ready: may this instance take traffic? Only when its database answers and every migration
 * it knows is applied. /health (liveness) stays independent of the database, so an outage takes
 * instances out of the load balancer without the orchestrator restarting them all.
 */

export interface Readiness {
  ready: boolean;
  database: 'ok' | 'unreachable';
  migrations: 'current' | 'pending' | 'unknown';
  /** Migration files not yet applied; names only. */
  pending: string[];
}

export async function checkReadiness(db: Queryable, options: { timeoutMs?: number; migrationsDir?: string } = {}): Promise<Readiness> {
  const timeoutMs = options.timeoutMs ?? 2_000;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('readiness check timed out')), timeoutMs);
  });
  try {
    const status = await Promise.race([
      (async () => {
        await db.query('SELECT 1');
        return migrationStatus(db, options.migrationsDir);
      })(),
      timeout,
    ]);
    return { ready: status.current, database: 'ok', migrations: status.current ? 'current' : 'pending', pending: status.pending };
  } catch {
    return { ready: false, database: 'unreachable', migrations: 'unknown', pending: [] };
  } finally {
    clearTimeout(timer);
  }
}
