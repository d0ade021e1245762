import { writeAudit } from '../storage/audit.js';
import type { Database, Queryable } from '../storage/database.js';
import type { TenantScope } from '../storage/scope.js';
import { deleteCases, rewriteCaseTables } from './case-tables.js';
import type { RetentionPeriods } from './retention-config.js';

/**
 * Deletes what has been kept long enough: closed cases (with every row about them), audit rows
 * by their own period, and abandoned intake drafts. Safe to run from several instances at once:
 * a second run finds nothing left to delete. Each tenant is one transaction, so a failure leaves
 * a tenant either done or untouched.
 */

export interface RetentionOptions extends RetentionPeriods {
  asOf: Date;
  dryRun?: boolean;
  /** Who runs it, for the audit log: 'retention' from the bot's schedule, an operator from the CLI. */
  actorId?: string;
  origin?: 'scheduler' | 'cli';
  /** Checked before each tenant: a stopping bot gives the rest of the run to another instance. */
  signal?: AbortSignal;
  /** Each tenant's deletions once committed, so a run that fails later is still counted right. */
  onTenantDone?: (done: TenantRetention) => void;
  /**
   * Where the tables are rewritten after deleting (VACUUM FULL needs the tables' owner, CHECKPOINT
   * a superuser or pg_checkpoint): the owner's connection when the bot runs as its own role.
   */
  maintenance?: Queryable;
  /** The wall clock `asOf` is checked against; tests set it. */
  now?: Date;
}

/** A run as of a future date would move every cut-off forward and delete what must still be kept. */
export class FutureRetentionDateError extends Error {
  constructor(asOf: Date, now: Date) {
    super(`Sletning efter en fremtidig dato afvises: ${asOf.toISOString()} ligger efter nu (${now.toISOString()}).`);
    this.name = 'FutureRetentionDateError';
  }
}

export interface TenantRetention {
  tenantId: string;
  cases: number;
  auditRows: number;
  drafts: number;
}

export interface RetentionReport {
  asOf: string;
  dryRun: boolean;
  closedBefore: string;
  auditBefore: string;
  draftsBefore: string;
  tenants: TenantRetention[];
  totals: { cases: number; auditRows: number; drafts: number };
}

export const RETENTION_ACTIONS = { caseDelete: 'case.delete', auditPurge: 'audit.purge', draftPurge: 'draft.purge' } as const;

const DAY_MS = 86_400_000;
const before = (asOf: Date, days: number): Date => new Date(asOf.getTime() - days * DAY_MS);

export async function runRetention(db: Database, options: RetentionOptions): Promise<RetentionReport> {
  // The CLI refuses this already; a caller that skips the CLI is refused here, and the database's
  // purge_audit_log() refuses a future cut-off once more (migration 054).
  const now = options.now ?? new Date();
  if (options.asOf.getTime() > now.getTime()) throw new FutureRetentionDateError(options.asOf, now);
  const closedBefore = before(options.asOf, options.closedCasesDays);
  const auditBefore = before(options.asOf, options.auditDays);
  const draftsBefore = before(options.asOf, options.draftsDays);
  const dryRun = options.dryRun ?? false;
  const tenants: TenantRetention[] = [];

  for (const tenantId of await tenantsWithData(db)) {
    options.signal?.throwIfAborted();
    const scope: TenantScope = { tenantId, actorId: options.actorId ?? 'retention', origin: options.origin ?? 'scheduler' };
    const result = await db.transaction((tx) =>
      dryRun ? countTenant(tx, tenantId, closedBefore, auditBefore, draftsBefore) : purgeTenant(tx, scope, closedBefore, auditBefore, draftsBefore),
    );
    if (result.cases + result.auditRows + result.drafts > 0) tenants.push(result);
    if (!dryRun) options.onTenantDone?.(result);
  }

  // The deleted rows' old versions leave the table files as well (see rewriteCaseTables).
  if (!dryRun && tenants.length > 0) await rewriteCaseTables(options.maintenance ?? db);

  const sum = (key: keyof Omit<TenantRetention, 'tenantId'>) => tenants.reduce((n, t) => n + t[key], 0);
  return {
    asOf: options.asOf.toISOString(),
    dryRun,
    closedBefore: closedBefore.toISOString(),
    auditBefore: auditBefore.toISOString(),
    draftsBefore: draftsBefore.toISOString(),
    tenants,
    totals: { cases: sum('cases'), auditRows: sum('auditRows'), drafts: sum('drafts') },
  };
}

