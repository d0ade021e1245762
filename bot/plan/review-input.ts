import { z } from 'zod';
import { IsoDate, type FieldProblem, type ParseResult } from '../../rules/facts.js';
import { AGE_APPROPRIATE, GOAL_PROGRESS, REVIEW_DECISIONS, TEXT_LIMITS, type AgeAppropriate, type GoalProgress, type ReviewDecision } from './model.js';
import { describeCaseIssues, optionalCaseText } from './text.js';
import { PROGRESS_TEXT } from '../../cards/plan-text.js';
import { said } from '../said.js';

/**
 * A review as the caseworker gives it: progress per goal of the plan, and what the review decides.
 * Parsed against the plan it reviews, so every goal gets an answer and no unknown goal slips in.
 */

export interface GoalProgressInput {
  goalId: string;
  progress: GoalProgress;
  note?: string;
}

export interface ReviewInput {
  /** The day the review was held, YYYY-MM-DD. */
  date: string;
  goals: GoalProgressInput[];
  decision: ReviewDecision;
  note?: string;
  /** change-level / extend: the facts that changed since the decision (merged onto its facts). */
  factChanges?: Record<string, unknown>;
  /** close of a preventive course: was the child age-appropriate at the start in daycare? */
  ageAppropriate?: AgeAppropriate;
  /** close of a preventive course begun in pregnancy: the child's age now, to date the follow-up at 3. */
  childAgeMonthsNow?: number;
}

const progressList = (locale: 'da' | 'en') => GOAL_PROGRESS.map((p) => PROGRESS_TEXT[p][locale].toLocaleLowerCase(locale)).join(', ');
const CHOOSE_PROGRESS = { da: `vælg fremskridt (${progressList('da')})`, en: `choose the progress (${progressList('en')})` };

const ReviewInputSchema = z
  .object({
    date: IsoDate,
    goals: z.array(
      z
        .object({
          goalId: z.string().min(1),
          progress: z.enum(GOAL_PROGRESS, { error: said(CHOOSE_PROGRESS.da, CHOOSE_PROGRESS.en) }),
          note: optionalCaseText(TEXT_LIMITS.goalNote),
        })
        .strict(),
    ),
    decision: z.enum(REVIEW_DECISIONS, { error: said('vælg hvad gennemgangen fører til', 'choose what the review leads to') }),
    note: optionalCaseText(TEXT_LIMITS.reviewNote),
    factChanges: z.record(z.string(), z.unknown()).optional(),
    ageAppropriate: z.enum(AGE_APPROPRIATE, { error: said('vælg ja, nej eller ved ikke', "choose yes, no or don't know") }).optional(),
    childAgeMonthsNow: z
      .number()
      .int(said('skal være et helt antal måneder', 'must be a whole number of months'))
      .min(0, said('kan ikke være negativ', 'cannot be negative'))
      .max(216, said('er urimeligt stor', 'is unreasonably large')).optional(),
  })
  .strict();

export interface ReviewInputContext {
  /** The ids of the current plan's goals, in plan order. */
  goalIds: readonly string[];
}

export function parseReviewInput(input: unknown, context: ReviewInputContext): ParseResult<ReviewInput> {
  const result = ReviewInputSchema.safeParse(input, { reportInput: true });
  if (!result.success) return { ok: false, problems: describeCaseIssues(result.error.issues) };
  const review = result.data as ReviewInput;
  const problems: FieldProblem[] = [];
  const given = new Map(review.goals.map((g) => [g.goalId, g]));
  context.goalIds.forEach((id, i) => {
    if (!given.has(id)) problems.push({ field: `goals.${i}.progress`, message: CHOOSE_PROGRESS.da, en: CHOOSE_PROGRESS.en });
  });
  review.goals.forEach((g, i) => {
    if (!context.goalIds.includes(g.goalId)) problems.push({ field: `goals.${i}.goalId`, message: 'er ikke et mål i planen; genindlæs gennemgangen', en: 'is not a goal in the plan; reload the review' });
  });
  if (new Set(review.goals.map((g) => g.goalId)).size !== review.goals.length) {
    problems.push({ field: 'goals', message: 'nævner det samme mål flere gange', en: 'names the same goal more than once' });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: review };
}
