import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRetentionCommand } from '../../bot/cli/lifecycle-commands.js';
import type { Database } from '../../bot/storage/database.js';
import { createStorage, type Storage } from '../../bot/storage/storage.js';
import { runRetention } from '../../bot/lifecycle/retention.js';
import { sampleCase, scopeFor } from '../support/case-fixtures.js';
import { realPostgres, testDatabase } from '../support/db.js';
import { addLaterAreaRows, addLaterAreaTables, depsFor, rowsAbout } from './lifecycle-fixtures.js';

const periods = { closedCasesDays: 365, auditDays: 730, draftsDays: 30 };
const asOf = new Date('2026-01-31T00:00:00Z');

/** Same behaviour on the embedded database and on the PostgreSQL server production uses. */
describe.each([
  ['PGlite', () => testDatabase()],
  ['PostgreSQL', () => realPostgres('retention')],
] as [string, () => Promise<Database>][])('retention on %s', (_name, open) => {
  let db: Database;
  let clockNow = new Date('2024-06-01T09:00:00Z');
  let storage: Storage;
  const ids = { expired: '', otherTenantExpired: '', open: '', recentlyClosed: '' };

  beforeAll(async () => {
    db = await open();
    await addLaterAreaTables(db);
    storage = createStorage(db, { clock: () => clockNow });
    const a = scopeFor('tenant-a');
    const b = scopeFor('tenant-b');
    ids.expired = (await storage.cases.create(a, sampleCase())).caseId;
    ids.otherTenantExpired = (await storage.cases.create(b, sampleCase())).caseId;
    ids.open = (await storage.cases.create(a, sampleCase())).caseId;
    ids.recentlyClosed = (await storage.cases.create(a, sampleCase())).caseId;
    await addLaterAreaRows(db, 'tenant-a', ids.expired);
    await addLaterAreaRows(db, 'tenant-a', ids.recentlyClosed);
    // Closed 2024-06-01 and 2025-12-01: with a 365-day period at 2026-01-31 the first has expired.
    await storage.cases.close(a, ids.expired);
    await storage.cases.close(b, ids.otherTenantExpired);
    clockNow = new Date('2025-12-01T09:00:00Z');
    await storage.cases.close(a, ids.recentlyClosed);
    await storage.drafts.save(a, { conversationId: 'conv-1', step: 'child', answers: { ageMonths: 40 }, expectedVersion: 0 });
    // Audit rows older than the 730-day audit period, and one just inside it.
    await db.query(`INSERT INTO audit_log (tenant_id, at, actor_id, action, case_id, origin) VALUES
      ('tenant-a', '2023-01-01T00:00:00Z', 'aad-x', 'case.read', $1::uuid, 'chat'),
      ('tenant-a', '2023-06-01T00:00:00Z', 'aad-x', 'case.read', $2::uuid, 'chat'),
      ('tenant-a', '2024-03-01T00:00:00Z', 'aad-x', 'case.read', $2::uuid, 'chat')`, [ids.expired, ids.open]);
    await db.query(`UPDATE intake_drafts SET updated_at = '2025-11-01T00:00:00Z'`);
  });
  afterAll(async () => {
    await db.close();
  });

  it('a dry run reports what would go and changes nothing', async () => {
    const before = await rowsAbout(db, ids.expired);
    const report = await runRetention(db, { ...periods, asOf, dryRun: true });
    expect(report.dryRun).toBe(true);
    expect(report.tenants).toEqual([
      { tenantId: 'tenant-a', cases: 1, auditRows: 2, drafts: 1 },
      { tenantId: 'tenant-b', cases: 1, auditRows: 0, drafts: 0 },
    ]);
    expect(await rowsAbout(db, ids.expired)).toEqual(before);
  });

  it('deletes the expired closed cases with every row about them, in each tenant, and keeps open and recently closed cases', async () => {
    const report = await runRetention(db, { ...periods, asOf });
    expect(report.totals).toEqual({ cases: 2, auditRows: 2, drafts: 1 });
    expect(await rowsAbout(db, ids.expired)).toMatchObject({ cases: 0, decisions: 0, later_notes: 0, later_plans: 0, later_plan_goals: 0 });
    expect((await rowsAbout(db, ids.otherTenantExpired)).cases).toBe(0);
    expect(await rowsAbout(db, ids.recentlyClosed)).toMatchObject({ cases: 1, decisions: 1, later_notes: 1, later_plans: 1, later_plan_goals: 1 });
    expect((await rowsAbout(db, ids.open)).cases).toBe(1);
    expect(await db.query(`SELECT 1 FROM intake_drafts`)).toEqual([]);
  });

  it('removes audit rows only by their own period and records each deletion without personal data', async () => {
    const old = await db.query(`SELECT 1 FROM audit_log WHERE at < '2024-02-01T00:00:00Z'`);
    expect(old).toEqual([]);
    expect(await db.query(`SELECT 1 FROM audit_log WHERE at = '2024-03-01T00:00:00Z'`)).toHaveLength(1);
    const deletions = await db.query<{ tenant_id: string; details: Record<string, unknown>; actor_id: string }>(
      `SELECT tenant_id, details, actor_id FROM audit_log WHERE action = 'case.delete' ORDER BY tenant_id`,
    );
    expect(deletions).toEqual([
      { tenant_id: 'tenant-a', details: { reason: 'retention' }, actor_id: 'retention' },
      { tenant_id: 'tenant-b', details: { reason: 'retention' }, actor_id: 'retention' },
    ]);
    const purge = await db.query<{ details: Record<string, unknown> }>(`SELECT details FROM audit_log WHERE action = 'audit.purge'`);
    expect(purge).toEqual([{ details: { count: 2, before: '2024-02-01T00:00:00.000Z' } }]);
  });

  it('a second run finds nothing more to delete', async () => {
    const report = await runRetention(db, { ...periods, asOf });
    expect(report.totals).toEqual({ cases: 0, auditRows: 0, drafts: 0 });
  });

  it('outside a retention run the audit log still refuses DELETE and UPDATE', async () => {
    await expect(db.query(`DELETE FROM audit_log WHERE at < now()`)).rejects.toThrow(/append-only/);
    await expect(db.query(`UPDATE audit_log SET actor_id = 'x'`)).rejects.toThrow(/append-only/);
  });

  // On PGlite every session is the one superuser, so roles protect nothing; the trigger does: a
  // DELETE that does not come through purge_audit_log() is refused, whatever the session sets.
  it('the old purge setting no longer lets a DELETE through, nor does the function’s marker alone', async () => {
    for (const setting of ['familiestotte.audit_purge_before', 'familiestotte.audit_purge_running']) {
      const value = setting.endsWith('before') ? '2100-01-01' : 'on';
      await expect(
        db.transaction(async (tx) => {
          await tx.query(`SELECT set_config($1, $2, true)`, [setting, value]);
          await tx.query(`DELETE FROM audit_log`);
        }),
      ).rejects.toThrow(/append-only/);
    }
    await expect(db.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
  });

  it('a run as of a future date is refused before anything is deleted, and the database refuses a future cut-off', async () => {
    const [before] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log`);
    await expect(runRetention(db, { ...periods, asOf: new Date('2100-01-01T00:00:00Z') })).rejects.toThrow(/fremtidig dato/);
    await expect(db.query(`SELECT * FROM purge_audit_log('tenant-a', '2100-01-01')`)).rejects.toThrow(/after now/);
    const [after] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log`);
    expect(after?.n).toBe(before?.n);
  });
});

