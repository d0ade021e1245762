import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { ChoosableOutcome } from '../../rules/decision-types.js';
import { FactsSchema, type Facts } from '../../rules/facts.js';
import { AGE_APPROPRIATE, GOAL_PROGRESS, REVIEW_DECISIONS, type AgeAppropriate, type GoalProgress, type ReviewDecision } from '../plan/model.js';
import type { NextReview, ReviewResult } from '../plan/review.js';
import { AUDIT_ACTIONS, writeAudit } from './audit.js';
import type { Clock } from './clock.js';
import type { Database, Queryable } from './database.js';
import { currentDecisions, insertDecision, type DecisionRecord } from './decisions.js';
import type { LoadedStandard } from '../standards/standard-ref.js';
import { CaseClosedError, CaseNotFoundError, StorageInputError } from './input-errors.js';
import { refuseCpr } from './personal-data.js';
import { currentPlanIn, PlanChangedError } from './plans.js';
import { checkScope, isUuid, type TenantScope } from './scope.js';

/**
 * Reviews held against the plan. One review is one transaction: its goal progress, the new decision
 * a level change or a new grant adds beside the old one, the closing of the case, and their audit rows.
 */

export const REVIEW_AUDIT = {
  create: 'review.create',
  read: 'review.read',
  /** The same review form saved again (a retry after an answer that never arrived): nothing written. */
  repeat: 'review.repeat',
} as const;

export class DecisionChangedError extends StorageInputError {
  constructor() {
    super(
      'review.decision-changed',
      'Der er truffet en ny afgørelse i sagen, siden gennemgangen blev åbnet. Start gennemgangen igen med »gennemgang« og sagsnummeret.',
      'A new decision has been made in the case since the review was opened. Start the review again with »review« and the case number.',
    );
    this.name = 'DecisionChangedError';
  }
}

export interface ReviewRecord {
  reviewId: string;
  caseId: string;
  planVersion: number;
  date: string;
  decision: ReviewDecision;
  note: string | null;
  goals: { goalId: string; progress: GoalProgress; note: string | null }[];
  /** The decision the review was held against, and the one it added beside it. */
  decisionId: string;
  newDecisionId: string | null;
  newFacts: Facts | null;
  ageAppropriate: AgeAppropriate | null;
  followUpAtThree: string | null;
  escalation: string | null;
  nextReview: NextReview | null;
  reviewedBy: string;
  reviewedAt: string;
}

export interface NewReview {
  planVersion: number;
  /** The decision id the review card was built from; a newer one means the card is stale. */
  decisionId: string;
  /**
   * The id the review form was given when shown. Saving the same form again, by the same person,
   * returns the review already recorded instead of recording it twice. Absent: a new id.
   */
  reviewId?: string;
  result: ReviewResult;
  /** The standard in force: a review that decides again decides under it. */
  underStandard?: LoadedStandard;
}

const ReviewRow = z.object({
  review_id: z.string(),
  case_id: z.string(),
  plan_version: z.number(),
  review_date: z.string(),
  decision: z.enum(REVIEW_DECISIONS),
  note: z.string().nullable(),
  decision_id: z.string(),
  new_decision_id: z.string().nullable(),
  new_facts: FactsSchema.nullable(),
  age_appropriate: z.enum(AGE_APPROPRIATE).nullable(),
  follow_up_at_three: z.string().nullable(),
  escalation: z.string().nullable(),
  next_review_due: z.string().nullable(),
  next_review_kind: z.string().nullable(),
  next_review_passage: z.string().nullable(),
  next_review_text: z.string().nullable(),
  reviewed_by: z.string(),
  reviewed_at: z.date(),
});
const ProgressRow = z.object({ review_id: z.string(), goal_id: z.string(), progress: z.enum(GOAL_PROGRESS), note: z.string().nullable() });

const REVIEW_COLUMNS = `review_id::text, case_id::text, plan_version, review_date, decision, note, decision_id::text, new_decision_id::text,
  new_facts, age_appropriate, follow_up_at_three, escalation, next_review_due, next_review_kind, next_review_passage, next_review_text,
  reviewed_by, reviewed_at`;

