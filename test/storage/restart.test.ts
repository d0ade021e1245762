import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDirInUseError } from '../../bot/storage/data-dir-lock.js';
import { openDatabase } from '../../bot/storage/database.js';
import { migrationsCurrent } from '../../bot/storage/migrate.js';
import { createStorage, openStorage } from '../../bot/storage/storage.js';
import { sampleCase, scopeFor } from '../support/case-fixtures.js';
import { testDatabase } from '../support/db.js';

// Each test opens PGlite two or three times; on a loaded two-core machine that takes long.
const OPENS_PGLITE = 120_000;

describe('the embedded database across a restart', () => {
  it('keeps cases, decisions, drafts and the audit log when the bot stops and starts again on the same folder', async () => {
    const scope = scopeFor('tenant-restart');
    const before = await testDatabase();
    const s1 = createStorage(before);
    const created = await s1.cases.create(scope, sampleCase());
    const draft = await s1.drafts.save(scope, { conversationId: 'conv-r', step: 'concern', answers: { ageMonths: 10 }, expectedVersion: 0 });
    await before.close();

    const s2 = await openStorage({ dataDir: before.dataDir });
    try {
      expect(s2.db.kind).toBe('pglite');
      expect(await migrationsCurrent(s2.db)).toBe(true);
      expect(await s2.cases.findByReference(scope, created.reference)).toEqual(created);
      expect(await s2.drafts.findForConversation(scope, 'conv-r')).toEqual(draft.ok ? draft.draft : null);
      expect((await s2.audit.listForCase(scope, created.caseId)).map((e) => e.action)).toEqual(['case.read', 'case.create']);
    } finally {
      await s2.db.close();
    }
  }, OPENS_PGLITE);

  it('refuses a second opening of a folder that is in use, instead of corrupting it', async () => {
    const first = await testDatabase();
    try {
      await expect(openDatabase({ dataDir: first.dataDir })).rejects.toBeInstanceOf(DataDirInUseError);
      await expect(first.query('SELECT 1 AS one')).resolves.toEqual([{ one: 1 }]);
    } finally {
      await first.close();
    }
  }, OPENS_PGLITE);

  it('takes over a folder whose lock was left by a process that died', async () => {
    const db = await testDatabase();
    await db.close();
    // A pid far above any real one on this machine stands for the dead process.
    await writeFile(join(db.dataDir, 'familiestotte.pid'), '2147483646');
    const reopened = await openDatabase({ dataDir: db.dataDir });
    try {
      await expect(reopened.query('SELECT 1 AS one')).resolves.toEqual([{ one: 1 }]);
    } finally {
      await reopened.close();
    }
  }, OPENS_PGLITE);
});
