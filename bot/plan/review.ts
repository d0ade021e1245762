import type { BoundRules } from '../../rules/bind.js';
import type { Standard } from '../../rules/standard/schema.js';
import { parseFacts, type Facts, type FieldProblem, type ParseResult } from '../../rules/facts.js';
import type { Decision, Outcome, PassageId, Review, ReviewKind } from '../../rules/decision-types.js';
import type { AgeAppropriate } from './model.js';
import type { GoalProgressInput, ReviewInput } from './review-input.js';
import { REVIEW_DECISION_TEXT } from '../../cards/plan-text.js';
import { said } from '../said.js';

/**
 * What a review of the plan concludes, worked out from the review the caseworker gave, the decision
 * that stands and the facts it rests on. Pure: the rules come in as `decide`, the day as the
 * review's date; nothing here reads a clock or storage.
 */

export interface ReviewContext {
  /** The decision that stands for the case (the latest one; decisions are never changed). */
  decision: Decision;
  /** The outcome that stands: the caseworker's choice when the decision was overridden. */
  standingOutcome: Outcome;
  /** The facts that decision was made on. */
  facts: Facts;
  /** The tenant's rules, bound to its parameter set. */
  rules: BoundRules;
  /** The tenant's standard in force, which a review that decides again decides under; the seed's unless told. */
  standard?: Standard;
}

export interface NextReview {
  due: string;
  kind: ReviewKind;
  passage: PassageId;
  text: string;
  /** The rules' English of `text`; not stored, so a recorded review has none. */
  en?: string;
}

export interface Closing {
  /** Preventive course: was the child age-appropriate at the start in nursery or kindergarten? */
  ageAppropriate?: AgeAppropriate;
  /** Preventive course: when to check that no special support was needed after the 3rd birthday. */
  followUpAtThree?: { due: string; passage: PassageId; text: string };
}

export interface ReviewResult {
  date: string;
  decision: ReviewInput['decision'];
  goals: GoalProgressInput[];
  note?: string;
  /** change-level / extend: the new decision, stored beside the old one. */
  newDecision?: { decision: Decision; facts: Facts };
  closing?: Closing;
  escalation?: { text: string; passage?: PassageId };
  /** null when the case closes. */
  nextReview: NextReview | null;
}

export const PREVENTIVE_GOAL_PASSAGE: PassageId = 'hpi.2.underformaal.maal';
const ESCALATION_PASSAGE: PassageId = 'hpi.6.underretning';
/** Stored with the review as Danish text; `said` keeps the English beside it for the result card. */
const ESCALATION = {
  preventive: said(
    'Underretning til familieafdelingen: hjemmet viser sig at kræve yderligere hjælp eller indgriben.',
    'Underretning to the family department: the home turns out to need further help or intervention.',
  ),
  special: said(
    'Underretning: sagen skal vurderes på ny af familieafdelingen (Barnets lov § 133).',
    'Underretning: the family department must assess the case again (Barnets lov § 133).',
  ),
};

/** A choice on the review card as the reader sees it, quoted: »Afslut« / »Close«. */
const choice = (decision: keyof typeof REVIEW_DECISION_TEXT, locale: 'da' | 'en') => `»${REVIEW_DECISION_TEXT[decision][locale]}«`;
/** A review problem in both languages, the choices named as on the card. */
const problem = (field: string, words: (locale: 'da' | 'en') => string): FieldProblem => ({ field, message: words('da'), en: words('en') });

export function conductReview(context: ReviewContext, review: ReviewInput): ParseResult<ReviewResult> {
  const preventive = context.standingOutcome === 'preventive';
  const base = { date: review.date, decision: review.decision, goals: review.goals, ...(review.note ? { note: review.note } : {}) };
  const problems = crossFieldProblems(context, review, preventive);
  if (problems.length > 0) return { ok: false, problems };

  switch (review.decision) {
    case 'continue':
      return { ok: true, value: { ...base, nextReview: nextReviewAfter(context, review.date) } };
    case 'escalate':
      return {
        ok: true,
        value: {
          ...base,
          escalation: preventive
            ? { text: ESCALATION.preventive, passage: ESCALATION_PASSAGE }
            : { text: ESCALATION.special },
          // The course goes on until the family department decides; its reviews stay due.
          nextReview: nextReviewAfter(context, review.date),
        },
      };
    case 'change-level':
    case 'extend': {
      const redecided = redecide(context, review);
      if (!redecided.ok) return redecided;
      return { ok: true, value: { ...base, newDecision: redecided.value, nextReview: asNext(context.rules.nextDue(redecided.value.decision.reviews, review.date)) } };
    }
    case 'close':
      return { ok: true, value: { ...base, closing: preventive ? preventiveClosing(context, review) : {}, nextReview: null } };
  }
}

