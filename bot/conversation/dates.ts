/** Today's date in Denmark (YYYY-MM-DD): the reference date decisions and due dates count from. */
export function danishDate(now: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
