import type { BoundRules } from '../../rules/bind.js';
import type { ChoosableOutcome, Decision, Variant } from '../../rules/decision-types.js';
import type { Facts } from '../../rules/facts.js';
import type { Standard } from '../../rules/standard/schema.js';
import type { ChosenPlan } from '../storage/decisions.js';

/**
 * What stands on a case: the scope and due dates stored with its decision. Read back, never
 * recomputed, so what a caseworker was shown when accepting is what every door shows after.
 */
export function standingPlan(
  d: { recommended: Decision; chosenOutcome: ChoosableOutcome; chosenVariant: Variant; overridden: boolean; chosen?: ChosenPlan | null },
  facts: Facts | undefined,
  rules: BoundRules,
  /** The standard the decision was made under; the seed's unless told. */
  standard?: Standard,
): ChosenPlan | null {
  if (d.chosen) return d.chosen;
  if (!d.overridden) return { scope: d.recommended.scope, reviews: d.recommended.reviews };
  // Only an override decided before the plan was stored with it (migration 059): its facts give it.
  return facts ? rules.consequencesOfChoice(facts, d.chosenOutcome, d.chosenVariant, standard) : null;
}

/** The case with its decision's chosen plan filled in (see standingPlan), for views that read it. */
export function withStandingPlan<
  C extends { facts?: Facts; decision: Parameters<typeof standingPlan>[0] },
>(c: C, rules: BoundRules, standard?: Standard): C {
  return c.decision.chosen ? c : { ...c, decision: { ...c.decision, chosen: standingPlan(c.decision, c.facts, rules, standard) } };
}