function crossFieldProblems(context: ReviewContext, review: ReviewInput, preventive: boolean): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (review.decision === 'extend' && preventive) {
    const weeks = context.rules.figures(review.date)['preventive.maxWeeks'];
    problems.push(
      problem('decision', (l) =>
        l === 'da'
          ? `indsatsen varer højst ${weeks} uger og kan ikke forlænges; vælg ${choice('close', l)} eller ${choice('change-level', l)}`
          : `the course lasts at most ${weeks} weeks and cannot be extended; choose ${choice('close', l)} or ${choice('change-level', l)}`,
      ),
    );
  }
  if (review.decision === 'close' && preventive && !review.ageAppropriate) {
    problems.push({
      field: 'ageAppropriate',
      message: 'angiv om barnet var alderssvarende ved start i vuggestue eller børnehave (ja, nej eller ved ikke)',
      en: "say whether the child's development was age-appropriate when starting nursery or kindergarten (yes, no or don't know)",
    });
  }
  if (review.decision === 'close' && preventive && typeof context.facts.child?.ageMonths !== 'number' && review.childAgeMonthsNow === undefined) {
    problems.push({
      field: 'childAgeMonthsNow',
      message: 'forløbet begyndte før fødslen; angiv barnets alder i måneder nu, så opfølgningen efter forløbet kan dateres',
      en: "the course began before birth; give the child's age in months now, so the follow-up after the course can be dated",
    });
  }
  if (review.decision !== 'close' && review.ageAppropriate) {
    problems.push({ field: 'ageAppropriate', message: 'angives kun når forløbet afsluttes', en: 'is given only when the course is closed' });
  }
  if (review.factChanges && review.decision !== 'change-level' && review.decision !== 'extend') {
    problems.push(
      problem('factChanges', (l) =>
        l === 'da'
          ? `ændrede oplysninger bruges kun ved ${choice('change-level', l)} eller ${choice('extend', l)}`
          : `changed facts are used only with ${choice('change-level', l)} or ${choice('extend', l)}`,
      ),
    );
  }
  return problems;
}

/**
 * The facts as they stand on the review day: the child has grown (counted from the day its age was
 * given, the facts' reference date, not from the start), the changes are applied.
 */
export function factsAtReview(facts: Facts, review: Pick<ReviewInput, 'date' | 'factChanges'>, rules: Pick<BoundRules, 'ageAt'>): ParseResult<Facts> {
  const grown = rules.ageAt(facts, review.date);
  const changes = review.factChanges ?? {};
  const child = { ...facts.child, ...(grown === undefined ? {} : { ageMonths: grown }), ...(changes.child as object | undefined) };
  const merged = { ...facts, ...changes, child, referenceDate: review.date, startDate: review.date };
  const parsed = parseFacts(merged);
  if (parsed.ok) return parsed;
  return { ok: false, problems: parsed.problems.map((p) => ({ ...p, field: `factChanges.${p.field}` })) };
}

function redecide(context: ReviewContext, review: ReviewInput): ParseResult<{ decision: Decision; facts: Facts }> {
  const facts = factsAtReview(context.facts, review, context.rules);
  if (!facts.ok) return facts;
  const decision = context.rules.decide(facts.value, context.standard);
  if (decision.outcome === 'needs-information') {
    return {
      ok: false,
      problems: decision.missing.map((field) => ({ field: `factChanges.${field}`, message: 'mangler, før reglerne kan træffe en ny afgørelse', en: 'is missing before the rules can make a new decision' })),
    };
  }
  const sameLevel = decision.outcome === context.standingOutcome;
  if (review.decision === 'change-level' && sameLevel && decision.outcome !== 'escalate') {
    return {
      ok: false,
      problems: [
        problem('decision', (l) =>
          l === 'da'
            ? `reglerne peger fortsat på samme indsats; vælg ${choice('continue', l)} eller ${choice('extend', l)}, eller ret de ændrede oplysninger`
            : `the rules still point to the same measure; choose ${choice('continue', l)} or ${choice('extend', l)}, or correct the changed facts`,
        ),
      ],
    };
  }
  if (review.decision === 'extend' && !sameLevel) {
    return {
      ok: false,
      problems: [problem('decision', (l) => (l === 'da' ? `reglerne peger nu på en anden indsats; vælg ${choice('change-level', l)}` : `the rules now point to another measure; choose ${choice('change-level', l)}`))],
    };
  }
  return { ok: true, value: { decision, facts: facts.value } };
}

/**
 * The earliest coming due date after a review held on `day`: the next turn of the measure's cadence
 * counted from this review (it is the periodic check, however early it was held), or a fixed date of
 * the decision still ahead (grant end, handover, the undersøgelse's deadline), whichever comes first.
 */
export function nextReviewAfter(context: Pick<ReviewContext, 'decision' | 'standingOutcome' | 'rules'>, day: string): NextReview | null {
  return asNext(context.rules.nextDue(context.decision.reviews, day, { on: day, outcome: context.standingOutcome }));
}

function asNext(review: Review | null): NextReview | null {
  return review ? { due: review.due, kind: review.kind, passage: review.passage, text: review.text, ...(review.en ? { en: review.en } : {}) } : null;
}

/**
 * The model's goal is that the child "ikke har brug for særlig støtte efter det fyldte tredje år"; the
 * follow-up falls on the day the child is surely that age (rules/age.ts), counted from the day its age
 * was given: the age the caseworker gives at closing, or the intake's reference date.
 */
function preventiveClosing(context: ReviewContext, review: ReviewInput): Closing {
  const given = context.facts.child?.ageMonths;
  const anchor =
    review.childAgeMonthsNow !== undefined
      ? { day: review.date, age: review.childAgeMonthsNow }
      : typeof given === 'number'
        ? { day: context.facts.referenceDate, age: given }
        : undefined;
  const closing: Closing = { ...(review.ageAppropriate ? { ageAppropriate: review.ageAppropriate } : {}) };
  if (anchor) {
    const followUp = context.rules.followUpAtThree(anchor);
    closing.followUpAtThree = { ...followUp, due: followUp.due < review.date ? review.date : followUp.due };
  }
  return closing;
}
