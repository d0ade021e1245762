import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Database, Queryable } from './database.js';

/**
 * Plain SQL files `NNN_name.sql`, applied in order and recorded in `schema_migrations`.
 * Number ranges are reserved per area so parallel work never collides:
 * 001–009 core, 010–019 reminders, 020–029 notes and summaries, 030–039 case plans, 040–049 tab,
 * 050–059 data lifecycle.
 */
export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

const FILE_NAME = /^(\d{3})_([a-z0-9_]+)\.sql$/;

/**
 * Any fixed number works as long as every instance uses the same one. Holding it for the
 * whole migrating transaction means a second instance starting at the same moment waits,
 * then finds the work done.
 */
const MIGRATION_LOCK_KEY = 4_215_006_001;

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrationStatus {
  current: boolean;
  /** In the folder, not yet in the database. */
  pending: string[];
  /**
   * Recorded in the database but not in the folder: a newer instance has migrated further.
   * Reported, but not "not current", so a rolling deploy does not take old instances out of service.
   */
  unknown: string[];
}

export async function loadMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
  const migrations: Migration[] = [];
  for (const file of files) {
    const match = FILE_NAME.exec(file);
    if (!match) throw new Error(`Migration file name must be NNN_name.sql (lower case): ${file}`);
    const version = Number(match[1]);
    const clash = migrations.find((m) => m.version === version);
    if (clash) throw new Error(`Two migrations share number ${match[1]}: ${clash.name} and ${file}`);
    const sql = await readFile(`${dir}/${file}`, 'utf8');
    migrations.push({ version, name: file, sql, checksum: createHash('sha256').update(sql).digest('hex') });
  }
  return migrations;
}

interface AppliedRow {
  version: number;
  name: string;
  checksum: string;
}

async function appliedMigrations(db: Queryable): Promise<AppliedRow[] | null> {
  const [exists] = await db.query<{ table: string | null }>(`SELECT to_regclass('schema_migrations')::text AS table`);
  if (!exists?.table) return null;
  return db.query<AppliedRow>('SELECT version, name, checksum FROM schema_migrations ORDER BY version');
}

function assertUnchanged(applied: AppliedRow[], migrations: Migration[]): void {
  for (const row of applied) {
    const file = migrations.find((m) => m.version === row.version);
    if (file && file.checksum !== row.checksum) {
      throw new Error(`Migration ${file.name} was changed after it was applied; add a new migration instead`);
    }
  }
}

/** Applies every pending migration in one transaction. Safe to call from several instances at once. */
export async function migrate(db: Database, dir = MIGRATIONS_DIR): Promise<{ applied: string[] }> {
  const migrations = await loadMigrations(dir);
  return db.transaction(async (tx) => {
    // exec, not query: waiting here for another instance's migrations may rightly take longer than
    // the time limit a turn's statements have (postgres.ts); exec has none.
    await tx.exec(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
    // Tenant-free on purpose: this table describes the schema, not anyone's data. Created only when
    // missing: even CREATE TABLE IF NOT EXISTS needs CREATE on the schema, which the bot's own role
    // does not have when an owner role migrates (migration 054), and a current schema needs no DDL.
    let applied = await appliedMigrations(tx);
    if (!applied) {
      await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version integer PRIMARY KEY,
        name text NOT NULL,
        checksum text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
      applied = [];
    }
    assertUnchanged(applied, migrations);
    const done = new Set(applied.map((r) => r.version));
    const newlyApplied: string[] = [];
    for (const migration of migrations) {
      if (done.has(migration.version)) continue;
      try {
        await tx.exec(migration.sql);
      } catch (error) {
        throw new Error(`Migration ${migration.name} failed: ${(error as Error).message}`, { cause: error });
      }
      await tx.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
        migration.version,
        migration.name,
        migration.checksum,
      ]);
      newlyApplied.push(migration.name);
    }
    return { applied: newlyApplied };
  });
}

/** For a readiness probe: is every migration in the folder applied? */
export async function migrationStatus(db: Queryable, dir = MIGRATIONS_DIR): Promise<MigrationStatus> {
  const migrations = await loadMigrations(dir);
  const applied = (await appliedMigrations(db)) ?? [];
  const inDb = new Set(applied.map((r) => r.version));
  const inFolder = new Set(migrations.map((m) => m.version));
  const pending = migrations.filter((m) => !inDb.has(m.version)).map((m) => m.name);
  const unknown = applied.filter((r) => !inFolder.has(r.version)).map((r) => r.name);
  return { current: pending.length === 0, pending, unknown };
}

export async function migrationsCurrent(db: Queryable, dir = MIGRATIONS_DIR): Promise<boolean> {
  return (await migrationStatus(db, dir)).current;
}
