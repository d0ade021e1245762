/**
 * Pure calendar arithmetic on ISO dates (YYYY-MM-DD). No clock is read here: every date
 * comes from the facts. UTC throughout, so a due date never shifts with the server's zone.
 */

function parts(iso: string): [number, number, number] {
  return iso.split('-').map(Number) as [number, number, number];
}

function format(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Adds calendar months, clamping to the last day of a shorter month: 31 January + 1 month is
 * 28 (or 29) February, never 3 March. A grant "for 3 months" must not run past its month.
 */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = parts(iso);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return format(year, month, Math.min(d, daysInMonth(year, month)));
}

export function addDays(iso: string, days: number): string {
  const [y, m, d] = parts(iso);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return format(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

export function addWeeks(iso: string, weeks: number): string {
  return addDays(iso, weeks * 7);
}
