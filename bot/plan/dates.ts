import { addDays, addMonths } from '../../rules/dates.js';

/** Review arithmetic on YYYY-MM-DD days, on top of the rules' own calendar functions. */

export { addMonths };

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The step from `from` to `to` as whole calendar months when it is one (up to two years), else in days. */
export function stepBetween(from: string, to: string): { months: number } | { days: number } {
  for (let months = 1; months <= 24; months++) if (addMonths(from, months) === to) return { months };
  return { days: daysBetween(from, to) };
}

export function addStep(day: string, step: { months: number } | { days: number }): string {
  return 'months' in step ? addMonths(day, step.months) : addDays(day, step.days);
}
