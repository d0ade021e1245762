import { randomUUID } from 'node:crypto';
import { planReviewCard, danishDate, type ReviewGoalView } from '../../cards/plan-review-card.js';
import type { CaseWithDecision } from '../storage/cases.js';
import { StorageInputError } from '../storage/input-errors.js';
import { nextReviewOf, standingFacts } from '../storage/plan-summary.js';
import { isSameReview, type ReviewRecord } from '../storage/plan-reviews.js';
import { isUuid, type TenantScope } from '../storage/scope.js';
import { measureLabel } from './labels.js';
import { AGE_APPROPRIATE_LABEL, PROGRESS_LABEL, REVIEW_DECISION_LABEL, type AgeAppropriate, type PlanVersion } from './model.js';
import { isPreventive, type Card, type PlanDeps } from './plan-flow.js';
import { conductReview, type ReviewResult } from './review.js';
import { emptyReviewForm, reviewFormFromSubmission, reviewFormToInput, type ReviewForm } from './review-form.js';
import { parseReviewInput } from './review-input.js';
import { planFieldLabel } from './schema.js';

/**
 * The review card's round trip, free of Teams: a review is held against the plan in force and the
 * decision that stands; saving works the review out with the rules and records it in one go.
 */

export const NO_PLAN = 'Sagen har endnu ingen plan. Skriv »plan« og sagsnummeret og udfyld planen først; gennemgangen måler på planens mål.';

interface ReviewView {
  c: CaseWithDecision;
  plan: PlanVersion;
  reviews: ReviewRecord[];
}

async function load(deps: PlanDeps, scope: TenantScope, c: CaseWithDecision): Promise<ReviewView | null> {
  const plan = await deps.storage.plans.current(scope, c.caseId);
  if (!plan) return null;
  return { c, plan, reviews: await deps.storage.planReviews.list(scope, c.caseId) };
}

function goalViews(view: ReviewView): ReviewGoalView[] {
  return view.plan.goals.map((g) => {
    const last = view.reviews.flatMap((r) => r.goals.filter((p) => p.goalId === g.id).map((p) => ({ r, p })))[0];
    return { text: g.text, sign: g.progressSign, latest: last ? `Seneste: ${PROGRESS_LABEL[last.p.progress]} (${danishDate(last.r.date)})` : null };
  });
}

function cardFor(view: ReviewView, form: ReviewForm, reviewId: string, extra: { problems?: string[]; result?: { title: string; value: string }[] } = {}): Card {
  const next = nextReviewOf(view.reviews, view.c.decision);
  return planReviewCard({
    caseId: view.c.caseId,
    reference: view.c.reference,
    outcomeLabel: measureLabel(view.c.decision.chosenOutcome, view.c.decision.chosenVariant),
    preventive: isPreventive(view.c),
    askAge: typeof standingFacts(view.c.facts, view.reviews, view.c.decision.decisionId).child?.ageMonths !== 'number',
    planVersion: view.plan.version,
    decisionId: view.c.decision.decisionId,
    reviewId,
    goals: goalViews(view),
    due: next ? { date: next.due, text: next.text, passage: next.passage } : null,
    form,
    ...extra,
  });
}

export async function reviewCardForCase(deps: PlanDeps, scope: TenantScope, c: CaseWithDecision): Promise<Card | { error: string }> {
  if (c.status !== 'open') return { error: `Sag ${c.reference} er lukket; der kan ikke holdes flere gennemgange i den.` };
  const view = await load(deps, scope, c);
  if (!view) return { error: NO_PLAN };
  return cardFor(view, emptyReviewForm(view.plan.goals.length, deps.today()), randomUUID());
}

/** "goals.1.progress" → "Mål 2, fremskridt"; the rest by the plan's own field labels or Danish words. */
function reviewFieldLabel(field: string): string {
  const goal = /^goals\.(\d+)\.(\w+)/.exec(field);
  if (goal) return `Mål ${Number(goal[1]) + 1}, ${goal[2] === 'note' ? 'note' : 'fremskridt'}`;
  const labels: Record<string, string> = {
    date: 'Dato for gennemgangen',
    decision: 'Hvad gennemgangen fører til',
    note: 'Note',
    ageAppropriate: 'Alderssvarende ved start i dagtilbud',
    childAgeMonthsNow: 'Barnets alder nu',
  };
  if (field.startsWith('factChanges.')) return `Ændrede oplysninger (${field.slice('factChanges.'.length)})`;
  return labels[field] ?? planFieldLabel(field);
}

/** What the result lines show of a review, worked out now or recorded earlier. */
interface ShownResult {
  decision: ReviewResult['decision'];
  escalation?: { text: string };
  closing?: { ageAppropriate?: AgeAppropriate; followUpAtThree?: { due: string } };
  nextReview: ReviewResult['nextReview'];
}

