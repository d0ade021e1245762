import type { Locale } from '../../cards/locale.js';
import { outcomeTitle, type MeasureNames } from '../../cards/outcome-text.js';
import type { Decision, Outcome, Scope, Variant } from '../../rules/decision-types.js';
import type { DurationUnit } from './model.js';

/**
 * The measure as every card names it, so the plan and review cards read like the case card:
 * `names` are the names the case's standard gives its measures (cards/outcome-text.ts measureNames).
 */
export function measureLabel(outcome: Outcome, variant: Variant = null, locale: Locale = 'da', names: MeasureNames = {}): string {
  return outcomeTitle(outcome, variant, locale, names);
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
export function durationFromDecision(decision: Pick<Decision, 'scope' | 'reviews'>, locale: Locale = 'da'): { duration: { value: number; unit: DurationUnit } | null; hint: string } {
  const scope: Scope = decision.scope;
  const en = locale === 'en';
  if (scope.maxWeeks) {
    // Cited as the decision's standard cites the course's end.
    const passage = decision.reviews.find((r) => r.kind === 'course-end')?.passage;
    const cited = passage ? ` (${passage})` : '';
    const hint = en ? `Filled in from the decision: at most ${scope.maxWeeks} weeks${cited}.` : `Forudfyldt fra afgørelsen: højst ${scope.maxWeeks} uger${cited}.`;
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
