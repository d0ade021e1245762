import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase, type TestDatabase } from '../../test/support/db.js';
import { loadMigrations, migrate, migrationStatus, migrationsCurrent, MIGRATIONS_DIR } from './migrate.js';

async function migrationsCopy(extra: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'familiestotte-migrations-'));
  await cp(MIGRATIONS_DIR, dir, { recursive: true });
  for (const [name, sql] of Object.entries(extra)) await writeFile(join(dir, name), sql);
  return dir;
}

describe('migrations on PGlite', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await testDatabase();
  });
  afterAll(async () => {
    await db.close();
  });

  it('records every migration file and reports the schema as current', async () => {
    const files = (await loadMigrations()).map((m) => m.name);
    const rows = await db.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY version');
    expect(rows.map((r) => r.name)).toEqual(files);
    expect(files[0]).toBe('001_core.sql');
    expect(await migrationsCurrent(db)).toBe(true);
  });

  it('running them again applies nothing and changes nothing', async () => {
    const before = await db.query('SELECT version, checksum, applied_at FROM schema_migrations ORDER BY version');
    expect(await migrate(db)).toEqual({ applied: [] });
    expect(await db.query('SELECT version, checksum, applied_at FROM schema_migrations ORDER BY version')).toEqual(before);
  });

  it('a new migration file is reported as pending until it is applied', async () => {
    const dir = await migrationsCopy({ '999_probe.sql': 'CREATE TABLE probe (tenant_id text, id int, PRIMARY KEY (tenant_id, id));' });
    expect(await migrationStatus(db, dir)).toEqual({ current: false, pending: ['999_probe.sql'], unknown: [] });
    expect(await migrate(db, dir)).toEqual({ applied: ['999_probe.sql'] });
    expect(await migrationsCurrent(db, dir)).toBe(true);
    // The normal folder now lacks 999: reported, but not a reason to be "not ready" during a rolling deploy.
    expect(await migrationStatus(db)).toEqual({ current: true, pending: [], unknown: ['999_probe.sql'] });
  });

  it('refuses to run when an applied migration was edited afterwards', async () => {
    const dir = await migrationsCopy({ '001_core.sql': '-- edited\n' });
    await expect(migrate(db, dir)).rejects.toThrow(/001_core.sql was changed after it was applied/);
  });

  it('a failing migration leaves nothing half-applied', async () => {
    const dir = await migrationsCopy({ '998_broken.sql': 'CREATE TABLE half (id int); SELECT no_such_function();' });
    await expect(migrate(db, dir)).rejects.toThrow(/Migration 998_broken.sql failed/);
    const [half] = await db.query<{ t: string | null }>(`SELECT to_regclass('half')::text AS t`);
    expect(half?.t).toBeNull();
    expect((await migrationStatus(db, dir)).pending).toContain('998_broken.sql');
  });
});

describe('migration files', () => {
  it('refuses two files with the same number, so parallel work cannot silently collide', async () => {
    const dir = await migrationsCopy({ '010_reminders.sql': 'SELECT 1;', '010_other.sql': 'SELECT 1;' });
    await expect(loadMigrations(dir)).rejects.toThrow(/Two migrations share number 010/);
  });

  it('refuses a file not named NNN_name.sql', async () => {
    const dir = await migrationsCopy({ '11_short.sql': 'SELECT 1;' });
    await expect(loadMigrations(dir)).rejects.toThrow(/NNN_name.sql/);
  });
});
