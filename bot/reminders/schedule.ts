import type { Outcome, Review, ReviewKind } from '../../rules/decision-types.js';
import { successorOf, type Cadence } from '../../rules/next-due.js';
import { addDays } from './dates.js';

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
  /** How often each kind comes back once done, from the tenant's rules (BoundRules.cadence); stored with the schedule. */
  cadence: Cadence;
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

export function reviewKey(review: Pick<Review, 'kind' | 'due'>): string {
  return `${review.kind}:${review.due}`;
}

export function planReminders(input: ScheduleInput, options: ScheduleOptions = DEFAULT_SCHEDULE_OPTIONS): PlannedReminder[] {
  if (input.closed) return [];
  const done = new Map(input.completed.map((c) => [reviewKey(c), c]));
  const open = withSuccessors(input.cadence, input.reviews, done).filter((r) => !done.has(reviewKey(r)));
  const planned: PlannedReminder[] = [];
  for (const review of open) {
    const base = { reviewKey: reviewKey(review), kind: review.kind, caseRef: input.caseRef, due: review.due, passage: review.passage, text: review.text };
    if (options.leadDays > 0) planned.push({ ...base, notice: 'lead', fireAt: at(addDays(review.due, -options.leadDays), options) });
    planned.push({ ...base, notice: 'due', fireAt: at(review.due, options) });
  }
  return planned.sort((a, b) => a.fireAt.localeCompare(b.fireAt) || a.reviewKey.localeCompare(b.reviewKey));
}

/**
 * Adds the next period after each done review that repeats (rules/next-due.ts successorOf), unless
 * the decision already names a later review of that kind.
 */
function withSuccessors(cadence: Cadence, reviews: Review[], done: Map<string, CompletedReview>): Review[] {
  const all = [...reviews];
  // Appended successors are visited too, so a chain of done periods moves on period by period;
  // it ends because each step needs a completion of its own.
  for (let i = 0; i < all.length; i++) {
    const review = all[i]!;
    const completion = done.get(reviewKey(review));
    if (!completion) continue;
    if (all.some((r) => r.kind === review.kind && r.due > review.due)) continue;
    const next = successorOf(review, completion.doneOn, cadence);
    if (next) all.push(next);
  }
  return all;
}

function at(day: string, options: ScheduleOptions): string {
  return `${day}T${String(options.sendHourUtc).padStart(2, '0')}:00:00.000Z`;
}
