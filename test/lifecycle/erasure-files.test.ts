import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEraseCaseCommand } from '../../bot/cli/lifecycle-commands.js';
import { eraseCase } from '../../bot/lifecycle/case-data.js';
import { createStorage } from '../../bot/storage/storage.js';
import { sampleCase, scopeFor } from '../support/case-fixtures.js';
import { realPostgres, testDatabase, type TestDatabase, type TestPostgres } from '../support/db.js';
import { depsFor } from './lifecycle-fixtures.js';

/** Every file under the data directory's base/ (the table and index files; WAL lives in pg_wal/). */
async function tableFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push(join(entry.parentPath, entry.name));
  }
  return out;
}

async function filesContaining(dataDir: string, needle: string): Promise<string[]> {
  return filesUnder([join(dataDir, 'base')], needle);
}

async function filesUnder(dirs: string[], needle: string): Promise<string[]> {
  const hits: string[] = [];
  for (const dir of dirs) {
    for (const file of await tableFiles(dir)) {
      let bytes: Buffer;
      try {
        bytes = await readFile(file);
      } catch (error) {
        // A file the server dropped between listing and reading (an old table file after a rewrite).
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
        throw error;
      }
      if (bytes.includes(Buffer.from(needle, 'utf8'))) hits.push(file);
    }
  }
  return hits;
}

describe('erase-case on PGlite leaves no trace in the table files', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await testDatabase();
  });
  afterAll(async () => {
    await db.close();
  });

  it('a distinctive note text is in base/ before the erasure and nowhere there after it', async () => {
    const scope = scopeFor('tenant-a');
    const input = sampleCase();
    const created = await createStorage(db).cases.create(scope, input);
    const marker = 'Zyxwvut-Kvaegtorvet-9931-erasure-marker';
    await db.query(
      `INSERT INTO case_notes (tenant_id, case_id, note_id, note_date, kind, minutes, text, author_id, author_name, created_at)
       VALUES ($1, $2, gen_random_uuid(), '2026-01-10', 'visit', 30, $3, 'u', 'Rådgiver', now())`,
      ['tenant-a', created.caseId, `Hjemmebesøg ${marker} ${marker}`],
    );
    await db.query('CHECKPOINT');
    expect((await filesContaining(db.dataDir, marker)).length).toBeGreaterThan(0);

    expect(await eraseCase(db, scope, input.reference, 'Anmodning efter GDPR art. 17, j.nr. 2026-1')).not.toBeNull();
    expect(await filesContaining(db.dataDir, marker)).toEqual([]);
  });
});

/**
 * The same on the PostgreSQL server the test command starts (TEST_PG_DATA is its data directory;
 * the tests run as root, so they can read the server's files). The case lives in a database of its
 * own, so only that database's folder base/<oid>/ (and the shared catalogues in global/) are
 * searched and other tests' data cannot interfere. pg_wal/ is not searched: the WAL keeps the text
 * until its segments are recycled, as the deployment guide's section on backups says.
 */
describe('erase-case on PostgreSQL leaves no trace in the table files', () => {
  let db: TestPostgres;
  let dirs: string[];
  beforeAll(async () => {
    const dataDir = process.env.TEST_PG_DATA;
    if (!dataDir) throw new Error('TEST_PG_DATA is not set: run this through the test command (bash test/run.sh), which starts the server and says where its files are.');
    db = await realPostgres('erasure_files');
    const [own] = await db.query<{ oid: string }>(`SELECT oid::text FROM pg_database WHERE datname = current_database()`);
    dirs = [join(dataDir, 'base', own!.oid), join(dataDir, 'global')];
  });
  afterAll(async () => {
    await db?.close();
  });

  it('every distinctive string of the case is in the table files before `erase-case` and in none after it', async () => {
    const scope = scopeFor('tenant-a');
    const worker = 'Rådgiver Qwxzjklm-Vbnpq';
    const input = sampleCase({ caseworkerName: worker });
    const created = await createStorage(db).cases.create(scope, input);
    const address = 'Zyxwvutvej 9931, 4799 Qorsbjerg';
    const email = 'qxv.zyxwvut.erasure@eksempel.dk';
    const note = 'Hjemmebesøg-Kvaegtorvet-7713-erasure-marker';
    await db.query(
      `INSERT INTO case_notes (tenant_id, case_id, note_id, note_date, kind, minutes, text, author_id, author_name, created_at)
       VALUES ($1, $2, gen_random_uuid(), '2026-01-10', 'visit', 30, $3, 'u', 'Rådgiver', now())`,
      ['tenant-a', created.caseId, `${note}: mor bor på ${address}, skriver fra ${email}.`],
    );
    const distinctive = [note, address, email, worker];
    await db.query('CHECKPOINT');
    for (const needle of distinctive) expect({ needle, before: (await filesUnder(dirs, needle)).length > 0 }).toEqual({ needle, before: true });

    const erased = await runEraseCaseCommand(
      ['--tenant', 'tenant-a', '--reference', input.reference, '--reason', 'Anmodning efter GDPR art. 17, j.nr. 2026-2'],
      depsFor(db),
    );
    expect(erased).toMatchObject({ code: 0, stderr: '' });
    // The rewrite ran its own CHECKPOINT; one more costs nothing and rules out a buffer not yet written.
    await db.query('CHECKPOINT');
    for (const needle of distinctive) expect({ needle, after: await filesUnder(dirs, needle) }).toEqual({ needle, after: [] });
  });
});
