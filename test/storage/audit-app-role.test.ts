import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FutureRetentionDateError, runRetention } from '../../bot/lifecycle/retention.js';
import { openDatabase, type Database } from '../../bot/storage/database.js';
import { migrate, migrationsCurrent } from '../../bot/storage/migrate.js';
import { createStorage } from '../../bot/storage/storage.js';
import { sampleCase, scopeFor } from '../support/case-fixtures.js';
import { freshPostgresDatabase } from '../support/db.js';

/**
 * Production on PostgreSQL: the tables' owner migrates (DATABASE_OWNER_URL), the bot connects as
 * a login role of its own that is a member of familiestotte_app (DATABASE_URL). That role must not
 * be able to delete or rewrite the audit log; only purge_audit_log() deletes, and only old rows.
 * TEST_DATABASE_URL is a superuser, as the owner is allowed to be.
 */
describe('the audit log against the bot’s own database role (PostgreSQL)', () => {
  const appRole = `fs_app_${randomBytes(4).toString('hex')}`;
  let ownerUrl: string;
  let owner: Database;
  let app: Database;
  const day = 86_400_000;
  const periods = { closedCasesDays: 365, auditDays: 30, draftsDays: 30 };

  async function auditCount(where = 'true'): Promise<number> {
    const [row] = await owner.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE ${where}`);
    return row?.n ?? -1;
  }

  beforeAll(async () => {
    ownerUrl = await freshPostgresDatabase('audit_role');
    owner = await openDatabase({ databaseUrl: ownerUrl, dataDir: '' });
    await migrate(owner);
    // What the deployment guide tells the operator to do once.
    await owner.query(`CREATE ROLE ${appRole} LOGIN IN ROLE familiestotte_app`);
    const url = new URL(ownerUrl);
    url.username = appRole;
    app = await openDatabase({ databaseUrl: url.toString(), dataDir: '' });
  });
  afterAll(async () => {
    await app?.close();
    await owner?.close();
    const admin = await openDatabase({ databaseUrl: process.env.TEST_DATABASE_URL!, dataDir: '' });
    await admin.query(`DROP ROLE IF EXISTS ${appRole}`).finally(() => admin.close());
  });

  it('the bot’s role is not the owner, finds the schema current, and does its everyday work', async () => {
    const [who] = await app.query<{ me: string; owner: string }>(
      `SELECT current_user AS me, tableowner AS owner FROM pg_tables WHERE tablename = 'audit_log'`,
    );
    expect(who).toEqual({ me: appRole, owner: 'postgres' });
    expect(await migrate(app)).toEqual({ applied: [] });
    expect(await migrationsCurrent(app)).toBe(true);
    const storage = createStorage(app);
    const created = await storage.cases.create(scopeFor('tenant-a'), sampleCase());
    expect(await storage.cases.get(scopeFor('tenant-a'), created.caseId)).toMatchObject({ caseId: created.caseId });
    expect(await auditCount(`case_id = '${created.caseId}'`)).toBeGreaterThanOrEqual(2);
  });

  it('refuses DELETE, UPDATE and TRUNCATE on audit rows, with or without the old purge setting', async () => {
    const before = await auditCount();
    expect(before).toBeGreaterThan(0);
    await expect(app.query(`DELETE FROM audit_log`)).rejects.toThrow(/permission denied/);
    await expect(app.query(`UPDATE audit_log SET actor_id = 'someone-else'`)).rejects.toThrow(/permission denied/);
    await expect(app.query(`TRUNCATE audit_log`)).rejects.toThrow(/permission denied/);
    await expect(
      app.transaction(async (tx) => {
        await tx.query(`SELECT set_config('familiestotte.audit_purge_before', '2100-01-01', true)`);
        await tx.query(`SELECT set_config('familiestotte.audit_purge_running', 'on', true)`);
        await tx.query(`DELETE FROM audit_log`);
      }),
    ).rejects.toThrow(/permission denied/);
    // Nor can it take the guards away or shorten the minimum age.
    await expect(app.query(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`)).rejects.toThrow(/must be owner/);
    await expect(app.query(`UPDATE audit_purge_policy SET min_age = interval '1 day'`)).rejects.toThrow(/permission denied/);
    await expect(app.query(`SET ROLE familiestotte_audit`)).rejects.toThrow(/permission denied/);
    expect(await auditCount()).toBe(before);
  });

  it('even the owner’s own DELETE or UPDATE is refused outside purge_audit_log()', async () => {
    await expect(owner.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
    await expect(owner.query(`UPDATE audit_log SET actor_id = 'x'`)).rejects.toThrow(/append-only/);
    await expect(
      owner.transaction(async (tx) => {
        await tx.query(`SELECT set_config('familiestotte.audit_purge_before', '2100-01-01', true)`);
        await tx.query(`DELETE FROM audit_log`);
      }),
    ).rejects.toThrow(/append-only/);
  });

  it('retention through purge_audit_log() deletes only rows older than the allowed cut-off', async () => {
    const now = Date.now();
    await owner.query(
      `INSERT INTO audit_log (tenant_id, at, actor_id, action, origin) VALUES
        ('tenant-a', $1, 'aad-x', 'case.read', 'chat'),
        ('tenant-a', $2, 'aad-x', 'case.read', 'chat'),
        ('tenant-b', $1, 'aad-x', 'case.read', 'chat')`,
      [new Date(now - 40 * day).toISOString(), new Date(now - 20 * day).toISOString()],
    );
    const report = await runRetention(app, { ...periods, asOf: new Date(now), maintenance: owner });
    // 30 days: the two 40-day-old rows go (one per tenant), the 20-day-old row and today's stay.
    expect(report.totals.auditRows).toBe(2);
    expect(await auditCount(`at < now() - interval '30 days'`)).toBe(0);
    expect(await auditCount(`at > now() - interval '21 days' AND at < now() - interval '19 days'`)).toBe(1);

    // Asked for everything up to now, the function keeps what is younger than the minimum age (1 day).
    await owner.query(`INSERT INTO audit_log (tenant_id, at, actor_id, action, origin) VALUES ('tenant-a', now() - interval '2 hours', 'aad-x', 'case.read', 'chat')`);
    const [up] = await app.query<{ deleted: number; purged_before: Date }>(`SELECT * FROM purge_audit_log('tenant-a', now())`);
    expect(up?.deleted).toBe(1); // the 20-day-old row
    expect(await auditCount(`at > now() - interval '3 hours'`)).toBeGreaterThanOrEqual(1);
    expect(now - new Date(up!.purged_before).getTime()).toBeGreaterThan(day - 60_000);

    // The owner raises the minimum age; the bot's role asks for 30 days and gets the owner's 400.
    await owner.query(`UPDATE audit_purge_policy SET min_age = interval '400 days'`);
    await owner.query(`INSERT INTO audit_log (tenant_id, at, actor_id, action, origin) VALUES ('tenant-a', now() - interval '100 days', 'aad-x', 'case.read', 'chat')`);
    const kept = await runRetention(app, { ...periods, asOf: new Date(), maintenance: owner });
    expect(kept.totals.auditRows).toBe(0);
    expect(await auditCount(`at < now() - interval '99 days'`)).toBe(1);
    await owner.query(`UPDATE audit_purge_policy SET min_age = interval '1 day'`);
  });

  it('a cut-off after now is refused by the database, and by runRetention before it asks', async () => {
    const before = await auditCount();
    await expect(app.query(`SELECT * FROM purge_audit_log('tenant-a', now() + interval '1 minute')`)).rejects.toThrow(/after now/);
    await expect(app.query(`SELECT * FROM purge_audit_log('tenant-a', '2100-01-01')`)).rejects.toThrow(/after now/);
    await expect(runRetention(app, { ...periods, asOf: new Date('2100-01-01T00:00:00Z') })).rejects.toThrow(FutureRetentionDateError);
    // asOf 2100 with the run's own check out of the way: the database still refuses the 2099 cut-off.
    await expect(
      runRetention(app, { ...periods, asOf: new Date('2100-01-01T00:00:00Z'), now: new Date('2100-01-02T00:00:00Z') }),
    ).rejects.toThrow(/after now/);
    expect(await auditCount()).toBe(before);
  });
});
