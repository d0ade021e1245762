import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { FactsSchema, IsoDate, type Facts } from '../../rules/facts.js';
import { CaseReferenceSchema, ChildPseudonymSchema } from '../cases/case-reference.js';
import { englishOf } from '../said.js';
import { AUDIT_ACTIONS, writeAudit } from './audit.js';
import type { Clock } from './clock.js';
import type { Database, Queryable } from './database.js';
import { currentDecisions, insertDecision, type DecisionRecord, type NewDecision } from './decisions.js';
import { sqlState } from './errors.js';
import { CaseReferenceTakenError, NotInTeamError, StorageInputError } from './input-errors.js';
import { refuseCpr } from './personal-data.js';
import { checkScope, isUuid, teamFilter, teamParam, type TenantScope } from './scope.js';

/**
 * Cases: known by the municipality's reference and a pseudonym, owned by a tenant and a team.
 * Every read returns the case with its current decision and leaves one audit row per case.
 */

export type CaseStatus = 'open' | 'closed';

export interface NewCase {
  reference: string;
  childPseudonym: string;
  teamId: string;
  /** The conversation reference id reminders are posted to (usually the team's channel). */
  channel?: string | null;
  caseworkerName: string;
  /** Defaults to facts.startDate. */
  startDate?: string | null;
  facts: Facts;
  decision: NewDecision;
}

export interface CaseRecord {
  tenantId: string;
  caseId: string;
  reference: string;
  childPseudonym: string;
  teamId: string;
  channel: string | null;
  caseworkerId: string;
  caseworkerName: string;
  status: CaseStatus;
  startDate: string | null;
  facts: Facts;
  createdAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
}

export interface CaseWithDecision extends CaseRecord {
  decision: DecisionRecord;
}

export interface ListOptions {
  /** Default 'open'. */
  status?: CaseStatus | 'all';
  /** Default 200, at most 1000. */
  limit?: number;
}

const CaseRowSchema = z.object({
  tenant_id: z.string(),
  case_id: z.string(),
  reference: z.string(),
  child_pseudonym: z.string(),
  team_id: z.string(),
  channel: z.string().nullable(),
  caseworker_id: z.string(),
  caseworker_name: z.string(),
  status: z.enum(['open', 'closed']),
  start_date: z.string().nullable(),
  facts: FactsSchema,
  created_at: z.date(),
  updated_at: z.date(),
  closed_at: z.date().nullable(),
});

const CASE_COLUMNS =
  'tenant_id, case_id::text, reference, child_pseudonym, team_id, channel, caseworker_id, caseworker_name, status, start_date, facts, created_at, updated_at, closed_at';

function toCaseRecord(row: unknown): CaseRecord {
  const r = CaseRowSchema.parse(row);
  return {
    tenantId: r.tenant_id,
    caseId: r.case_id,
    reference: r.reference,
    childPseudonym: r.child_pseudonym,
    teamId: r.team_id,
    channel: r.channel,
    caseworkerId: r.caseworker_id,
    caseworkerName: r.caseworker_name,
    status: r.status,
    startDate: r.start_date,
    facts: r.facts,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    closedAt: r.closed_at,
  };
}

const NewCaseSchema = z.object({
  reference: CaseReferenceSchema,
  childPseudonym: ChildPseudonymSchema,
  teamId: z.string().trim().min(1).max(200),
  channel: z.string().trim().min(1).max(500).nullable().optional(),
  caseworkerName: z.string().trim().min(1).max(200),
  startDate: IsoDate.nullable().optional(),
  facts: FactsSchema,
});

