import type { Outcome, Review, ReviewKind } from '../../rules/decision-types.js';
import { addDays, addMonths, laterDay } from './dates.js';

/**
 * From a case's decision to the reminders its team should get. Pure: the caller supplies the
 * decision's reviews, the reviews already done and the case's state; no clock is read, so the
 * same case always gives the same schedule and recomputing is safe at any time.
 */

export interface CompletedReview {
  kind: ReviewKind;
  /** The due date of the review that was done (YYYY-MM-DD). */
  due: string;
  /** The day it was done (YYYY-MM-DD). */
  doneOn: string;
}

export interface ScheduleInput {
  caseRef: string;
  outcome: Outcome;
  reviews: Review[];
  completed: CompletedReview[];
  closed: boolean;
}

export interface ScheduleOptions {
  /** Days before the due date that the first notice goes out; 0 = only on the day. */
  leadDays: number;
  /** Hour of the day (UTC) notices go out, so they arrive in working hours. */
  sendHourUtc: number;
}

export const DEFAULT_SCHEDULE_OPTIONS: ScheduleOptions = { leadDays: 14, sendHourUtc: 7 };

export type Notice = 'lead' | 'due';

export interface PlannedReminder {
  /** Identifies the review within the case: kind and due date. */
  reviewKey: string;
  notice: Notice;
  kind: ReviewKind;
  caseRef: string;
  due: string;
  /** ISO instant the notice should be posted. */
  fireAt: string;
  passage: string;
  /** What must be decided by the due date (Danish, from the rules). */
  text: string;
}

/**
 * Reviews that repeat once done, and their period in months: a level 2 grant is given 3 months
 * at a time (pps.omfang.2), level 3 is followed up every 6 months (pps.omfang.3). Other reviews
 * happen once: their successor, if any, comes from a new decision.
 */
const CADENCE: Partial<Record<Outcome, Partial<Record<ReviewKind, number>>>> = {
  level2: { regrant: 3 },
  level3: { 'follow-up': 6 },
};

export function reviewKey(review: Pick<Review, 'kind' | 'due'>): string {
  return `${review.kind}:${review.due}`;
}

export function planReminders(input: ScheduleInput, options: ScheduleOptions = DEFAULT_SCHEDULE_OPTIONS): PlannedReminder[] {
  if (input.closed) return [];
  const done = new Map(input.completed.map((c) => [reviewKey(c), c]));
  const open = withSuccessors(input.outcome, input.reviews, done).filter((r) => !done.has(reviewKey(r)));
  const planned: PlannedReminder[] = [];
  for (const review of open) {
    const base = { reviewKey: reviewKey(review), kind: review.kind, caseRef: input.caseRef, due: review.due, passage: review.passage, text: review.text };
    if (options.leadDays > 0) planned.push({ ...base, notice: 'lead', fireAt: at(addDays(review.due, -options.leadDays), options) });
    planned.push({ ...base, notice: 'due', fireAt: at(review.due, options) });
  }
  return planned.sort((a, b) => a.fireAt.localeCompare(b.fireAt) || a.reviewKey.localeCompare(b.reviewKey));
}

/**
 * Adds the next period after each done review that repeats, unless the decision already names a
 * later review of that kind. The new period starts when the old one ends, or on the day the review
 * was done if that was later (the grant cannot run before it was given).
 */
function withSuccessors(outcome: Outcome, reviews: Review[], done: Map<string, CompletedReview>): Review[] {
  const all = [...reviews];
  const cadence = CADENCE[outcome] ?? {};
  // Appended successors are visited too, so a chain of done periods moves on period by period;
  // it ends because each step needs a completion of its own.
  for (let i = 0; i < all.length; i++) {
    const review = all[i]!;
    const months = cadence[review.kind];
    const completion = done.get(reviewKey(review));
    if (!months || !completion) continue;
    if (all.some((r) => r.kind === review.kind && r.due > review.due)) continue;
    all.push({ ...review, due: addMonths(laterDay(review.due, completion.doneOn), months) });
  }
  return all;
}

function at(day: string, options: ScheduleOptions): string {
  return `${day}T${String(options.sendHourUtc).padStart(2, '0')}:00:00.000Z`;
}
