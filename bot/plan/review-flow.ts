import { randomUUID } from 'node:crypto';
import { problemText, worded, type Locale, type Localized } from '../../cards/locale.js';
import { formatDate, measureNames, type MeasureNames } from '../../cards/outcome-text.js';
import { latestProgress, planReviewCard, type ReviewGoalView } from '../../cards/plan-review-card.js';
import { AGE_APPROPRIATE_TEXT, REVIEW_DECISION_TEXT } from '../../cards/plan-text.js';
import type { CaseWithDecision } from '../storage/cases.js';
import { StorageInputError } from '../storage/input-errors.js';
import { standingPlan } from '../cases/standing-plan.js';
import { nextReviewOf, standingFacts } from '../storage/plan-summary.js';
import { isSameReview, type ReviewRecord } from '../storage/plan-reviews.js';
import { isUuid, type TenantScope } from '../storage/scope.js';
import { measureLabel } from './labels.js';
import type { AgeAppropriate, PlanVersion } from './model.js';
import { isPreventive, namesOf, PLAN_SAYS, wellbeingAreasOf, type Card, type PlanDeps } from './plan-flow.js';
import { recordAssessmentIn } from '../storage/wellbeing.js';
import { emptyWellbeingForm, wellbeingFormFromSubmission, wellbeingFromForm, type WellbeingFormRow } from './wellbeing-form.js';
import type { WellbeingArea } from '../../rules/parameters/schema.js';
import { conductReview, type ReviewResult } from './review.js';
import { emptyReviewForm, reviewFormFromSubmission, reviewFormToInput, type ReviewForm } from './review-form.js';
import { parseReviewInput } from './review-input.js';
import { planFieldLabel } from './schema.js';
import type { FieldProblem } from '../../rules/facts.js';
import { englishOf } from '../said.js';
import { reviewLabel } from '../summary/labels.js';

/**
 * The review card's round trip, free of Teams: a review is held against the plan in force and the
 * decision that stands; saving works the review out with the rules and records it in one go.
 */

/** What the review's round trip says outside the card's own words. */
const REVIEW_SAYS = {
  noPlan: {
    da: 'Sagen har endnu ingen plan. Skriv »plan« og sagsnummeret og udfyld planen først; gennemgangen måler på planens mål.',
    en: "The case has no plan yet. Write »plan« and the case reference and fill in the plan first; the review measures against the plan's goals.",
  },
  closed: { da: 'Sag {ref} er lukket; der kan ikke holdes flere gennemgange i den.', en: 'Case {ref} is closed; no more reviews can be held in it.' },
  decision: { da: 'Afgørelse', en: 'Decision' },
  newDecision: { da: 'Ny afgørelse', en: 'New decision' },
  keptBeside: { da: 'gemt ved siden af den tidligere', en: 'stored beside the earlier one' },
  escalation: { da: 'Underretning', en: 'Underretning' },
  ageAppropriate: { da: 'Alderssvarende ved start i dagtilbud', en: 'Age-appropriate when starting daycare' },
  followUpAtThree: { da: 'Opfølgning efter forløbet', en: 'Follow-up after the course' },
  nextReview: { da: 'Næste gennemgang', en: 'Next review' },
  noneClosed: { da: 'Ingen – sagen er afsluttet', en: 'None – the case is closed' },
  wellbeing: { da: 'Trivsel (1–5)', en: 'Wellbeing (1–5)' },
} satisfies Record<string, Localized>;


interface ReviewView {
  c: CaseWithDecision;
  plan: PlanVersion;
  reviews: ReviewRecord[];
  /** The names the standard the standing decision was made under gives its measures. */
  names: MeasureNames;
}

async function load(deps: PlanDeps, scope: TenantScope, c: CaseWithDecision): Promise<ReviewView | null> {
  const plan = await deps.storage.plans.current(scope, c.caseId);
  if (!plan) return null;
  return { c, plan, reviews: await deps.storage.planReviews.list(scope, c.caseId), names: await namesOf(deps, scope, c) };
}

