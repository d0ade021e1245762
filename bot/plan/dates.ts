/** Calendar arithmetic on YYYY-MM-DD days in UTC, so no local clock or zone leaks into a due date. */

function parseDay(day: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) throw new Error(`expected a YYYY-MM-DD date, got "${day}"`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

/** Adds calendar months; the 31st plus one month is the last day of the shorter month. */
export function addMonths(day: string, months: number): string {
  const d = parseDay(day);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return target.toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  const d = parseDay(day);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((parseDay(to).getTime() - parseDay(from).getTime()) / 86_400_000);
}

/** The step from `from` to `to` as whole calendar months when it is one (up to two years), else in days. */
export function stepBetween(from: string, to: string): { months: number } | { days: number } {
  for (let months = 1; months <= 24; months++) if (addMonths(from, months) === to) return { months };
  return { days: daysBetween(from, to) };
}

export function addStep(day: string, step: { months: number } | { days: number }): string {
  return 'months' in step ? addMonths(day, step.months) : addDays(day, step.days);
}
