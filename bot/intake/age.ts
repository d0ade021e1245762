import type { Facts } from '../../rules/facts.js';
import { DEFAULT_PARAMETERS } from '../../rules/parameters/default.js';

/**
 * What the child's age decides about the interview itself. The bot decides with the default figures
 * (bot/rules-binding.ts); the limit is the highest value the preventive age figure ever takes there,
 * so a checklist is hidden only when no date's figure could make the decision ask for it.
 */
const PREVENTIVE_AGE_LIMIT_MONTHS = Math.max(...Object.values(DEFAULT_PARAMETERS.parameters['preventive.ageMaxMonths'].values));

/**
 * The model's checklists (expectant parents, parents of a small child, the small child) belong to
 * the preventive course for 0–24 months and late pregnancy: a born child above that age is not asked them.
 */
export function infantChecklistsApply(answers: Partial<Facts>): boolean {
  const age = answers.child?.ageMonths;
  return typeof age !== 'number' || age <= PREVENTIVE_AGE_LIMIT_MONTHS;
}

/** Whole years and the months beside them, as the card's two age fields show a stored age in months. */
export function yearsAndMonths(ageMonths: number): { years: number; months: number } {
  return { years: Math.floor(ageMonths / 12), months: ageMonths % 12 };
}
