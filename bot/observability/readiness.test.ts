import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR } from '../storage/migrate.js';
import { testDatabase } from '../../test/support/db.js';
import { checkReadiness } from './readiness.js';

describe('GET /ready', () => {
  it('is ready when the database answers and every migration is applied, and not ready when a migration is pending', async () => {
    const db = await testDatabase();
    try {
      expect(await checkReadiness(db)).toEqual({ ready: true, database: 'ok', migrations: 'current', pending: [] });
      // A newer build with a migration this database has not had yet.
      const dir = await mkdtemp(join(tmpdir(), 'migrations-'));
      await cp(MIGRATIONS_DIR, dir, { recursive: true });
      await writeFile(join(dir, '099_next.sql'), 'SELECT 1;');
      expect(await checkReadiness(db, { migrationsDir: dir })).toEqual({ ready: false, database: 'ok', migrations: 'pending', pending: ['099_next.sql'] });
    } finally {
      await db.close();
    }
  });

  it('is not ready, without throwing, when the database is gone or does not answer in time', async () => {
    const db = await testDatabase();
    await db.close();
    expect(await checkReadiness(db)).toMatchObject({ ready: false, database: 'unreachable' });
    const hanging = { query: () => new Promise<never>(() => undefined), exec: async () => undefined };
    expect(await checkReadiness(hanging, { timeoutMs: 50 })).toMatchObject({ ready: false, database: 'unreachable' });
  });
});
