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

const MONTHS: Record<'da' | 'en', readonly string[]> = {
  da: ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** "2026-03-12" → "12. marts 2026" / "12 March 2026", the one way a date is written for a person; anything else is shown as given. */
export function longDate(iso: string, locale: 'da' | 'en'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const month = m ? MONTHS[locale][Number(m[2]) - 1] : undefined;
  if (!m || !month) return iso;
  const day = Number(m[3]);
  return locale === 'da' ? `${day}. ${month} ${m[1]}` : `${day} ${month} ${m[1]}`;
}