/** The case's reviews with their goal progress, newest first, read inside the caller's transaction. */
export async function reviewsIn(tx: Queryable, tenantId: string, caseId: string): Promise<ReviewRecord[]> {
  const rows = (await tx.query(`SELECT ${REVIEW_COLUMNS} FROM plan_reviews WHERE tenant_id = $1 AND case_id = $2::uuid ORDER BY seq DESC`, [tenantId, caseId])).map((r) =>
    ReviewRow.parse(r),
  );
  if (rows.length === 0) return [];
  const progress = (
    await tx.query(
      `SELECT p.review_id::text, p.goal_id::text, p.progress, p.note FROM plan_goal_progress p
       JOIN plan_goals g ON g.tenant_id = p.tenant_id AND g.case_id = p.case_id AND g.version = p.plan_version AND g.goal_id = p.goal_id
       WHERE p.tenant_id = $1 AND p.case_id = $2::uuid ORDER BY g.position`,
      [tenantId, caseId],
    )
  ).map((p) => ProgressRow.parse(p));
  return rows.map((r) => ({
    reviewId: r.review_id,
    caseId: r.case_id,
    planVersion: r.plan_version,
    date: r.review_date,
    decision: r.decision,
    note: r.note,
    goals: progress.filter((p) => p.review_id === r.review_id).map((p) => ({ goalId: p.goal_id, progress: p.progress, note: p.note })),
    decisionId: r.decision_id,
    newDecisionId: r.new_decision_id,
    newFacts: r.new_facts,
    ageAppropriate: r.age_appropriate,
    followUpAtThree: r.follow_up_at_three,
    escalation: r.escalation,
    nextReview:
      r.next_review_due && r.next_review_kind
        ? { due: r.next_review_due, kind: r.next_review_kind as NextReview['kind'], passage: r.next_review_passage ?? '', text: r.next_review_text ?? '' }
        : null,
    reviewedBy: r.reviewed_by,
    reviewedAt: r.reviewed_at.toISOString(),
  }));
}

/**
 * The review recorded under this id, when the same person saves the same review again; null
 * otherwise. A changed review or another person's save under a taken id is recorded as a review of
 * its own (under a new id), so nothing typed is lost and nothing is recorded twice.
 */
async function sameReviewAgain(tx: Queryable, scope: TenantScope, caseId: string, reviewId: string, result: ReviewResult): Promise<{ review: ReviewRecord; newDecision: DecisionRecord | null } | 'taken' | null> {
  const review = (await reviewsIn(tx, scope.tenantId, caseId)).find((r) => r.reviewId === reviewId);
  if (!review) return null;
  if (review.reviewedBy !== scope.actorId || !isSameReview(review, result)) return 'taken';
  const standing = review.newDecisionId ? (await currentDecisions(tx, scope.tenantId, [caseId])).get(caseId) : undefined;
  await writeAudit(tx, scope, REVIEW_AUDIT.repeat, [caseId], { decision: review.decision });
  return { review, newDecision: standing && standing.decisionId === review.newDecisionId ? standing : null };
}

/** Whether a stored review says what a form says (day, decision, note and each goal's progress). */
export function isSameReview(review: ReviewRecord, form: Pick<ReviewResult, 'date' | 'decision' | 'goals' | 'note'>): boolean {
  const goals = (g: readonly { goalId: string; progress: string; note?: string | null }[]) => JSON.stringify(g.map((x) => [x.goalId, x.progress, x.note ?? null]));
  return review.date === form.date && review.decision === form.decision && review.note === (form.note ?? null) && goals(review.goals) === goals(form.goals);
}

