import { addMonths } from './dates.js';
import type { Facts } from './facts.js';

/**
 * The child's age is asked in whole months on the intake's reference date; every later age is
 * counted from that same day, never from the start date (which may lie months after it).
 */

/** Whole months from one day to a later one (31 Jan → 28 Feb is one month, as addMonths counts). */
export function wholeMonthsBetween(from: string, to: string): number {
  let months = 0;
  while (addMonths(from, months + 1) <= to) months++;
  return months;
}

/** The child's age in whole months on `day`; undefined/null as the facts have it when not born or not asked. */
export function ageAt(facts: Pick<Facts, 'child' | 'referenceDate'>, day: string): number | null | undefined {
  const age = facts.child?.ageMonths;
  return typeof age === 'number' ? age + (day > facts.referenceDate ? wholeMonthsBetween(facts.referenceDate, day) : 0) : age;
}

/**
 * The first day the child is surely `months` old, when it was `age` on `day`: ages are whole months,
 * so a child "14 months" is 14 to 15 months old, and day + (months − age) is on or up to a month
 * after the birthday, never before it.
 */
export function dayAtAge(anchor: { day: string; age: number }, months: number): string {
  return addMonths(anchor.day, Math.max(0, months - anchor.age));
}
