import { nextDue } from '../../rules/next-due.js';
import type { Facts } from '../../rules/facts.js';
import { PROGRESS_LABEL, REVIEW_DECISION_LABEL, type AgeAppropriate, type DurationUnit, type GoalProgress, type ReviewDecision } from '../plan/model.js';
import type { NextReview } from '../plan/review.js';
import { writeAudit } from './audit.js';
import type { Database } from './database.js';
import { currentDecisions, type DecisionRecord } from './decisions.js';
import { reviewsIn, type ReviewRecord } from './plan-reviews.js';
import { currentPlanIn, PLAN_AUDIT } from './plans.js';
import { checkScope, isUuid, type TenantScope } from './scope.js';

/**
 * What the case summary shows of the plan: its purpose, each goal with its latest progress and its
 * progress over time, and the next review. Read in one transaction with one audit row.
 */

export interface GoalSummary {
  id: string;
  text: string;
  agreedWithParents: boolean;
  progressSign: string;
  latest: { progress: GoalProgress; label: string; date: string; note: string | null } | null;
  /** Oldest first, for "progress over time". */
  history: { date: string; progress: GoalProgress; label: string }[];
}

export interface PlanSummary {
  caseId: string;
  version: number;
  purpose: string;
  expectedDuration: { value: number; unit: DurationUnit };
  goals: GoalSummary[];
  lastReview: { date: string; decision: ReviewDecision; label: string } | null;
  nextReview: NextReview | null;
  closing: { ageAppropriate: AgeAppropriate | null; followUpAtThree: string | null } | null;
}

/**
 * The next review: what the latest review scheduled, unless a decision was made after it (then the
 * new decision's own first due date).
 */
export function nextReviewOf(reviews: readonly ReviewRecord[], decision: DecisionRecord | undefined): NextReview | null {
  const latest = reviews[0];
  const reviewed = latest && decision && (latest.newDecisionId ?? latest.decisionId) === decision.decisionId;
  if (latest && (reviewed || !decision)) return latest.nextReview;
  if (!decision) return null;
  // The chosen measure's due dates, stored with the decision (an override from before they were: the recommendation's).
  const first = nextDue(decision.chosen?.reviews ?? decision.recommended.reviews, decision.recommended.startDate);
  return first ? { due: first.due, kind: first.kind, passage: first.passage, text: first.text, ...(first.en ? { en: first.en } : {}) } : null;
}

/** The facts the standing decision rests on: a review's updated facts when it made that decision, else the case's. */
export function standingFacts(caseFacts: Facts, reviews: readonly ReviewRecord[], decisionId: string): Facts {
  return reviews.find((r) => r.newDecisionId === decisionId)?.newFacts ?? caseFacts;
}

export function planSummaryReader(db: Database) {
  return async function planSummary(scope: TenantScope, caseId: string): Promise<PlanSummary | null> {
    checkScope(scope);
    if (!isUuid(caseId)) return null;
    return db.transaction(async (tx) => {
      const plan = await currentPlanIn(tx, scope.tenantId, caseId);
      if (!plan) return null;
      const reviews = await reviewsIn(tx, scope.tenantId, caseId);
      const decision = (await currentDecisions(tx, scope.tenantId, [caseId])).get(caseId);
      await writeAudit(tx, scope, PLAN_AUDIT.read, [caseId], { version: plan.version, summary: true });
      const oldestFirst = [...reviews].reverse();
      const closed = reviews.find((r) => r.decision === 'close');
      return {
        caseId,
        version: plan.version,
        purpose: plan.purpose,
        expectedDuration: plan.expectedDuration,
        goals: plan.goals.map((g): GoalSummary => {
          const history = oldestFirst.flatMap((r) =>
            r.goals.filter((p) => p.goalId === g.id).map((p) => ({ date: r.date, progress: p.progress, label: PROGRESS_LABEL[p.progress], note: p.note })),
          );
          const last = history.at(-1);
          return {
            id: g.id,
            text: g.text,
            agreedWithParents: g.agreedWithParents,
            progressSign: g.progressSign,
            latest: last ? { progress: last.progress, label: last.label, date: last.date, note: last.note } : null,
            history: history.map(({ date, progress, label }) => ({ date, progress, label })),
          };
        }),
        lastReview: reviews[0] ? { date: reviews[0].date, decision: reviews[0].decision, label: REVIEW_DECISION_LABEL[reviews[0].decision] } : null,
        nextReview: closed ? null : nextReviewOf(reviews, decision),
        closing: closed ? { ageAppropriate: closed.ageAppropriate, followUpAtThree: closed.followUpAtThree } : null,
      };
    });
  };
}

export type PlanSummaryReader = ReturnType<typeof planSummaryReader>;
