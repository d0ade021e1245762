import type { Locale } from '../../cards/locale.js';
import { outcomeTitle } from '../../cards/outcome-text.js';
import type { Decision, Outcome, Scope, Variant } from '../../rules/decision-types.js';
import type { DurationUnit } from './model.js';

/** The measure as every card names it, so the plan and review cards read like the case card. */
export function measureLabel(outcome: Outcome, variant: Variant = null, locale: Locale = 'da'): string {
  return outcomeTitle(outcome, variant, locale);
}

/** No fixed period: the caseworker gives the expected duration (after an override too). */
export const NO_FIXED_PERIOD = {
  da: 'Afgørelsen sætter ingen fast periode; angiv den forventede varighed (Barnets lov § 32, stk. 3).',
  en: 'The decision sets no fixed period; give the expected duration (Barnets lov § 32, stk. 3).',
} as const;
export const OVERRIDDEN_PERIOD = {
  da: 'Afgørelsen afviger fra anbefalingen; angiv den forventede varighed (Barnets lov § 32, stk. 3).',
  en: 'The decision differs from the recommendation; give the expected duration (Barnets lov § 32, stk. 3).',
} as const;

/**
 * The expected duration a new plan starts from (Barnets lov § 32, stk. 3 asks the decision to state
 * it), read off the decision's scope, with a line saying where it came from.
 */
export function durationFromDecision(decision: Pick<Decision, 'scope'>, locale: Locale = 'da'): { duration: { value: number; unit: DurationUnit } | null; hint: string } {
  const scope: Scope = decision.scope;
  const en = locale === 'en';
  if (scope.maxWeeks) {
    const hint = en ? `Filled in from the decision: at most ${scope.maxWeeks} weeks (hpi.4.varighed).` : `Forudfyldt fra afgørelsen: højst ${scope.maxWeeks} uger (hpi.4.varighed).`;
    return { duration: { value: scope.maxWeeks, unit: 'weeks' }, hint };
  }
  if (scope.grantMonths) {
    const months = scope.grantMonths + (scope.extraMonths ?? 0);
    const extra = scope.extraMonths
      ? en
        ? ` + ${scope.extraMonths} months for closing, handover or re-assessment`
        : ` + ${scope.extraMonths} måneder til afslutning, overlevering eller revisitering`
      : '';
    const hint = en ? `Filled in from the decision: a grant of ${scope.grantMonths} months${extra}.` : `Forudfyldt fra afgørelsen: bevilling på ${scope.grantMonths} måneder${extra}.`;
    return { duration: { value: months, unit: 'months' }, hint };
  }
  return { duration: null, hint: NO_FIXED_PERIOD[locale] };
}
