import { z } from 'zod';
import { CHILD_PLAN_STANCES, type ChildPlanStance } from '../../rules/child-plan.js';
import { writeAudit } from './audit.js';
import type { Clock } from './clock.js';
import type { Database, Queryable } from './database.js';
import { CaseClosedError, CaseNotFoundError } from './input-errors.js';
import { checkScope, isUuid, type TenantScope } from './scope.js';

/**
 * Barnets plan (Barnets lov § 91): the caseworker's stance on whether one is to be made, and the
 * day it was in place (migration 061). Every change is a new row; the newest stands. Every read and
 * write leaves an audit row in its own transaction. The deadline a "yes" gives is worked out by the
 * caller from the tenant's bound figures (rules/child-plan.ts) and stored with the row.
 */

export const CHILD_PLAN_AUDIT = { record: 'childplan.record', read: 'childplan.read' } as const;

export interface ChildPlanRecord {
  caseId: string;
  stance: ChildPlanStance;
  /** The decision the stance was taken on; a "yes" counts its deadline from it. */
  decisionId: string;
  /** YYYY-MM-DD, for a "yes" only. */
  due: string | null;
  /** YYYY-MM-DD the plan was in place; only with a "yes". */
  madeOn: string | null;
  recordedBy: string;
  /** ISO timestamp */
  recordedAt: string;
}

export interface ChildPlanInput {
  stance: ChildPlanStance;
  madeOn: string | null;
}

const Row = z.object({
  case_id: z.string(),
  decision_id: z.string(),
  stance: z.enum(CHILD_PLAN_STANCES),
  due: z.string().nullable(),
  made_on: z.string().nullable(),
  recorded_by: z.string(),
  recorded_at: z.date(),
});

const COLUMNS = `case_id::text, decision_id::text, stance, due::text, made_on::text, recorded_by, recorded_at`;

function toRecord(row: unknown): ChildPlanRecord {
  const r = Row.parse(row);
  return { caseId: r.case_id, decisionId: r.decision_id, stance: r.stance, due: r.due, madeOn: r.made_on, recordedBy: r.recorded_by, recordedAt: r.recorded_at.toISOString() };
}

async function currentIn(tx: Queryable, tenantId: string, caseId: string): Promise<ChildPlanRecord | null> {
  const [row] = await tx.query(`SELECT ${COLUMNS} FROM child_plan_stances WHERE tenant_id = $1 AND case_id = $2::uuid ORDER BY seq DESC LIMIT 1`, [tenantId, caseId]);
  return row ? toRecord(row) : null;
}

export function childPlanStore(db: Database, clock: Clock) {
  return {
    /**
     * Records the stance. `anchor` is the standing decision and the deadline a "yes" on it gives; a
     * "yes" already standing keeps its own decision and deadline (recording it again, or the day the
     * plan was made, does not move the deadline). The same stance and day again write nothing.
     */
    async record(scope: TenantScope, caseId: string, input: ChildPlanInput, anchor: { decisionId: string; due: string }): Promise<{ record: ChildPlanRecord; written: boolean }> {
      checkScope(scope);
      if (!isUuid(caseId)) throw new CaseNotFoundError();
      return db.transaction(async (tx) => {
        const [c] = await tx.query<{ status: string }>('SELECT status FROM cases WHERE tenant_id = $1 AND case_id = $2::uuid FOR UPDATE', [scope.tenantId, caseId]);
        if (!c) throw new CaseNotFoundError();
        if (c.status !== 'open') throw new CaseClosedError();
        const current = await currentIn(tx, scope.tenantId, caseId);
        const madeOn = input.stance === 'yes' ? input.madeOn : null;
        if (current && current.stance === input.stance && current.madeOn === madeOn) return { record: current, written: false };
        const kept = current?.stance === 'yes' && input.stance === 'yes' ? { decisionId: current.decisionId, due: current.due } : anchor;
        const [row] = await tx.query(
          `INSERT INTO child_plan_stances (tenant_id, case_id, decision_id, stance, due, made_on, recorded_by, recorded_at)
           VALUES ($1, $2::uuid, $3::uuid, $4, $5::date, $6::date, $7, $8::timestamptz)
           RETURNING ${COLUMNS}`,
          [scope.tenantId, caseId, kept.decisionId, input.stance, input.stance === 'yes' ? kept.due : null, madeOn, scope.actorId, clock().toISOString()],
        );
        await writeAudit(tx, scope, CHILD_PLAN_AUDIT.record, [caseId], { stance: input.stance, made: madeOn !== null });
        return { record: toRecord(row), written: true };
      });
    },

    /**
     * Barnets plan's deadline of each of these cases whose standing stance is a "yes" not yet made:
     * the summaries' and lists' due dates. One statement and one audit row per case it found.
     */
    async dueFor(scope: TenantScope, caseIds: readonly string[]): Promise<ReadonlyMap<string, string>> {
      checkScope(scope);
      const ids = caseIds.filter(isUuid);
      if (ids.length === 0) return new Map();
      return db.transaction(async (tx) => {
        const rows = (
          await tx.query(
            `SELECT DISTINCT ON (case_id) ${COLUMNS} FROM child_plan_stances
             WHERE tenant_id = $1 AND case_id = ANY($2::uuid[]) ORDER BY case_id, seq DESC`,
            [scope.tenantId, ids],
          )
        ).map(toRecord);
        if (rows.length > 0) await writeAudit(tx, scope, CHILD_PLAN_AUDIT.read, rows.map((r) => r.caseId), { cases: rows.length });
        return new Map(rows.flatMap((r) => (r.stance === 'yes' && r.due && !r.madeOn ? [[r.caseId, r.due] as const] : [])));
      });
    },

    /** The standing stance, or null when none was recorded (or the case is not in this tenant). */
    async current(scope: TenantScope, caseId: string): Promise<ChildPlanRecord | null> {
      checkScope(scope);
      if (!isUuid(caseId)) return null;
      return db.transaction(async (tx) => {
        const record = await currentIn(tx, scope.tenantId, caseId);
        if (record) await writeAudit(tx, scope, CHILD_PLAN_AUDIT.read, [caseId], { stance: record.stance });
        return record;
      });
    },
  };
}

export type ChildPlanStore = ReturnType<typeof childPlanStore>;