function goalViews(view: ReviewView, locale: Locale): ReviewGoalView[] {
  return view.plan.goals.map((g) => {
    const last = view.reviews.flatMap((r) => r.goals.filter((p) => p.goalId === g.id).map((p) => ({ r, p })))[0];
    return { text: g.text, sign: g.progressSign, latest: last ? latestProgress(last.p.progress, last.r.date, locale) : null };
  });
}

type WellbeingFields = { areas: readonly WellbeingArea[]; form: readonly WellbeingFormRow[] };

function cardFor(
  locale: Locale,
  view: ReviewView,
  form: ReviewForm,
  reviewId: string,
  wellbeing: WellbeingFields,
  extra: { problems?: string[]; result?: { title: string; value: string }[] } = {},
): Card {
  const next = nextReviewOf(view.reviews, view.c.decision);
  return planReviewCard({
    locale,
    caseId: view.c.caseId,
    reference: view.c.reference,
    outcomeLabel: measureLabel(view.c.decision.chosenOutcome, view.c.decision.chosenVariant, locale, view.names),
    preventive: isPreventive(view.c),
    askAge: typeof standingFacts(view.c.facts, view.reviews, view.c.decision.decisionId).child?.ageMonths !== 'number',
    planVersion: view.plan.version,
    decisionId: view.c.decision.decisionId,
    reviewId,
    goals: goalViews(view, locale),
    due: next ? { date: next.due, text: nextReviewText(next, locale), passage: next.passage } : null,
    form,
    wellbeing,
    ...extra,
  });
}

export async function reviewCardForCase(deps: PlanDeps, scope: TenantScope, c: CaseWithDecision): Promise<Card | { error: string }> {
  const locale = deps.locale ?? 'da';
  if (c.status !== 'open') return { error: REVIEW_SAYS.closed[locale].replace('{ref}', c.reference) };
  const view = await load(deps, scope, c);
  if (!view) return { error: REVIEW_SAYS.noPlan[locale] };
  const areas = wellbeingAreasOf(deps);
  return cardFor(locale, view, emptyReviewForm(view.plan.goals.length, deps.today()), randomUUID(), { areas, form: emptyWellbeingForm(areas) });
}

/** The review's own field names; the rest are the plan's (planFieldLabel). */
const REVIEW_FIELD: Record<string, Localized> = {
  date: { da: 'Dato for gennemgangen', en: 'Date of the review' },
  decision: { da: 'Hvad gennemgangen fører til', en: 'What the review leads to' },
  note: { da: 'Note', en: 'Note' },
  ageAppropriate: { da: 'Alderssvarende ved start i dagtilbud', en: 'Age-appropriate when starting daycare' },
  childAgeMonthsNow: { da: 'Barnets alder nu', en: "The child's age now" },
  goal: { da: 'Mål', en: 'Goal' },
  goalNote: { da: 'note', en: 'note' },
  goalProgress: { da: 'fremskridt', en: 'progress' },
  factChanges: { da: 'Ændrede oplysninger', en: 'Changed facts' },
};

/** "goals.1.progress" → "Mål 2, fremskridt" ("Goal 2, progress"); the rest by the plan's own field labels. */
function reviewFieldLabel(field: string, locale: Locale): string {
  const t = (key: string) => REVIEW_FIELD[key]![locale];
  const goal = /^goals\.(\d+)\.(\w+)/.exec(field);
  if (goal) return `${t('goal')} ${Number(goal[1]) + 1}, ${goal[2] === 'note' ? t('goalNote') : t('goalProgress')}`;
  if (field.startsWith('factChanges.')) return `${t('factChanges')} (${field.slice('factChanges.'.length)})`;
  return REVIEW_FIELD[field]?.[locale] ?? planFieldLabel(field, locale);
}