function resultLines(result: ShownResult, newOutcome: string | null): { title: string; value: string }[] {
  const lines = [{ title: 'Afgørelse', value: REVIEW_DECISION_LABEL[result.decision] }];
  if (newOutcome) lines.push({ title: 'Ny afgørelse', value: `${newOutcome} (gemt ved siden af den tidligere)` });
  if (result.escalation) lines.push({ title: 'Underretning', value: result.escalation.text });
  if (result.closing?.ageAppropriate) lines.push({ title: 'Alderssvarende ved start i dagtilbud', value: AGE_APPROPRIATE_LABEL[result.closing.ageAppropriate] });
  if (result.closing?.followUpAtThree) lines.push({ title: 'Opfølgning ved 3 år', value: danishDate(result.closing.followUpAtThree.due) });
  lines.push({
    title: 'Næste gennemgang',
    value: result.nextReview ? `${danishDate(result.nextReview.due)}: ${result.nextReview.text} (${result.nextReview.passage})` : 'Ingen – sagen er afsluttet',
  });
  return lines;
}

/** A recorded review in the shape its result lines are drawn from. */
function recordedResult(r: ReviewRecord): ShownResult {
  return {
    decision: r.decision,
    ...(r.escalation ? { escalation: { text: r.escalation } } : {}),
    closing: { ...(r.ageAppropriate ? { ageAppropriate: r.ageAppropriate } : {}), ...(r.followUpAtThree ? { followUpAtThree: { due: r.followUpAtThree } } : {}) },
    nextReview: r.nextReview,
  };
}

/** The measure a recorded review changed to, while that decision still stands. */
function newOutcomeOf(r: ReviewRecord, c: CaseWithDecision): string | null {
  return r.newDecisionId && c.decision.decisionId === r.newDecisionId ? measureLabel(c.decision.chosenOutcome, c.decision.chosenVariant) : null;
}

export async function saveReviewFromCard(deps: PlanDeps, scope: TenantScope, data: Record<string, unknown>): Promise<Card | { error: string }> {
  const caseId = typeof data.caseId === 'string' ? data.caseId : '';
  const c = await deps.storage.cases.get(scope, caseId);
  if (!c) return { error: 'Sagen findes ikke (længere), eller du har ikke adgang til den. Søg den frem igen med sagsnummeret.' };
  const view = await load(deps, scope, c);
  if (!view) return { error: NO_PLAN };
  const goalIds = view.plan.goals.map((g) => g.id);
  const form = reviewFormFromSubmission(data, goalIds.length);
  // A refused form recorded nothing under its id, so it keeps the id it came with.
  const reviewId = typeof data.reviewId === 'string' && isUuid(data.reviewId) ? data.reviewId : randomUUID();
  const refuse = (problems: string[]) => cardFor(view, form, reviewId, { problems });

  const parsed = parseReviewInput(reviewFormToInput(form, goalIds), { goalIds });
  if (!parsed.ok) return refuse(parsed.problems.map((p) => `${reviewFieldLabel(p.field)}: ${p.message}`));
  // The same form saved again by the same person (the answer to the first save was lost): what was
  // recorded is shown, before the rules run again against a decision that review itself changed.
  const earlier = view.reviews.find((r) => r.reviewId === reviewId && r.reviewedBy === scope.actorId && isSameReview(r, parsed.value));
  if (earlier) return cardFor(view, form, reviewId, { result: resultLines(recordedResult(earlier), newOutcomeOf(earlier, c)) });
  const outcome = conductReview(
    {
      decision: c.decision.recommended,
      standingOutcome: c.decision.chosenOutcome,
      facts: standingFacts(c.facts, view.reviews, c.decision.decisionId),
      decide: deps.decide,
    },
    parsed.value,
  );
  if (!outcome.ok) return refuse(outcome.problems.map((p) => `${reviewFieldLabel(p.field)}: ${p.message}`));
  // The review the card showed as due is the one this review answers.
  const answered = nextReviewOf(view.reviews, c.decision);
  try {
    const { newDecision } = await deps.storage.atomically(async (storage) => {
      const recorded = await storage.planReviews.record(scope, c.caseId, {
        planVersion: Number(data.planVersion ?? 0),
        decisionId: typeof data.decisionId === 'string' ? data.decisionId : '',
        reviewId,
        result: outcome.value,
      });
      // In the same transaction: the reminders follow the review, or neither is stored.
      await deps.reminders?.reviewHeld(
        {
          tenantId: scope.tenantId,
          caseId: c.caseId,
          answered: answered ? { kind: answered.kind, due: answered.due } : null,
          doneOn: outcome.value.date,
          decision: outcome.value.decision,
          newDecision: recorded.newDecision ? { outcome: recorded.newDecision.chosenOutcome, reviews: recorded.newDecision.recommended.reviews } : null,
          nextReview: outcome.value.nextReview,
          by: { id: scope.actorId, name: deps.userName ?? scope.actorId },
          at: (deps.clock ?? (() => new Date()))(),
        },
        storage.db,
      );
      return recorded;
    });
    const after = (await deps.storage.cases.get(scope, c.caseId)) ?? c;
    const fresh = { c: after, plan: view.plan, reviews: await deps.storage.planReviews.list(scope, c.caseId) };
    return cardFor(fresh, form, reviewId, { result: resultLines(outcome.value, newDecision ? measureLabel(newDecision.chosenOutcome, newDecision.recommended.variant) : null) });
  } catch (error) {
    if (error instanceof StorageInputError) return refuse([error.userMessage]);
    throw error;
  }
}
