import { z } from 'zod';
import { containsCprLike } from '../privacy/cpr.js';
import type { Database, Queryable } from './database.js';
import { checkScope, isUuid, type TenantScope } from './scope.js';

/**
 * The audit log: who read or wrote which case, when, and through which door
 * (databeskyttelse: every read and write of a case is logged). Rows are written in the
 * same transaction as the read or write they record, so there is never one without the other.
 */

/** The actions the core writes; other areas add their own in the same "area.verb" form. */
export const AUDIT_ACTIONS = {
  caseCreate: 'case.create',
  caseRead: 'case.read',
  /** Someone outside the case's team and not its caseworker asked for it; nothing was shown. */
  caseAccessRefused: 'case.access-refused',
  caseList: 'case.list',
  caseClose: 'case.close',
  caseDelete: 'case.delete',
  decisionCreate: 'decision.create',
  /** A decision was refused before anything was stored (a measure the case's standard does not have). */
  decisionRefused: 'decision.refused',
  decisionRead: 'decision.read',
  decisionHistory: 'decision.history',
  draftSave: 'draft.save',
  draftDelete: 'draft.delete',
} as const;

const ActionSchema = z.string().regex(/^[a-z]+(\.[a-z-]+)+$/, 'audit action must look like "case.read"');

/**
 * Details are for context such as an outcome or a count, never personal data: only flat
 * primitive values, short strings, and nothing that looks like a CPR number.
 */
export const AuditDetailsSchema = z.record(
  z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/),
  z.union([z.string().max(200).refine((s) => !containsCprLike(s), 'audit details must not hold CPR numbers'), z.number(), z.boolean(), z.null()]),
);
export type AuditDetails = z.infer<typeof AuditDetailsSchema>;

export interface AuditInput {
  action: string;
  caseId?: string | null;
  details?: AuditDetails;
}

const AuditRowSchema = z.object({
  tenant_id: z.string(),
  audit_id: z.number(),
  at: z.date(),
  actor_id: z.string(),
  action: z.string(),
  case_id: z.string().nullable(),
  origin: z.string(),
  details: AuditDetailsSchema,
});

export interface AuditEntry {
  tenantId: string;
  auditId: number;
  at: Date;
  actorId: string;
  action: string;
  caseId: string | null;
  origin: string;
  details: AuditDetails;
}

function toEntry(row: unknown): AuditEntry {
  const r = AuditRowSchema.parse(row);
  return { tenantId: r.tenant_id, auditId: r.audit_id, at: r.at, actorId: r.actor_id, action: r.action, caseId: r.case_id, origin: r.origin, details: r.details };
}

/**
 * Writes one audit row per case id (`[null]` for an event that concerns no single case),
 * inside the caller's transaction. Other areas (notes, reminders, plans) call this too.
 */
export async function writeAudit(
  tx: Queryable,
  scope: TenantScope,
  action: string,
  caseIds: readonly (string | null)[],
  details: AuditDetails = {},
): Promise<void> {
  checkScope(scope);
  ActionSchema.parse(action);
  const parsedDetails = AuditDetailsSchema.parse(details);
  if (caseIds.length === 0) return;
  const malformed = caseIds.find((id) => id !== null && !isUuid(id));
  if (malformed !== undefined) throw new Error('Audit case id must be a uuid');
  await tx.query(
    `INSERT INTO audit_log (tenant_id, actor_id, action, case_id, origin, details)
     SELECT $1, $2, $3, c, $4, $5::jsonb FROM unnest($6::uuid[]) WITH ORDINALITY AS t(c, n) ORDER BY n`,
    [scope.tenantId, scope.actorId, action, scope.origin, JSON.stringify(parsedDetails), caseIds],
  );
}

export function auditLog(db: Database) {
  return {
    /** One row, in its own transaction: for events that are not a storage read or write (e.g. an export). */
    async append(scope: TenantScope, input: AuditInput): Promise<void> {
      await db.transaction((tx) => writeAudit(tx, scope, input.action, [input.caseId ?? null], input.details));
    },

    /** The case's audit trail, newest first. */
    async listForCase(scope: TenantScope, caseId: string, options: { limit?: number } = {}): Promise<AuditEntry[]> {
      checkScope(scope);
      if (!isUuid(caseId)) return [];
      const limit = Math.min(Math.max(options.limit ?? 200, 1), 1000);
      const rows = await db.query(
        `SELECT tenant_id, audit_id, at, actor_id, action, case_id::text, origin, details
         FROM audit_log WHERE tenant_id = $1 AND case_id = $2::uuid ORDER BY audit_id DESC LIMIT $3`,
        [scope.tenantId, caseId, limit],
      );
      return rows.map(toEntry);
    },
  };
}

export type AuditLog = ReturnType<typeof auditLog>;
