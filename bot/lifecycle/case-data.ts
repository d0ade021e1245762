import { z } from 'zod';
import { containsCprLike } from '../privacy/cpr.js';
import { writeAudit } from '../storage/audit.js';
import type { Database } from '../storage/database.js';
import { checkScope, type TenantScope } from '../storage/scope.js';
import { deleteCases, readCaseRows, rewriteCaseTables } from './case-tables.js';

/**
 * A citizen's rights over one case: access (everything held on it, as JSON) and erasure on a
 * lawful request. Both are found by the municipality's reference within one tenant, and both
 * leave an audit row that says it happened and by whom, never what the case held.
 */

export const LIFECYCLE_ACTIONS = { caseExport: 'case.export', caseErase: 'case.erase' } as const;

export interface CaseExport {
  exportedAt: string;
  tenantId: string;
  reference: string;
  caseId: string;
  /** Table name → its rows about this case: the case, decisions, audit trail, and whatever later areas store. */
  tables: Record<string, unknown[]>;
}

export interface CaseErasure {
  erasedAt: string;
  tenantId: string;
  reference: string;
  caseId: string;
  /** Rows deleted per table (the audit trail is kept: it is the record that the erasure happened). */
  deleted: Record<string, number>;
}

async function findCaseId(tx: Pick<Database, 'query'>, tenantId: string, reference: string): Promise<string | null> {
  const [row] = await tx.query<{ case_id: string }>(`SELECT case_id::text FROM cases WHERE tenant_id = $1 AND reference = $2`, [tenantId, reference.trim()]);
  return row?.case_id ?? null;
}

/** Null when the tenant has no case with this reference. */
export async function exportCase(db: Database, scope: TenantScope, reference: string, now = new Date()): Promise<CaseExport | null> {
  checkScope(scope);
  return db.transaction(async (tx) => {
    const caseId = await findCaseId(tx, scope.tenantId, reference);
    if (!caseId) return null;
    // Written first, so the export shows its own access in the audit trail it hands over.
    await writeAudit(tx, scope, LIFECYCLE_ACTIONS.caseExport, [caseId]);
    const tables = await readCaseRows(tx, scope.tenantId, caseId);
    return { exportedAt: now.toISOString(), tenantId: scope.tenantId, reference: reference.trim(), caseId, tables };
  });
}

/** Why the erasure was lawful, e.g. "Anmodning efter GDPR art. 17, j.nr. 2025-118". Kept in the audit row, so no names or CPR numbers. */
export const ErasureReasonSchema = z
  .string()
  .trim()
  .min(5, 'Begrundelsen skal være mindst 5 tegn.')
  .max(200, 'Begrundelsen må højst være 200 tegn.')
  .refine((s) => !containsCprLike(s), 'Begrundelsen må ikke indeholde et CPR-nummer; henvis til anmodningens journalnummer i stedet.');

/** Null when the tenant has no case with this reference. */
export async function eraseCase(db: Database, scope: TenantScope, reference: string, reason: string, now = new Date()): Promise<CaseErasure | null> {
  checkScope(scope);
  const why = ErasureReasonSchema.parse(reason);
  const erased = await db.transaction(async (tx) => {
    const caseId = await findCaseId(tx, scope.tenantId, reference);
    if (!caseId) return null;
    const before = await readCaseRows(tx, scope.tenantId, caseId);
    await deleteCases(tx, scope.tenantId, [caseId]);
    const after = await readCaseRows(tx, scope.tenantId, caseId);
    const deleted = Object.fromEntries(
      Object.entries(before)
        .filter(([table]) => table !== 'audit_log')
        .map(([table, rows]) => [table, rows.length - (after[table]?.length ?? 0)]),
    );
    await writeAudit(tx, scope, LIFECYCLE_ACTIONS.caseErase, [caseId], { reason: why });
    return { erasedAt: now.toISOString(), tenantId: scope.tenantId, reference: reference.trim(), caseId, deleted };
  });
  // Erased means gone from the table files too, not only invisible to queries.
  if (erased) await rewriteCaseTables(db);
  return erased;
}
