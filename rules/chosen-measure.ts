import type { ChoosableOutcome, Review, Scope, Variant } from './decision-types.js';
import type { Facts } from './facts.js';
import { DEFAULT_PARAMETERS } from './parameters/default.js';
import { resolveParameters } from './parameters/resolve.js';
import type { ParameterSet } from './parameters/schema.js';
import { variantOf } from './standard/evaluate.js';
import { DEFAULT_STANDARD } from './standard/load.js';
import { planFor } from './standard/plan.js';
import type { Standard } from './standard/schema.js';

/**
 * The standard's scope and due dates for the measure a caseworker CHOSE, which may differ from
 * the recommendation. The rules never pick this measure; they only say what the standard sets
 * for it once a person has, so an overridden case still gets its grant ends and follow-ups
 * instead of none (a lapse nobody is reminded of) or the recommendation's (the wrong ones).
 * Under the standard the decision was made under (the seed unless told).
 */
export function consequencesOfChoice(
  facts: Facts,
  chosen: ChoosableOutcome,
  variant: Variant,
  parameters: ParameterSet = DEFAULT_PARAMETERS,
  standard: Standard = DEFAULT_STANDARD,
): { scope: Scope; reviews: Review[] } {
  const p = resolveParameters(parameters, facts.referenceDate).values;
  const start = facts.startDate ?? facts.referenceDate;
  const measure = standard.measures.find((m) => m.id === chosen);
  // A choice without a stated variant gets the one the facts and parameters give.
  const v = measure?.variants ? (variant ?? (variantOf(standard, chosen, facts, p) as Variant)) : null;
  const { scope, reviews } = planFor(standard, chosen, v, start, facts, p);
  return { scope, reviews };
}
