import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../bot/config.js';
import { createLogger } from '../../bot/logger.js';
import { startServer, type RunningServer } from '../../bot/server.js';
import { FutureRetentionDateError, runRetention } from '../../bot/lifecycle/retention.js';
import { openDatabase, type Database } from '../../bot/storage/database.js';
import { migrate, migrationsCurrent } from '../../bot/storage/migrate.js';
import { createStorage } from '../../bot/storage/storage.js';
import { BotClient, cardsIn, cardText } from '../support/bot-client.js';
import { sampleCase, scopeFor } from '../support/case-fixtures.js';
import { freshPostgresDatabase } from '../support/db.js';
import { seedCase } from '../support/tab-fixtures.js';

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

/**
 * The bot itself started as production runs it: DATABASE_URL is its own role, DATABASE_OWNER_URL
 * the owner, on a database not yet migrated (a new version's first start). The roles already exist
 * on this server (the migrations above made them), as after the first start in the guide.
 */
describe('the bot started on its own role, with the owner for migrations', () => {
  const TENANT = '11111111-2222-4333-8444-666666666666';
  const appRole = `fs_bot_${randomBytes(4).toString('hex')}`;
  let ownerUrl: string;
  let appUrl: string;
  let server: RunningServer | undefined;

  const configFor = async (env: Record<string, string>) =>
    loadConfig({
      PORT: '0', HOST: '127.0.0.1', DATA_DIR: await mkdtemp(join(tmpdir(), 'own-role-')), LOG_LEVEL: 'silent',
      ALLOW_UNAUTHENTICATED_LOCAL: 'true', RETENTION_CHECK_MINUTES: '0', REMINDER_SWEEP_SECONDS: '0', ...env,
    });

  beforeAll(async () => {
    ownerUrl = await freshPostgresDatabase('audit_role_bot');
    const admin = await openDatabase({ databaseUrl: ownerUrl, dataDir: '' });
    await admin.query(`CREATE ROLE ${appRole} LOGIN IN ROLE familiestotte_app`).finally(() => admin.close());
    const url = new URL(ownerUrl);
    url.username = appRole;
    appUrl = url.toString();
  });
  afterAll(async () => {
    await server?.close();
    const admin = await openDatabase({ databaseUrl: process.env.TEST_DATABASE_URL!, dataDir: '' });
    await admin.query(`DROP ROLE IF EXISTS ${appRole}`).finally(() => admin.close());
  });

  it('cannot migrate on its own role: start-up fails rather than run without its schema', async () => {
    await expect(startServer(await configFor({ DATABASE_URL: appUrl }), { logger: createLogger('silent') })).rejects.toThrow(/permission denied/);
  });

  it('migrates through the owner, then serves turns on its own role, which still may not touch the audit log', async () => {
    server = await startServer(await configFor({ DATABASE_URL: appUrl, DATABASE_OWNER_URL: ownerUrl }), { logger: createLogger('silent') });
    expect((await fetch(`${server.url}/ready`)).status).toBe(200);
    const owner = await openDatabase({ databaseUrl: ownerUrl, dataDir: '' });
    try {
      await seedCase(createStorage(owner), { tenantId: TENANT, reference: 'SAG-2026-0777', caseworkerId: 'caseworker-oid' });
      const caseworker = new BotClient({ url: server.url, tenantId: TENANT, userId: 'caseworker-oid' });
      // The caseworker is in the case's team, where the bot is installed (a case is its team's: doors.ts).
      caseworker.joinTeam('team-familie');
      await caseworker.with({ kind: 'channel', conversationId: '19:team-familie-general@thread.tacv2', teamId: 'team-familie' }).install();
      expect(cardText(cardsIn(await caseworker.say('resumé SAG-2026-0777'))[0])).toContain('Sag SAG-2026-0777');
      const sessions = await owner.query<{ usename: string }>(`SELECT DISTINCT usename::text FROM pg_stat_activity WHERE datname = current_database()`);
      expect(sessions.map((s) => s.usename)).toContain(appRole);
      const [rights] = await owner.query<{ del: boolean; upd: boolean; purge: boolean }>(
        `SELECT has_table_privilege($1, 'audit_log', 'DELETE') AS del, has_table_privilege($1, 'audit_log', 'UPDATE') AS upd,
                has_function_privilege($1, 'purge_audit_log(text, timestamptz)', 'EXECUTE') AS purge`,
        [appRole],
      );
      expect(rights).toEqual({ del: false, upd: false, purge: true });
    } finally {
      await owner.close();
    }
  });
});