async function tenantsWithData(db: Queryable): Promise<string[]> {
  const rows = await db.query<{ tenant_id: string }>(
    `SELECT tenant_id FROM cases UNION SELECT tenant_id FROM audit_log UNION SELECT tenant_id FROM intake_drafts ORDER BY 1`,
  );
  return rows.map((r) => r.tenant_id);
}

async function expiredCaseIds(tx: Queryable, tenantId: string, closedBefore: Date): Promise<string[]> {
  const rows = await tx.query<{ case_id: string }>(
    `SELECT case_id::text FROM cases WHERE tenant_id = $1 AND status = 'closed' AND closed_at < $2::timestamptz ORDER BY closed_at`,
    [tenantId, closedBefore.toISOString()],
  );
  return rows.map((r) => r.case_id);
}

async function count(tx: Queryable, sql: string, params: unknown[]): Promise<number> {
  const [row] = await tx.query<{ n: number }>(sql, params);
  return row?.n ?? 0;
}

async function countTenant(tx: Queryable, tenantId: string, closedBefore: Date, auditBefore: Date, draftsBefore: Date): Promise<TenantRetention> {
  return {
    tenantId,
    cases: (await expiredCaseIds(tx, tenantId, closedBefore)).length,
    // As purge_audit_log() would: never rows younger than the database's minimum age.
    auditRows: await count(
      tx,
      `SELECT count(*)::int AS n FROM audit_log
        WHERE tenant_id = $1 AND at < least($2::timestamptz, now() - (SELECT min_age FROM audit_purge_policy))`,
      [tenantId, auditBefore.toISOString()],
    ),
    drafts: await count(tx, `SELECT count(*)::int AS n FROM intake_drafts WHERE tenant_id = $1 AND updated_at < $2::timestamptz`, [tenantId, draftsBefore.toISOString()]),
  };
}

async function purgeTenant(tx: Queryable, scope: TenantScope, closedBefore: Date, auditBefore: Date, draftsBefore: Date): Promise<TenantRetention> {
  const { tenantId } = scope;
  // Old audit rows first, so the rows this run writes are never among those it deletes. The
  // bot's role may not delete audit rows itself: purge_audit_log() does it as its own role, and
  // keeps rows younger than the database's minimum age whatever cut-off it is given.
  const [purged] = await tx.query<{ deleted: number; purged_before: Date }>(
    `SELECT deleted, purged_before FROM purge_audit_log($1, $2::timestamptz)`,
    [tenantId, auditBefore.toISOString()],
  );
  const auditRows = purged?.deleted ?? 0;
  if (purged && auditRows > 0) {
    await writeAudit(tx, scope, RETENTION_ACTIONS.auditPurge, [null], { count: auditRows, before: new Date(purged.purged_before).toISOString() });
  }

  const cases = await deleteCases(tx, tenantId, await expiredCaseIds(tx, tenantId, closedBefore));
  // The case's audit trail stays and records why the case went; it holds no personal data.
  await writeAudit(tx, scope, RETENTION_ACTIONS.caseDelete, cases, { reason: 'retention' });

  const drafts = await tx.query(`DELETE FROM intake_drafts WHERE tenant_id = $1 AND updated_at < $2::timestamptz RETURNING draft_id`, [tenantId, draftsBefore.toISOString()]);
  if (drafts.length > 0) await writeAudit(tx, scope, RETENTION_ACTIONS.draftPurge, [null], { count: drafts.length });

  return { tenantId, cases: cases.length, auditRows, drafts: drafts.length };
}
