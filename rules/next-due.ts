import { addMonths } from './dates.js';
import type { Outcome, Review, ReviewKind } from './decision-types.js';
import type { ParameterId, ParameterValues } from './parameters/ids.js';

/**
 * What is due next on a case, in one place: the plan's review card, the reminders, the tab and the
 * summary all ask this, so they cannot name different days. Pure: the reviews, the measure's
 * cadence and the day come in.
 */

/** How many months after it was held a review of each kind comes back; a kind not named happens once. */
export type Cadence = Partial<Record<ReviewKind, number>>;

/**
 * The reviews that come back for as long as the support lasts, and the figure that sets their
 * period: level 2 is granted 3 months at a time with close follow-up (pps.omfang.2: the re-grant is
 * that follow-up, so its § 95 follow-up does not repeat beside it), level 3 is followed up every 6
 * months (pps.omfang.3), and level 1's follow-ups keep the period of the first one of Barnets lov
 * § 95 (the municipality's cadence, bl.95).
 */
const CADENCE_FIGURES: Partial<Record<Outcome, Partial<Record<ReviewKind, ParameterId>>>> = {
  level1: { 'follow-up': 'followUp.firstMonths' },
  level2: { regrant: 'level2.grantMonths' },
  level3: { 'follow-up': 'level3.followUpMonths' },
};

export function cadenceOf(outcome: Outcome, p: ParameterValues): Cadence {
  const figures = CADENCE_FIGURES[outcome] ?? {};
  return Object.fromEntries(Object.entries(figures).map(([kind, id]) => [kind, p[id]])) as Cadence;
}

/** The kinds a review held answers, whatever their date: the periodic checks of the support. */
const PERIODIC_KINDS: readonly ReviewKind[] = ['regrant', 'follow-up'];

/** The later of two ISO days. */
const later = (a: string, b: string): string => (a > b ? a : b);

/**
 * The next turn of a repeating review once it has been held: a period after its due day, or after
 * the day it was held if that was later (a grant cannot run before it was given, and a review
 * held late starts its period then). Null for a review that happens once.
 */
export function successorOf(review: Review, heldOn: string, cadence: Cadence): Review | null {
  const months = cadence[review.kind];
  return months ? { ...review, due: addMonths(later(review.due, heldOn), months) } : null;
}

/**
 * The earliest review due after `day`. With `heldOn` (a review held that day), each repeating kind
 * comes back a period after it, however early it was held (it was the periodic check), unless a
 * fixed date of the decision comes first; without, it is the decision's own first date after the day.
 */
export function nextDue<R extends { kind: string; due: string } = Review>(reviews: readonly R[], day: string, held?: { on: string; cadence: Cadence }): R | null {
  // A review held is the periodic check: the decision's own re-grants and follow-ups are answered
  // by it, and come back only as the measure's cadence says. Other dated items (barnets plan's
  // deadline, rules/child-plan.ts) are counted beside them as they come.
  const candidates = reviews.filter((r) => r.due > day && !(held && (PERIODIC_KINDS as readonly string[]).includes(r.kind)));
  if (held) {
    for (const [kind, months] of Object.entries(held.cadence) as [ReviewKind, number][]) {
      const first = reviews.find((r) => r.kind === kind);
      if (first && months > 0) candidates.push({ ...first, due: addMonths(held.on, months) });
    }
  }
  return [...candidates].sort((a, b) => a.due.localeCompare(b.due))[0] ?? null;
}