function checkNewCase(input: NewCase): z.infer<typeof NewCaseSchema> {
  const result = NewCaseSchema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = String(issue?.path[0] ?? '');
    // Reference and pseudonym carry their own Danish messages; the rest are programming errors.
    if (field === 'reference' || field === 'childPseudonym') throw new StorageInputError(`case.${field}`, issue?.message ?? '', englishOf(issue?.message ?? ''));
    throw new Error(`Invalid new case: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  refuseCpr(result.data.facts, { da: 'Oplysningerne om sagen', en: 'The facts of the case' });
  return result.data;
}

async function withDecisions(tx: Queryable, tenantId: string, rows: unknown[]): Promise<CaseWithDecision[]> {
  const cases = rows.map(toCaseRecord);
  const decisions = await currentDecisions(tx, tenantId, cases.map((c) => c.caseId));
  return cases.map((c) => {
    const decision = decisions.get(c.caseId);
    // Cases are created with their first decision in one transaction, so this cannot happen without tampering.
    if (!decision) throw new Error(`Case ${c.caseId} has no decision`);
    return { ...c, decision };
  });
}

function limitOf(options: ListOptions): number {
  return Math.min(Math.max(options.limit ?? 200, 1), 1000);
}

function statusFilter(options: ListOptions): string[] {
  const status = options.status ?? 'open';
  return status === 'all' ? ['open', 'closed'] : [status];
}

/**
 * Closes an open case inside the caller's transaction, with its audit row: a reminder's "review
 * done: the case closes" closes the case itself, not only its reminders. Closing a closed case
 * changes nothing and writes nothing.
 */
export async function closeCaseIn(tx: Queryable, scope: TenantScope, caseId: string, at: Date, details: Record<string, string | number | boolean | null>): Promise<void> {
  checkScope(scope);
  const closed = await tx.query(
    `UPDATE cases SET status = 'closed', closed_at = $3::timestamptz, updated_at = $3::timestamptz
     WHERE tenant_id = $1 AND case_id = $2::uuid AND status = 'open' RETURNING case_id`,
    [scope.tenantId, caseId, at.toISOString()],
  );
  if (closed.length > 0) await writeAudit(tx, scope, AUDIT_ACTIONS.caseClose, [caseId], details);
}

export interface CaseAccessSubject {
  caseId: string;
  teamId: string;
  caseworkerId: string;
}

export function caseStore(db: Database, clock: Clock) {
  async function readOne(scope: TenantScope, where: string, value: string): Promise<CaseWithDecision | null> {
    return db.transaction(async (tx) => {
      const rows = await tx.query(`SELECT ${CASE_COLUMNS} FROM cases WHERE tenant_id = $1 AND ${where} AND ${teamFilter(3)}`, [
        scope.tenantId,
        value,
        teamParam(scope),
      ]);
      const [found] = await withDecisions(tx, scope.tenantId, rows);
      if (found) await writeAudit(tx, scope, AUDIT_ACTIONS.caseRead, [found.caseId]);
      return found ?? null;
    });
  }

  async function list(scope: TenantScope, where: string, value: string, options: ListOptions): Promise<CaseWithDecision[]> {
    return db.transaction(async (tx) => {
      const rows = await tx.query(
        `SELECT ${CASE_COLUMNS} FROM cases WHERE tenant_id = $1 AND ${where} AND status = ANY($3::text[]) AND ${teamFilter(5)}
         ORDER BY updated_at DESC, case_id LIMIT $4`,
        [scope.tenantId, value, statusFilter(options), limitOf(options), teamParam(scope)],
      );
      const found = await withDecisions(tx, scope.tenantId, rows);
      await writeAudit(tx, scope, AUDIT_ACTIONS.caseList, found.map((c) => c.caseId));
      return found;
    });
  }

  return {
    /** A new open case with its first decision; the acting user is its caseworker. */
    async create(scope: TenantScope, input: NewCase): Promise<CaseWithDecision> {
      checkScope(scope);
      const c = checkNewCase(input);
      if (scope.teamIds && !scope.teamIds.includes(c.teamId)) throw new NotInTeamError();
      const caseId = randomUUID();
      try {
        return await db.transaction(async (tx) => {
          const now = clock().toISOString();
          const [row] = await tx.query(
            `INSERT INTO cases (tenant_id, case_id, reference, child_pseudonym, team_id, channel, caseworker_id,
               caseworker_name, status, start_date, facts, created_at, updated_at)
             VALUES ($1, $2::uuid, $3, $4, $5, $6, $7, $8, 'open', $9::date, $10::jsonb, $11::timestamptz, $11::timestamptz)
             RETURNING ${CASE_COLUMNS}`,
            [scope.tenantId, caseId, c.reference, c.childPseudonym, c.teamId, c.channel ?? null, scope.actorId,
              c.caseworkerName, c.startDate ?? c.facts.startDate ?? null, JSON.stringify(c.facts), now],
          );
          const decision = await insertDecision(tx, scope, caseId, input.decision, new Date(now));
          // One operation, one row: the first decision is part of creating the case.
          await writeAudit(tx, scope, AUDIT_ACTIONS.caseCreate, [caseId], {
            recommendedOutcome: decision.recommendedOutcome,
            chosenOutcome: decision.chosenOutcome,
            overridden: decision.overridden,
          });
          return { ...toCaseRecord(row), decision };
        });
      } catch (error) {
        if (sqlState(error) === '23505') throw new CaseReferenceTakenError(c.reference);
        throw error;
      }
    },

    /**
     * Whose a case is (its team and caseworker), for the access check that runs before anything of
     * the case is read. Tenant-scoped only, not audited: it returns no case content, and the
     * check that uses it audits a refusal, the read after it audits itself.
     */
    async accessSubject(scope: TenantScope, key: { caseId: string } | { reference: string }): Promise<CaseAccessSubject | null> {
      checkScope(scope);
      if ('caseId' in key && !isUuid(key.caseId)) return null;
      const [where, value] = 'caseId' in key ? ['case_id = $2::uuid', key.caseId] : ['reference = $2', key.reference.trim()];
      const [row] = await db.query<{ case_id: string; team_id: string; caseworker_id: string }>(
        `SELECT case_id::text, team_id, caseworker_id FROM cases WHERE tenant_id = $1 AND ${where}`,
        [scope.tenantId, value],
      );
      return row ? { caseId: row.case_id, teamId: row.team_id, caseworkerId: row.caseworker_id } : null;
    },

    async findByReference(scope: TenantScope, reference: string): Promise<CaseWithDecision | null> {
      checkScope(scope);
      return readOne(scope, 'reference = $2', reference.trim());
    },

    async get(scope: TenantScope, caseId: string): Promise<CaseWithDecision | null> {
      checkScope(scope);
      if (!isUuid(caseId)) return null;
      return readOne(scope, 'case_id = $2::uuid', caseId);
    },

    /** The caseworker's cases (the acting user's when no id is given), most recently changed first. */
    async listForCaseworker(scope: TenantScope, caseworkerId = scope.actorId, options: ListOptions = {}): Promise<CaseWithDecision[]> {
      checkScope(scope);
      return list(scope, 'caseworker_id = $2', caseworkerId, options);
    },

    async listForTeam(scope: TenantScope, teamId: string, options: ListOptions = {}): Promise<CaseWithDecision[]> {
      checkScope(scope);
      return list(scope, 'team_id = $2', teamId, options);
    },

    /** Closes an open case; closing a closed case changes nothing. Null when not in this tenant. */
    async close(scope: TenantScope, caseId: string): Promise<CaseWithDecision | null> {
      checkScope(scope);
      if (!isUuid(caseId)) return null;
      return db.transaction(async (tx) => {
        const now = clock().toISOString();
        const updated = await tx.query(
          `UPDATE cases SET status = 'closed', closed_at = $3::timestamptz, updated_at = $3::timestamptz
           WHERE tenant_id = $1 AND case_id = $2::uuid AND status = 'open' AND ${teamFilter(4)} RETURNING ${CASE_COLUMNS}`,
          [scope.tenantId, caseId, now, teamParam(scope)],
        );
        const rows =
          updated.length > 0
            ? updated
            : await tx.query(`SELECT ${CASE_COLUMNS} FROM cases WHERE tenant_id = $1 AND case_id = $2::uuid AND ${teamFilter(3)}`, [scope.tenantId, caseId, teamParam(scope)]);
        const [found] = await withDecisions(tx, scope.tenantId, rows);
        if (!found) return null;
        await writeAudit(tx, scope, updated.length > 0 ? AUDIT_ACTIONS.caseClose : AUDIT_ACTIONS.caseRead, [caseId]);
        return found;
      });
    },

    /**
     * Retention: deletes the tenant's cases closed before `before`, with their decisions.
     * The audit rows stay (they hold no personal data) and gain one 'case.delete' row each.
     */
    async deleteClosedBefore(scope: TenantScope, before: Date): Promise<number> {
      checkScope(scope);
      return db.transaction(async (tx) => {
        const deleted = await tx.query<{ case_id: string }>(
          `DELETE FROM cases WHERE tenant_id = $1 AND status = 'closed' AND closed_at < $2::timestamptz AND ${teamFilter(3)} RETURNING case_id::text`,
          [scope.tenantId, before.toISOString(), teamParam(scope)],
        );
        await writeAudit(tx, scope, AUDIT_ACTIONS.caseDelete, deleted.map((r) => r.case_id), { reason: 'retention' });
        return deleted.length;
      });
    },
  };
}

export type CaseStore = ReturnType<typeof caseStore>;
