import { randomBytes } from 'node:crypto';
import { cp, mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../bot/storage/database.js';
import { migrate } from '../../bot/storage/migrate.js';

export type TestDatabase = Database & { dataDir: string };
export type TestPostgres = Database & { url: string };

let counter = 0;

async function freshDir(): Promise<string> {
  const root = inject('testDataRoot') ?? tmpdir();
  await mkdir(root, { recursive: true });
  return mkdtemp(join(root, `db-${process.pid}-${++counter}-`));
}

/**
 * A migrated PGlite database of its own, in a fresh folder copied from the run's template.
 * Close it when done; the folder goes when the test run ends.
 */
export async function testDatabase(): Promise<TestDatabase> {
  const dataDir = await freshDir();
  const template = inject('pgliteTemplate');
  // Without the global setup (a file run on its own config) we pay the first start instead.
  if (template) await cp(template, dataDir, { recursive: true });
  const db = await openDatabase({ dataDir });
  await migrate(db);
  return Object.assign(db, { dataDir });
}

/** Reopens a test database's folder, as a restarted bot would. */
export async function reopenTestDatabase(dataDir: string): Promise<TestDatabase> {
  const db = await openDatabase({ dataDir });
  return Object.assign(db, { dataDir });
}

function serverUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    throw new Error(
      'TEST_DATABASE_URL is not set. This test needs the real PostgreSQL server that the test command starts: run `npm test` ' +
        '(bash test/run.sh), or start a server yourself and export TEST_DATABASE_URL=postgres://…',
    );
  }
  return url;
}

/** An empty database of its own on the real test server, not yet migrated; returns its URL. */
export async function freshPostgresDatabase(label = 'test'): Promise<string> {
  const base = serverUrl();
  const name = `${label.toLowerCase().replace(/[^a-z0-9]+/g, '_').slice(0, 30)}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A migrated database of its own on the real PostgreSQL test server. Never skipped: fails without the server. */
export async function realPostgres(label?: string): Promise<TestPostgres> {
  const url = await freshPostgresDatabase(label);
  const db = await openDatabase({ databaseUrl: url, dataDir: '' });
  await migrate(db);
  return Object.assign(db, { url });
}