describe('npm run retention', () => {
  let db: Database;
  beforeAll(async () => {
    db = await testDatabase();
  });
  afterAll(async () => {
    await db.close();
  });

  it('takes its periods from the environment and prints the report as JSON', async () => {
    const out = await runRetentionCommand(['--as-of', '2026-01-31T00:00:00Z', '--dry-run'], depsFor(db, { RETENTION_CLOSED_CASES_DAYS: '100', RETENTION_AUDIT_DAYS: '200' }));
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    const report = JSON.parse(out.stdout) as { dryRun: boolean; closedBefore: string; auditBefore: string };
    expect(report).toMatchObject({ dryRun: true, closedBefore: '2025-10-23T00:00:00.000Z', auditBefore: '2025-07-15T00:00:00.000Z' });
  });

  it('refuses a malformed date or period in Danish, with nothing on stdout', async () => {
    const badDate = await runRetentionCommand(['--as-of', 'i går'], depsFor(db));
    expect(badDate).toMatchObject({ code: 2, stdout: '' });
    expect(badDate.stderr).toContain('--as-of skal være et tidspunkt');
    const badPeriod = await runRetentionCommand(['--dry-run'], depsFor(db, { RETENTION_AUDIT_DAYS: '-5' }));
    expect(badPeriod).toMatchObject({ code: 2, stdout: '' });
    expect(badPeriod.stderr).toContain('RETENTION_AUDIT_DAYS: skal være et helt antal dage');
  });

  it('refuses an --as-of after now in Danish and deletes nothing', async () => {
    const [before] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log`);
    const future = await runRetentionCommand(['--as-of', '2100-01-01'], depsFor(db));
    expect(future).toMatchObject({ code: 2, stdout: '' });
    expect(future.stderr).toContain('--as-of må ikke ligge efter nu');
    const [after] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log`);
    expect(after?.n).toBe(before?.n);
  });
});