/** A refused review's lines, each in the reader's language. */
const problemLines = (problems: readonly FieldProblem[], locale: Locale): string[] => problems.map((p) => `${reviewFieldLabel(p.field, locale)}: ${problemText(p, locale)}`);

/** The next review's words: the rules' English where the review was worked out now, else its kind's name. */
function nextReviewText(next: NonNullable<ReviewResult['nextReview']>, locale: Locale): string {
  return locale === 'en' ? (next.en ?? reviewLabel(next.kind, 'en')) : next.text;
}

/** What the result lines show of a review, worked out now or recorded earlier. */
interface ShownResult {
  decision: ReviewResult['decision'];
  escalation?: { text: string };
  closing?: { ageAppropriate?: AgeAppropriate; followUpAtThree?: { due: string } };
  nextReview: ReviewResult['nextReview'];
}

function resultLines(result: ShownResult, newOutcome: string | null, locale: Locale): { title: string; value: string }[] {
  const t = (key: keyof typeof REVIEW_SAYS) => REVIEW_SAYS[key][locale];
  const lines = [{ title: t('decision'), value: REVIEW_DECISION_TEXT[result.decision][locale] }];
  if (newOutcome) lines.push({ title: t('newDecision'), value: `${newOutcome} (${t('keptBeside')})` });
  if (result.escalation) lines.push({ title: t('escalation'), value: worded(result.escalation.text, englishOf(result.escalation.text), locale) });
  if (result.closing?.ageAppropriate) lines.push({ title: t('ageAppropriate'), value: AGE_APPROPRIATE_TEXT[result.closing.ageAppropriate][locale] });
  if (result.closing?.followUpAtThree) lines.push({ title: t('followUpAtThree'), value: formatDate(result.closing.followUpAtThree.due, locale) });
  lines.push({
    title: t('nextReview'),
    value: result.nextReview ? `${formatDate(result.nextReview.due, locale)}: ${nextReviewText(result.nextReview, locale)} (${result.nextReview.passage})` : t('noneClosed'),
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
function newOutcomeOf(r: ReviewRecord, view: ReviewView, locale: Locale): string | null {
  const c = view.c;
  return r.newDecisionId && c.decision.decisionId === r.newDecisionId ? measureLabel(c.decision.chosenOutcome, c.decision.chosenVariant, locale, view.names) : null;
}

export async function saveReviewFromCard(deps: PlanDeps, scope: TenantScope, data: Record<string, unknown>): Promise<Card | { error: string }> {
  const caseId = typeof data.caseId === 'string' ? data.caseId : '';
  const c = await deps.storage.cases.get(scope, caseId);
  const locale = deps.locale ?? 'da';
  if (!c) return { error: PLAN_SAYS.caseGone[locale] };
  const view = await load(deps, scope, c);
  if (!view) return { error: REVIEW_SAYS.noPlan[locale] };
  const goalIds = view.plan.goals.map((g) => g.id);
  const form = reviewFormFromSubmission(data, goalIds.length);
  // A refused form recorded nothing under its id, so it keeps the id it came with.
  const reviewId = typeof data.reviewId === 'string' && isUuid(data.reviewId) ? data.reviewId : randomUUID();
  const areas = wellbeingAreasOf(deps);
  const wellbeing = { areas, form: wellbeingFormFromSubmission(data, areas) };
  const refuse = (problems: string[]) => cardFor(locale, view, form, reviewId, wellbeing, { problems });

  const parsed = parseReviewInput(reviewFormToInput(form, goalIds), { goalIds });
  const scored = wellbeingFromForm(wellbeing.form, areas, { occasion: 'review', reviewId }, form.date, locale);
  if (!parsed.ok || !scored.ok) {
    return refuse([...(parsed.ok ? [] : problemLines(parsed.problems, locale)), ...(scored.ok ? [] : scored.problems)]);
  }
  const assessment = scored.value ? { ...scored.value, date: parsed.value.date } : null;
  // The same form saved again by the same person (the answer to the first save was lost): what was
  // recorded is shown, before the rules run again against a decision that review itself changed.
  const earlier = view.reviews.find((r) => r.reviewId === reviewId && r.reviewedBy === scope.actorId && isSameReview(r, parsed.value));
  if (earlier) return cardFor(locale, view, form, reviewId, wellbeing, { result: resultLines(recordedResult(earlier), newOutcomeOf(earlier, view, locale), locale) });
  const facts = standingFacts(c.facts, view.reviews, c.decision.decisionId);
  const outcome = conductReview(
    {
      // The decision with the chosen measure's own due dates, as stored with it.
      decision: { ...c.decision.recommended, ...standingPlan(c.decision, facts, deps.rules) },
      standingOutcome: c.decision.chosenOutcome,
      facts,
      rules: deps.rules,
      ...(deps.standard ? { standard: deps.standard.standard } : {}),
    },
    parsed.value,
  );
  if (!outcome.ok) return refuse(problemLines(outcome.problems, locale));
  // The review the card showed as due is the one this review answers.
  const answered = nextReviewOf(view.reviews, c.decision);
  try {
    const { newDecision } = await deps.storage.atomically(async (storage) => {
      const recorded = await storage.planReviews.record(scope, c.caseId, {
        planVersion: Number(data.planVersion ?? 0),
        decisionId: typeof data.decisionId === 'string' ? data.decisionId : '',
        reviewId,
        result: outcome.value,
        ...(deps.standard ? { underStandard: deps.standard } : {}),
      });
      // With the review, or neither: the scores name the review they were given at.
      const at = (deps.clock ?? (() => new Date()))();
      if (assessment) await recordAssessmentIn(storage.db, scope, c.caseId, assessment, areas.map((a) => a.id), at);
      // In the same transaction: the reminders follow the review, or neither is stored.
      await deps.reminders?.reviewHeld(
        {
          tenantId: scope.tenantId,
          caseId: c.caseId,
          answered: answered ? { kind: answered.kind, due: answered.due } : null,
          doneOn: outcome.value.date,
          decision: outcome.value.decision,
          newDecision: recorded.newDecision
            ? {
                outcome: recorded.newDecision.chosenOutcome,
                reviews: recorded.newDecision.recommended.reviews,
                cadence: deps.rules.cadence(recorded.newDecision.chosenOutcome, outcome.value.date),
              }
            : null,
          nextReview: outcome.value.nextReview,
          followUpAfterClosing: outcome.value.closing?.followUpAtThree ? { kind: 'follow-up', ...outcome.value.closing.followUpAtThree } : null,
          by: { id: scope.actorId, name: deps.userName ?? scope.actorId },
          at,
        },
        storage.db,
      );
      return recorded;
    });
    const after = (await deps.storage.cases.get(scope, c.caseId)) ?? c;
    const fresh = { c: after, plan: view.plan, reviews: await deps.storage.planReviews.list(scope, c.caseId), names: await namesOf(deps, scope, after) };
    // A new decision is made under the standard in force, and named as it names its measures.
    const newNames = deps.standard ? measureNames(deps.standard.standard) : fresh.names;
    const lines = resultLines(outcome.value, newDecision ? measureLabel(newDecision.chosenOutcome, newDecision.recommended.variant, locale, newNames) : null, locale);
    if (assessment) lines.push({ title: REVIEW_SAYS.wellbeing[locale], value: assessment.scores.map((sc) => `${areas.find((a) => a.id === sc.area)?.[locale] ?? sc.area} ${sc.score}`).join(' · ') });
    return cardFor(locale, fresh, form, reviewId, wellbeing, { result: lines });
  } catch (error) {
    if (error instanceof StorageInputError) return refuse([worded(error.userMessage, error.userMessageEn, locale)]);
    throw error;
  }
}
