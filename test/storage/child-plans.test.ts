import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStorage, type Storage } from '../../bot/storage/storage.js';
import { testDatabase, type TestDatabase } from '../support/db.js';
import { sampleCase, scopeFor } from '../support/case-fixtures.js';

/** Barnets plan's stances (migration 061): append-only, audited, the tenant's own, a "yes" keeping its deadline. */

const scope = { ...scopeFor('tenant-a'), teamIds: ['team-familie'] };
let db: TestDatabase;
let storage: Storage;
let caseId: string;
let decisionId: string;

beforeAll(async () => {
  db = await testDatabase();
  storage = createStorage(db, { clock: () => new Date('2026-10-13T10:00:00Z') });
  const created = await storage.cases.create(scope, sampleCase());
  caseId = created.caseId;
  decisionId = created.decision.decisionId;
});
afterAll(async () => db?.close());

describe("barnets plan's stances", () => {
  it('keeps the deadline of a "yes" standing when it is said again or the plan is made, and writes nothing for the same answer', async () => {
    const first = await storage.childPlans.record(scope, caseId, { stance: 'yes', madeOn: null }, { decisionId, due: '2026-10-05' });
    expect(first).toMatchObject({ written: true, record: { stance: 'yes', due: '2026-10-05', madeOn: null, decisionId } });
    // A later anchor (another decision's day) does not move a "yes" already standing.
    const made = await storage.childPlans.record(scope, caseId, { stance: 'yes', madeOn: '2026-10-01' }, { decisionId, due: '2027-01-13' });
    expect(made.record).toMatchObject({ stance: 'yes', due: '2026-10-05', madeOn: '2026-10-01' });
    const same = await storage.childPlans.record(scope, caseId, { stance: 'yes', madeOn: '2026-10-01' }, { decisionId, due: '2027-01-13' });
    expect(same.written).toBe(false);
    // A "no" has no deadline and no day; a "yes" after it counts from the anchor it is given.
    const no = await storage.childPlans.record(scope, caseId, { stance: 'no', madeOn: '2026-10-01' }, { decisionId, due: '2027-01-13' });
    expect(no.record).toMatchObject({ stance: 'no', due: null, madeOn: null });
    const yesAgain = await storage.childPlans.record(scope, caseId, { stance: 'yes', madeOn: null }, { decisionId, due: '2027-01-13' });
    expect(yesAgain.record.due).toBe('2027-01-13');
    expect(await storage.childPlans.current(scope, caseId)).toMatchObject({ stance: 'yes', due: '2027-01-13' });
    const audit = await db.query<{ action: string }>(`SELECT action FROM audit_log WHERE tenant_id = 'tenant-a' AND case_id = $1 AND action LIKE 'childplan.%' ORDER BY audit_id`, [caseId]);
    expect(audit.map((a) => a.action)).toEqual(['childplan.record', 'childplan.record', 'childplan.record', 'childplan.record', 'childplan.read']);
  });

  it("is the tenant's own, refuses UPDATE, and takes no stance on a closed case", async () => {
    expect(await storage.childPlans.current(scopeFor('tenant-b'), caseId)).toBeNull();
    await expect(storage.childPlans.record(scopeFor('tenant-b'), caseId, { stance: 'no', madeOn: null }, { decisionId, due: '2027-01-13' })).rejects.toMatchObject({ name: 'CaseNotFoundError' });
    await expect(db.query(`UPDATE child_plan_stances SET stance = 'no' WHERE tenant_id = 'tenant-a'`)).rejects.toThrow(/append-only/);
    await storage.cases.close(scope, caseId);
    await expect(storage.childPlans.record(scope, caseId, { stance: 'no', madeOn: null }, { decisionId, due: '2027-01-13' })).rejects.toMatchObject({ name: 'CaseClosedError' });
  });
});
