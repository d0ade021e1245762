import { outcomeTitle } from '../../cards/outcome-text.js';
import type { Decision, Outcome, Scope, Variant } from '../../rules/decision-types.js';
import type { DurationUnit } from './model.js';

/** The measure as every card names it, so the plan and review cards read like the case card. */
export function measureLabel(outcome: Outcome, variant: Variant = null): string {
  return outcomeTitle(outcome, variant, 'da');
}

/**
 * The expected duration a new plan starts from (Barnets lov § 32, stk. 3 asks the decision to state
 * it), read off the decision's scope, with a line saying where it came from.
 */
export function durationFromDecision(decision: Pick<Decision, 'scope'>): { duration: { value: number; unit: DurationUnit } | null; hint: string } {
  const scope: Scope = decision.scope;
  if (scope.maxWeeks) return { duration: { value: scope.maxWeeks, unit: 'weeks' }, hint: `Forudfyldt fra afgørelsen: højst ${scope.maxWeeks} uger (hpi.4.varighed).` };
  if (scope.grantMonths) {
    const months = scope.grantMonths + (scope.extraMonths ?? 0);
    const extra = scope.extraMonths ? ` + ${scope.extraMonths} måneder til afslutning, overlevering eller revisitering` : '';
    return { duration: { value: months, unit: 'months' }, hint: `Forudfyldt fra afgørelsen: bevilling på ${scope.grantMonths} måneder${extra}.` };
  }
  return { duration: null, hint: 'Afgørelsen sætter ingen fast periode; angiv den forventede varighed (Barnets lov § 32, stk. 3).' };
}