export function planReviewStore(db: Database, clock: Clock) {
  return {
    /** Records a review worked out by conductReview; returns it with the decision it added, if any. */
    async record(scope: TenantScope, caseId: string, input: NewReview): Promise<{ review: ReviewRecord; newDecision: DecisionRecord | null }> {
      checkScope(scope);
      if (!isUuid(caseId)) throw new CaseNotFoundError();
      const { result } = input;
      refuseCpr(result, { da: 'Gennemgangen', en: 'The review' });
      return db.transaction(async (tx) => {
        const [c] = await tx.query<{ status: string }>('SELECT status FROM cases WHERE tenant_id = $1 AND case_id = $2::uuid FOR UPDATE', [scope.tenantId, caseId]);
        if (!c) throw new CaseNotFoundError();
        // Before the other checks: a repeated save of a review that closed the case or changed the
        // level would otherwise be told the case is closed or the decision changed since.
        const repeated = input.reviewId ? await sameReviewAgain(tx, scope, caseId, input.reviewId, result) : null;
        if (repeated && repeated !== 'taken') return repeated;
        if (c.status !== 'open') throw new CaseClosedError();
        const plan = await currentPlanIn(tx, scope.tenantId, caseId);
        if (!plan || plan.version !== input.planVersion) throw new PlanChangedError();
        const standing = (await currentDecisions(tx, scope.tenantId, [caseId])).get(caseId);
        if (!standing || standing.decisionId !== input.decisionId) throw new DecisionChangedError();

        const now = clock();
        let newDecision: DecisionRecord | null = null;
        if (result.newDecision) {
          // The rules' new recommendation is what the review chose: a level change is made by re-deciding, not by override.
          newDecision = await insertDecision(tx, scope, caseId, { recommended: result.newDecision.decision, chosenOutcome: result.newDecision.decision.outcome as ChoosableOutcome, ...(input.underStandard ? { underStandard: input.underStandard } : {}) }, now);
          await writeAudit(tx, scope, AUDIT_ACTIONS.decisionCreate, [caseId], { recommendedOutcome: newDecision.recommendedOutcome, chosenOutcome: newDecision.chosenOutcome, overridden: false });
        }
        const reviewId = input.reviewId && repeated !== 'taken' ? input.reviewId : randomUUID();
        const next = result.nextReview;
        await tx.query(
          `INSERT INTO plan_reviews (tenant_id, case_id, review_id, plan_version, review_date, decision, note, decision_id, new_decision_id, new_facts,
             age_appropriate, follow_up_at_three, escalation, next_review_due, next_review_kind, next_review_passage, next_review_text, reviewed_by, reviewed_at)
           VALUES ($1, $2::uuid, $3::uuid, $4, $5::date, $6, $7, $8::uuid, $9::uuid, $10::jsonb, $11, $12::date, $13, $14::date, $15, $16, $17, $18, $19::timestamptz)`,
          [
            scope.tenantId, caseId, reviewId, plan.version, result.date, result.decision, result.note ?? null, standing.decisionId,
            newDecision?.decisionId ?? null, result.newDecision ? JSON.stringify(result.newDecision.facts) : null,
            result.closing?.ageAppropriate ?? null, result.closing?.followUpAtThree?.due ?? null, result.escalation?.text ?? null,
            next?.due ?? null, next?.kind ?? null, next?.passage ?? null, next?.text ?? null, scope.actorId, now.toISOString(),
          ],
        );
        for (const g of result.goals) {
          await tx.query(
            `INSERT INTO plan_goal_progress (tenant_id, case_id, review_id, plan_version, goal_id, progress, note) VALUES ($1, $2::uuid, $3::uuid, $4, $5::uuid, $6, $7)`,
            [scope.tenantId, caseId, reviewId, plan.version, g.goalId, g.progress, g.note ?? null],
          );
        }
        if (result.decision === 'close') {
          await tx.query(
            `UPDATE cases SET status = 'closed', closed_at = $3::timestamptz, updated_at = $3::timestamptz WHERE tenant_id = $1 AND case_id = $2::uuid`,
            [scope.tenantId, caseId, now.toISOString()],
          );
          await writeAudit(tx, scope, AUDIT_ACTIONS.caseClose, [caseId], { byReview: true });
        } else {
          await tx.query('UPDATE cases SET updated_at = $3::timestamptz WHERE tenant_id = $1 AND case_id = $2::uuid', [scope.tenantId, caseId, now.toISOString()]);
        }
        await writeAudit(tx, scope, REVIEW_AUDIT.create, [caseId], { decision: result.decision, goals: result.goals.length, nextDue: next?.due ?? null });
        const [review] = (await reviewsIn(tx, scope.tenantId, caseId)).filter((r) => r.reviewId === reviewId);
        return { review: review!, newDecision };
      });
    },

    /** The case's reviews, newest first. */
    async list(scope: TenantScope, caseId: string): Promise<ReviewRecord[]> {
      checkScope(scope);
      if (!isUuid(caseId)) return [];
      return db.transaction(async (tx) => {
        const reviews = await reviewsIn(tx, scope.tenantId, caseId);
        if (reviews.length > 0) await writeAudit(tx, scope, REVIEW_AUDIT.read, [caseId], { count: reviews.length });
        return reviews;
      });
    },
  };
}

export type PlanReviewStore = ReturnType<typeof planReviewStore>;
