import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  CONTACT_ROLES,
  DAYCARE_KINDS,
  DURATION_UNITS,
  FOCUS_POINT_IDS,
  REFERRAL_SOURCES,
  type Goal,
  type PlanContent,
  type PlanVersion,
} from '../plan/model.js';
import type { PlanInput } from '../plan/schema.js';
import { writeAudit } from './audit.js';
import type { Clock } from './clock.js';
import type { Database, Queryable } from './database.js';
import { CaseClosedError, CaseNotFoundError, StorageInputError } from './input-errors.js';
import { refuseCpr } from './personal-data.js';
import { checkScope, isUuid, type TenantScope } from './scope.js';

/**
 * Case plans, versioned: saving writes a new version with who, when and which fields changed;
 * nothing is overwritten. Every read and write leaves an audit row in the same transaction.
 */

export const PLAN_AUDIT = {
  save: 'plan.save',
  read: 'plan.read',
  history: 'plan.history',
  /** The same plan form saved again by the person whose save made the current version: nothing written. */
  repeat: 'plan.repeat',
} as const;

export class PlanChangedError extends StorageInputError {
  constructor() {
    super(
      'plan.changed',
      'Planen er blevet ændret, siden du åbnede den. Åbn planen igen med »plan« og sagsnummeret, og ret den derfra.',
      'The plan has been changed since you opened it. Open the plan again with »plan« and the case number, and edit it from there.',
    );
    this.name = 'PlanChangedError';
  }
}

const PlanRow = z.object({
  case_id: z.string(),
  version: z.number(),
  purpose: z.string(),
  duration_value: z.number(),
  duration_unit: z.enum(DURATION_UNITS),
  focus_points: z.array(z.enum(FOCUS_POINT_IDS)),
  tasks: z.array(z.string()),
  referral_source: z.enum(REFERRAL_SOURCES),
  referral_note: z.string().nullable(),
  daycare_start: z.string().nullable(),
  daycare_kind: z.enum(DAYCARE_KINDS).nullable(),
  visitation_social: z.boolean(),
  visitation_contact_role: z.enum(CONTACT_ROLES).nullable(),
  changed: z.array(z.string()),
  changed_by: z.string(),
  changed_at: z.date(),
});

const GoalRow = z.object({
  version: z.number(),
  goal_id: z.string(),
  text: z.string(),
  agreed_with_parents: z.boolean(),
  progress_sign: z.string(),
});

const PLAN_COLUMNS = `case_id::text, version, purpose, duration_value, duration_unit, focus_points, tasks, referral_source, referral_note,
  daycare_start, daycare_kind, visitation_social, visitation_contact_role, changed, changed_by, changed_at`;

function toPlan(row: unknown, goals: Goal[]): PlanVersion {
  const r = PlanRow.parse(row);
  return {
    caseId: r.case_id,
    version: r.version,
    purpose: r.purpose,
    expectedDuration: { value: r.duration_value, unit: r.duration_unit },
    goals,
    focusPoints: r.focus_points,
    tasks: r.tasks,
    referralSource: r.referral_source,
    ...(r.referral_note !== null ? { referralNote: r.referral_note } : {}),
    ...(r.daycare_start && r.daycare_kind ? { daycareStart: { date: r.daycare_start, kind: r.daycare_kind } } : {}),
    visitationSocial: r.visitation_social && r.visitation_contact_role ? { receives: true, contactRole: r.visitation_contact_role } : { receives: false },
    changed: r.changed,
    changedBy: r.changed_by,
    changedAt: r.changed_at.toISOString(),
  };
}

async function readVersions(tx: Queryable, tenantId: string, caseId: string, onlyLatest: boolean): Promise<PlanVersion[]> {
  const rows = await tx.query(
    `SELECT ${PLAN_COLUMNS} FROM plans WHERE tenant_id = $1 AND case_id = $2::uuid ORDER BY version DESC ${onlyLatest ? 'LIMIT 1' : ''}`,
    [tenantId, caseId],
  );
  if (rows.length === 0) return [];
  const versions = rows.map((r) => PlanRow.parse(r).version);
  const goalRows = (
    await tx.query(
      `SELECT version, goal_id::text, text, agreed_with_parents, progress_sign FROM plan_goals
       WHERE tenant_id = $1 AND case_id = $2::uuid AND version = ANY($3::int[]) ORDER BY version, position`,
      [tenantId, caseId, versions],
    )
  ).map((g) => GoalRow.parse(g));
  return rows.map((row, i) =>
    toPlan(
      row,
      goalRows
        .filter((g) => g.version === versions[i])
        .map((g) => ({ id: g.goal_id, text: g.text, agreedWithParents: g.agreed_with_parents, progressSign: g.progress_sign })),
    ),
  );
}

/** The plan version in force, read inside the caller's transaction (no audit row: the caller writes one). */
export async function currentPlanIn(tx: Queryable, tenantId: string, caseId: string): Promise<PlanVersion | null> {
  return (await readVersions(tx, tenantId, caseId, true))[0] ?? null;
}

/** A plan's fields as they are compared: any shape per field, e.g. goals without their ids. */
type ComparablePlan = { [K in keyof PlanContent]?: unknown };

/** Which top-level fields differ, in the plan's own field names; goal changes show as "goals". */
export function changedFields(before: ComparablePlan | null, after: ComparablePlan): string[] {
  if (!before) return ['created'];
  const keys: (keyof PlanContent)[] = ['purpose', 'expectedDuration', 'goals', 'focusPoints', 'tasks', 'referralSource', 'referralNote', 'daycareStart', 'visitationSocial'];
  return keys.filter((k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null));
}

