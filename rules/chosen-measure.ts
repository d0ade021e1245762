import type { ChoosableOutcome, Review, Scope, Variant } from './decision-types.js';
import type { Facts } from './facts.js';
import { level1Variant } from './measures/level1.js';
import { DEFAULT_PARAMETERS } from './parameters/default.js';
import { resolveParameters } from './parameters/resolve.js';
import type { ParameterSet } from './parameters/schema.js';
import { schedule } from './schedule.js';
import { scopeFor } from './scope.js';

/**
 * The standard's scope and due dates for the measure a caseworker CHOSE, which may differ from
 * the recommendation. The rules never pick this measure; they only say what the standard sets
 * for it once a person has, so an overridden case still gets its grant ends and follow-ups
 * instead of none (a lapse nobody is reminded of) or the recommendation's (the wrong ones).
 */
export function consequencesOfChoice(
  facts: Facts,
  chosen: ChoosableOutcome,
  variant: Variant,
  parameters: ParameterSet = DEFAULT_PARAMETERS,
): { scope: Scope; reviews: Review[] } {
  const p = resolveParameters(parameters, facts.referenceDate).values;
  const start = facts.startDate ?? facts.referenceDate;
  // A level 1 choice without a stated variant gets the one the facts and parameters give.
  const v = chosen === 'level1' ? (variant ?? level1Variant(facts, p)) : null;
  const alongside = chosen === 'level2' && facts.investigation === 'underway';
  return { scope: scopeFor(chosen, v, p).scope, reviews: schedule(chosen, v, start, alongside, p).reviews };
}
