import { addMonths } from '../../rules/dates.js';

/** Review arithmetic on YYYY-MM-DD days, on top of the rules' own calendar functions. */

export { addMonths };

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
