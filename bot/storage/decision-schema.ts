import { z } from 'zod';
import { CHOOSABLE_OUTCOMES, OUTCOMES, REVIEW_KINDS, type Decision } from '../../rules/decision-types.js';

/**
 * The rules' Decision as stored in `decisions.recommended`. Parsed on the way in and out so a
 * row that drifted from the contract fails here, loudly, instead of deep inside a card.
 */
// `en` is optional: decisions stored before the rules wrote English have none.
const En = z.string().optional();
const Cited = z.object({ text: z.string(), en: En, passage: z.string() });
const Range = z.object({ min: z.number(), max: z.number() });

export const OutcomeSchema = z.enum(OUTCOMES);
export const ChoosableOutcomeSchema = z.enum(CHOOSABLE_OUTCOMES);
export const VariantSchema = z.enum(['1A', '1B']).nullable();

export const ScopeSchema = z.object({
  visitsPerWeek: Range.optional(),
  hoursPerWeekMax: z.number().optional(),
  grantMonths: z.number().optional(),
  extraMonths: z.number().optional(),
  maxWeeks: z.number().optional(),
  initialPhase: z.object({ visitsPerWeek: Range, monthsMin: z.number(), monthsMax: z.number() }).optional(),
});
export const ReviewsSchema = z.array(z.object({ kind: z.enum(REVIEW_KINDS), due: z.string(), passage: z.string(), text: z.string(), en: En }));

export const DecisionSchema: z.ZodType<Decision> = z.object({
  outcome: OutcomeSchema,
  variant: VariantSchema,
  missing: z.array(z.string()),
  scope: ScopeSchema,
  reviews: ReviewsSchema,
  reasons: z.array(Cited),
  whyNot: z.partialRecord(OutcomeSchema, z.array(Cited)),
  warnings: z.array(z.object({ text: z.string(), en: En, passage: z.string().optional() })),
  legalBasis: z.array(z.object({ seed: z.string(), current: z.string(), source: z.string() })),
  trace: z.array(
    z.object({
      rule: z.string(),
      result: z.enum(['pass', 'fail', 'unknown', 'skip']),
      facts: z.record(z.string(), z.unknown()),
      parameters: z.record(z.string(), z.unknown()).optional(),
      passage: z.string().optional(),
    }),
  ),
  referenceDate: z.string(),
  startDate: z.string(),
  parameterSet: z.string(),
});
