import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eraseCase } from '../../bot/lifecycle/case-data.js';
import { createStorage } from '../../bot/storage/storage.js';
import { sampleCase, scopeFor } from '../support/case-fixtures.js';
import { testDatabase, type TestDatabase } from '../support/db.js';

/** Every file under the data directory's base/ (the table and index files; WAL lives in pg_wal/). */
async function tableFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push(join(entry.parentPath, entry.name));
  }
  return out;
}

async function filesContaining(dataDir: string, needle: string): Promise<string[]> {
  const hits: string[] = [];
  for (const file of await tableFiles(join(dataDir, 'base'))) {
    if ((await readFile(file)).includes(Buffer.from(needle, 'utf8'))) hits.push(file);
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
