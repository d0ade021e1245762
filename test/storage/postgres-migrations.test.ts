import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../bot/storage/database.js';
import { loadMigrations, migrate, migrationsCurrent } from '../../bot/storage/migrate.js';
import { freshPostgresDatabase } from '../support/db.js';

/** Against the real PostgreSQL server: what production and several bot instances see. */
describe('migrations on a real PostgreSQL server', () => {
  const opened: Database[] = [];
  async function instance(url: string): Promise<Database> {
    const db = await openDatabase({ databaseUrl: url, dataDir: '' });
    opened.push(db);
    return db;
  }
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((db) => db.close()));
  });

  it('apply on an empty database, and a second run is a no-op', async () => {
    const db = await instance(await freshPostgresDatabase('migrate_twice'));
    expect(db.kind).toBe('postgres');
    expect(await migrationsCurrent(db)).toBe(false);
    const all = (await loadMigrations()).map((m) => m.name);
    expect(await migrate(db)).toEqual({ applied: all });
    expect(await migrate(db)).toEqual({ applied: [] });
    expect(await migrationsCurrent(db)).toBe(true);
    const tables = await db.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
    );
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['audit_log', 'cases', 'conversation_refs', 'decisions', 'intake_drafts', 'schema_migrations']));
  });

  it('several instances starting at once against one server all succeed, and each migration runs once', async () => {
    const url = await freshPostgresDatabase('migrate_race');
    const instances = await Promise.all([1, 2, 3, 4, 5].map(() => instance(url)));
    // Warm each pool so the migrations, not the connects, race.
    await Promise.all(instances.map((db) => db.query('SELECT 1')));
    const results = await Promise.all(instances.map((db) => migrate(db)));
    const all = (await loadMigrations()).map((m) => m.name);
    expect(results.filter((r) => r.applied.length > 0)).toEqual([{ applied: all }]);
    expect(results.filter((r) => r.applied.length === 0)).toHaveLength(instances.length - 1);
    const [first] = instances;
    const rows = await first!.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations');
    expect(rows[0]?.n).toBe(all.length);
  });
});