/** A saved version says what the form says; new goals got their ids when saved, so ids are left out. */
function sameContent(saved: PlanContent, form: PlanInput): boolean {
  const withoutIds = (p: PlanContent | PlanInput) => ({ ...p, goals: p.goals.map((g) => ({ text: g.text, agreedWithParents: g.agreedWithParents, progressSign: g.progressSign })) });
  return changedFields(withoutIds(saved), withoutIds(form)).length === 0;
}

export function planStore(db: Database, clock: Clock) {
  return {
    /**
     * Saves the plan as a new version. `baseVersion` is the version the person edited (0 for a new
     * plan); if someone saved in between, nothing is written and PlanChangedError says what to do.
     * Saving an unchanged plan writes nothing and returns the current version.
     */
    async save(scope: TenantScope, caseId: string, input: PlanInput, baseVersion: number): Promise<{ plan: PlanVersion; written: boolean; repeated?: boolean }> {
      checkScope(scope);
      if (!isUuid(caseId)) throw new CaseNotFoundError();
      refuseCpr(input, { da: 'Planen', en: 'The plan' });
      return db.transaction(async (tx) => {
        const [c] = await tx.query<{ status: string }>('SELECT status FROM cases WHERE tenant_id = $1 AND case_id = $2::uuid FOR UPDATE', [scope.tenantId, caseId]);
        if (!c) throw new CaseNotFoundError();
        if (c.status !== 'open') throw new CaseClosedError();
        const current = await currentPlanIn(tx, scope.tenantId, caseId);
        if ((current?.version ?? 0) !== baseVersion) {
          // The person's own save of this very form, whose answer was lost, made the current version:
          // they are shown it as saved, not told that someone changed the plan since they opened it.
          if (current && current.version === baseVersion + 1 && current.changedBy === scope.actorId && sameContent(current, input)) {
            await writeAudit(tx, scope, PLAN_AUDIT.repeat, [caseId], { version: current.version });
            return { plan: current, written: false, repeated: true };
          }
          throw new PlanChangedError();
        }
        const known = new Set(current?.goals.map((g) => g.id) ?? []);
        const goals: Goal[] = input.goals.map((g) => ({ ...g, id: g.id && known.has(g.id) ? g.id : randomUUID() }));
        const content: PlanContent = { ...input, goals };
        const changed = changedFields(current, content);
        if (current && changed.length === 0) return { plan: current, written: false };
        const version = baseVersion + 1;
        const now = clock();
        const [row] = await tx.query(
          `INSERT INTO plans (tenant_id, case_id, version, purpose, duration_value, duration_unit, focus_points, tasks, referral_source,
             referral_note, daycare_start, daycare_kind, visitation_social, visitation_contact_role, changed, changed_by, changed_at)
           VALUES ($1, $2::uuid, $3, $4, $5, $6, $7::text[], $8::text[], $9, $10, $11::date, $12, $13, $14, $15::text[], $16, $17::timestamptz)
           RETURNING ${PLAN_COLUMNS}`,
          [
            scope.tenantId, caseId, version, content.purpose, content.expectedDuration.value, content.expectedDuration.unit,
            content.focusPoints, content.tasks, content.referralSource, content.referralNote ?? null,
            content.daycareStart?.date ?? null, content.daycareStart?.kind ?? null, content.visitationSocial.receives,
            content.visitationSocial.receives ? content.visitationSocial.contactRole : null, changed, scope.actorId, now.toISOString(),
          ],
        );
        for (const [i, g] of goals.entries()) {
          await tx.query(
            `INSERT INTO plan_goals (tenant_id, case_id, version, goal_id, position, text, agreed_with_parents, progress_sign)
             VALUES ($1, $2::uuid, $3, $4::uuid, $5, $6, $7, $8)`,
            [scope.tenantId, caseId, version, g.id, i + 1, g.text, g.agreedWithParents, g.progressSign],
          );
        }
        await tx.query('UPDATE cases SET updated_at = $3::timestamptz WHERE tenant_id = $1 AND case_id = $2::uuid', [scope.tenantId, caseId, now.toISOString()]);
        await writeAudit(tx, scope, PLAN_AUDIT.save, [caseId], { version, changed: changed.join(','), goals: goals.length });
        return { plan: toPlan(row, goals), written: true };
      });
    },

    /** The plan in force, or null when the case has none (or is not in this tenant). */
    async current(scope: TenantScope, caseId: string): Promise<PlanVersion | null> {
      checkScope(scope);
      if (!isUuid(caseId)) return null;
      return db.transaction(async (tx) => {
        const plan = await currentPlanIn(tx, scope.tenantId, caseId);
        if (plan) await writeAudit(tx, scope, PLAN_AUDIT.read, [caseId], { version: plan.version });
        return plan;
      });
    },

    /** Every version, newest first: who changed what, when. */
    async history(scope: TenantScope, caseId: string): Promise<PlanVersion[]> {
      checkScope(scope);
      if (!isUuid(caseId)) return [];
      return db.transaction(async (tx) => {
        const versions = await readVersions(tx, scope.tenantId, caseId, false);
        if (versions.length > 0) await writeAudit(tx, scope, PLAN_AUDIT.history, [caseId], { count: versions.length });
        return versions;
      });
    },
  };
}

export type PlanStore = ReturnType<typeof planStore>;
