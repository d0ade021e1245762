import { z } from 'zod';
import { IsoDate, type FieldProblem, type ParseResult } from '../../rules/facts.js';
import { AGE_APPROPRIATE, GOAL_PROGRESS, PROGRESS_LABEL, REVIEW_DECISIONS, TEXT_LIMITS, type AgeAppropriate, type GoalProgress, type ReviewDecision } from './model.js';
import { describeCaseIssues, optionalCaseText } from './text.js';

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

const progressList = GOAL_PROGRESS.map((p) => PROGRESS_LABEL[p].toLocaleLowerCase('da')).join(', ');

const ReviewInputSchema = z
  .object({
    date: IsoDate,
    goals: z.array(
      z
        .object({
          goalId: z.string().min(1),
          progress: z.enum(GOAL_PROGRESS, { error: `vælg fremskridt (${progressList})` }),
          note: optionalCaseText(TEXT_LIMITS.goalNote),
        })
        .strict(),
    ),
    decision: z.enum(REVIEW_DECISIONS, { error: 'vælg hvad gennemgangen fører til' }),
    note: optionalCaseText(TEXT_LIMITS.reviewNote),
    factChanges: z.record(z.string(), z.unknown()).optional(),
    ageAppropriate: z.enum(AGE_APPROPRIATE, { error: 'vælg ja, nej eller ved ikke' }).optional(),
    childAgeMonthsNow: z.number().int('skal være et helt antal måneder').min(0, 'kan ikke være negativ').max(216, 'er urimeligt stor').optional(),
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
    if (!given.has(id)) problems.push({ field: `goals.${i}.progress`, message: `vælg fremskridt (${progressList})` });
  });
  review.goals.forEach((g, i) => {
    if (!context.goalIds.includes(g.goalId)) problems.push({ field: `goals.${i}.goalId`, message: 'er ikke et mål i planen; genindlæs gennemgangen' });
  });
  if (new Set(review.goals.map((g) => g.goalId)).size !== review.goals.length) {
    problems.push({ field: 'goals', message: 'nævner det samme mål flere gange' });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: review };
}
