import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEraseCaseCommand, runExportCaseCommand } from '../../bot/cli/lifecycle-commands.js';
import type { Database } from '../../bot/storage/database.js';
import { createStorage, type Storage } from '../../bot/storage/storage.js';
import { sampleCase, scopeFor } from '../support/case-fixtures.js';
import { testDatabase } from '../support/db.js';
import { addLaterAreaRows, addLaterAreaTables, depsFor, rowsAbout } from './lifecycle-fixtures.js';

interface Export {
  tenantId: string;
  reference: string;
  caseId: string;
  tables: Record<string, Record<string, unknown>[]>;
}

describe('a citizen’s access and erasure requests', () => {
  let db: Database;
  let storage: Storage;

  beforeAll(async () => {
    db = await testDatabase();
    await addLaterAreaTables(db);
    storage = createStorage(db);
  });
  afterAll(async () => {
    await db.close();
  });

  async function twoTenantsOneReference() {
    const input = sampleCase();
    const mine = await storage.cases.create(scopeFor('tenant-a'), input);
    const theirs = await storage.cases.create(scopeFor('tenant-b'), { ...input, childPseudonym: 'ZZ' });
    await addLaterAreaRows(db, 'tenant-a', mine.caseId);
    await addLaterAreaRows(db, 'tenant-b', theirs.caseId);
    return { reference: input.reference, mine, theirs };
  }

  it('export-case prints everything held on the case, its decisions, its audit trail and rows in tables added later, from its own tenant only', async () => {
    const { reference, mine } = await twoTenantsOneReference();
    await storage.cases.findByReference(scopeFor('tenant-a'), reference);
    const out = await runExportCaseCommand(['--tenant', 'tenant-a', '--reference', reference], depsFor(db));
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    const exported = JSON.parse(out.stdout) as Export;
    expect(exported).toMatchObject({ tenantId: 'tenant-a', reference, caseId: mine.caseId });
    expect(exported.tables.cases).toEqual([expect.objectContaining({ reference, child_pseudonym: 'AH', facts: mine.facts })]);
    expect(exported.tables.decisions).toEqual([expect.objectContaining({ chosen_outcome: 'level1', recommended: expect.objectContaining({ outcome: 'level1' }) })]);
    expect(exported.tables.later_notes).toEqual([expect.objectContaining({ body: 'Mødet gik godt' })]);
    expect(exported.tables.later_plan_goals).toEqual([expect.objectContaining({ goal: 'Faste sengetider' })]);
    expect(exported.tables.audit_log?.map((r) => r.action)).toEqual(['case.create', 'case.read', 'case.export']);
    // Nothing of the other tenant's case with the same reference.
    expect(out.stdout).not.toContain('ZZ');
    expect(Object.values(exported.tables).flat().every((row) => row.tenant_id === 'tenant-a')).toBe(true);
  });

  it('the export is audited with who did it and no personal data', async () => {
    const { reference, mine } = await twoTenantsOneReference();
    await runExportCaseCommand(['--tenant', 'tenant-a', '--reference', reference], depsFor(db));
    const [row] = await db.query<{ actor_id: string; origin: string; details: unknown }>(
      `SELECT actor_id, origin, details FROM audit_log WHERE case_id = $1::uuid AND action = 'case.export'`,
      [mine.caseId],
    );
    expect(row).toEqual({ actor_id: 'operator:test', origin: 'cli', details: {} });
  });

  it('erase-case deletes the case and every row about it, keeps the audit trail with the reason, and leaves the other tenant’s case alone', async () => {
    const { reference, mine, theirs } = await twoTenantsOneReference();
    const reason = 'Anmodning efter GDPR art. 17, j.nr. 2026-118';
    const out = await runEraseCaseCommand(['--tenant', 'tenant-a', '--reference', reference, '--reason', reason], depsFor(db));
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout)).toMatchObject({ caseId: mine.caseId, deleted: { cases: 1, decisions: 1, later_notes: 1, later_plans: 1, later_plan_goals: 1 } });
    expect(await rowsAbout(db, mine.caseId)).toMatchObject({ cases: 0, decisions: 0, later_notes: 0, later_plans: 0, later_plan_goals: 0 });
    expect(await rowsAbout(db, theirs.caseId)).toMatchObject({ cases: 1, decisions: 1, later_notes: 1, later_plans: 1, later_plan_goals: 1 });
    const trail = await db.query<{ action: string; details: unknown }>(`SELECT action, details FROM audit_log WHERE case_id = $1::uuid ORDER BY audit_id`, [mine.caseId]);
    expect(trail).toEqual([
      { action: 'case.create', details: expect.any(Object) },
      { action: 'case.erase', details: { reason } },
    ]);
    const again = await runExportCaseCommand(['--tenant', 'tenant-a', '--reference', reference], depsFor(db));
    expect(again).toMatchObject({ code: 2, stdout: '' });
    expect(again.stderr).toContain(`ingen sag med sagsnummeret ${reference}`);
  });

  it('refuses an erasure reason holding a CPR number, in Danish, and erases nothing', async () => {
    const { reference, mine } = await twoTenantsOneReference();
    const out = await runEraseCaseCommand(['--tenant', 'tenant-a', '--reference', reference, '--reason', 'Anmodning fra 010203-1234'], depsFor(db));
    expect(out).toMatchObject({ code: 2, stdout: '' });
    expect(out.stderr).toContain('må ikke indeholde et CPR-nummer');
    expect(out.stderr).not.toContain('010203-1234');
    expect((await rowsAbout(db, mine.caseId)).cases).toBe(1);
  });

  it('explains what is missing when the command line is incomplete', async () => {
    const noReason = await runEraseCaseCommand(['--tenant', 'tenant-a', '--reference', 'SAG-1'], depsFor(db));
    expect(noReason).toMatchObject({ code: 2, stdout: '' });
    expect(noReason.stderr).toContain('--reason skal angives');
    const unknown = await runExportCaseCommand(['--tenant', 'tenant-a', '--ref', 'SAG-1'], depsFor(db));
    expect(unknown.stderr).toContain('Ukendt tilvalg --ref');
  });
});
