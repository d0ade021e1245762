/**
 * "Today" as the municipality counts it: due dates are calendar dates in Danish time, so a
 * server in UTC must not call 00:30 on the 2nd "the 1st".
 */
const COPENHAGEN_DATE = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' });

export function danishToday(now: Date): string {
  return COPENHAGEN_DATE.format(now);
}
