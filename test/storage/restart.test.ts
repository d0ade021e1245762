import { describe, expect, it } from 'vitest';
import { migrationsCurrent } from '../../bot/storage/migrate.js';
import { createStorage } from '../../bot/storage/storage.js';
import { sampleCase, scopeFor } from '../support/case-fixtures.js';
import { reopenTestDatabase, testDatabase } from '../support/db.js';

describe('the embedded database across a restart', () => {
  it('keeps cases, decisions, drafts and the audit log when the bot stops and starts again on the same folder', async () => {
    const scope = scopeFor('tenant-restart');
    const before = await testDatabase();
    const s1 = createStorage(before);
    const created = await s1.cases.create(scope, sampleCase());
    const draft = await s1.drafts.save(scope, { conversationId: 'conv-r', step: 'concern', answers: { ageMonths: 10 }, expectedVersion: 0 });
    await before.close();

    const after = await reopenTestDatabase(before.dataDir);
    try {
      expect(await migrationsCurrent(after)).toBe(true);
      const s2 = createStorage(after);
      expect(await s2.cases.findByReference(scope, created.reference)).toEqual(created);
      expect(await s2.drafts.findForConversation(scope, 'conv-r')).toEqual(draft.ok ? draft.draft : null);
      expect((await s2.audit.listForCase(scope, created.caseId)).map((e) => e.action)).toEqual(['case.read', 'case.create']);
    } finally {
      await after.close();
    }
  });
});
