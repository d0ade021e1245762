import { z } from 'zod';
import { REVIEW_KINDS, type Outcome, type Review } from '../../rules/decision-types.js';
import type { Cadence } from '../../rules/next-due.js';
import type { Sql } from './db.js';
import { reviewKey, type ScheduleOptions } from './schedule.js';
import { recompute } from './store.js';

/**
 * A review held on the plan's review card, as the reminders learn of it: the review it answered is
 * done, the next review it set is the one to remind of, a new decision brings its own dates, and a
 * closed case gets no more reminders. Runs in the transaction that records the review, so the plan
 * and the reminders never tell different stories.
 */
export interface HeldReview {
  tenantId: string;
  caseId: string;
  /** The review the card answered (its kind and due date), if the case had one due. */
  answered: Pick<Review, 'kind' | 'due'> | null;
  /** The day the review was held, YYYY-MM-DD. */
  doneOn: string;
  decision: 'continue' | 'change-level' | 'extend' | 'close' | 'escalate';
  /** When the review made a new decision: its measure, its reviews and how often they come back. */
  newDecision: { outcome: Outcome; reviews: Review[]; cadence: Cadence } | null;
  /** The review the plan now expects next; null when the case closes. */
  nextReview: Review | null;
  /** A preventive course closed: the follow-up once the child is 3, still to be reminded of. */
  followUpAfterClosing?: Review | null;
  by: { id: string; name: string };
  at: Date;
}

const DueReviewSchema = z.object({ kind: z.enum(REVIEW_KINDS), due: z.string() });
const ReviewsSchema = z.array(z.object({ kind: z.enum(REVIEW_KINDS), due: z.string(), passage: z.string(), text: z.string(), en: z.string().optional() }));

/** Returns false when the case has no reminder schedule (made where reminders were off): nothing to do. */
export async function recordHeldReview(tx: Sql, held: HeldReview, options: ScheduleOptions): Promise<boolean> {
  const [row] = await tx.query<{ reviews: unknown }>('SELECT reviews FROM reminder_cases WHERE tenant_id = $1 AND case_id = $2 FOR UPDATE', [held.tenantId, held.caseId]);
  if (!row) return false;
  if (held.answered) {
    // The card's due date may carry more than one review (a level 2 case's § 95 follow-up and its
    // re-grant fall on the same day); the review held answers all of that day's, and no other.
    const sameDayRows = await tx.query(
      `SELECT DISTINCT kind, to_char(due, 'YYYY-MM-DD') AS due FROM reminders
       WHERE tenant_id = $1 AND case_id = $2 AND due = $3::date AND state <> 'cancelled'`,
      [held.tenantId, held.caseId, held.answered.due],
    );
    const sameDay = z.array(DueReviewSchema).parse(sameDayRows);
    const answered = new Map([held.answered, ...sameDay].map((r) => [reviewKey(r), r]));
    for (const [key, review] of answered) {
      await tx.query(
        `INSERT INTO review_completions (tenant_id, case_id, kind, due, done_on, decision, done_by, done_at)
         VALUES ($1, $2, $3, $4::date, $5::date, $6, $7, $8) ON CONFLICT DO NOTHING`,
        [held.tenantId, held.caseId, review.kind, review.due, held.doneOn, held.decision, held.by.id, held.at.toISOString()],
      );
      await markReviewHandled(tx, { tenantId: held.tenantId, caseId: held.caseId, reviewKey: key, by: held.by, at: held.at, action: cardAction(held.decision) });
    }
  }
  // The plan's next review joins the decision's own dates; a repeating review's successor is then
  // the plan's date rather than one counted from the old due date, so both show the same day.
  const reviews = held.newDecision ? held.newDecision.reviews : ReviewsSchema.parse(row.reviews);
  const next = held.nextReview && !reviews.some((r) => reviewKey(r) === reviewKey(held.nextReview!)) ? [held.nextReview] : [];
  // A closed preventive course keeps one reminder: the follow-up at age 3 (hpi.2.underformaal.maal),
  // which is the course's own last question; the support's other reviews end with it.
  const afterClosing = held.decision === 'close' && held.followUpAfterClosing ? held.followUpAfterClosing : null;
  const kept = afterClosing ? [afterClosing] : [...reviews, ...next];
  await tx.query(
    `UPDATE reminder_cases SET reviews = $3::jsonb, outcome = COALESCE($4, outcome), closed = closed OR $5,
       cadence = COALESCE($6::jsonb, cadence), updated_at = now()
     WHERE tenant_id = $1 AND case_id = $2`,
    [
      held.tenantId, held.caseId, JSON.stringify(kept), held.newDecision?.outcome ?? null, held.decision === 'close' && !afterClosing,
      held.newDecision ? JSON.stringify(held.newDecision.cadence) : null,
    ],
  );
  await recompute(tx, held.tenantId, held.caseId, options);
  return true;
}

/** Every posted card of a review (the notice before, the one on the day) shows it done; a client showing an old copy refreshes it. */
export async function markReviewHandled(
  tx: Sql,
  done: { tenantId: string; caseId: string; reviewKey: string; by: { id: string; name: string }; at: Date; action: 'continue' | 'change-level' | 'close' },
): Promise<void> {
  await tx.query(
    `UPDATE reminders SET handled_by = $3, handled_by_name = $4, handled_at = $5, handled_action = $6
     WHERE tenant_id = $1 AND case_id = $2 AND review_key = $7 AND state IN ('sent', 'snoozed') AND handled_by IS NULL`,
    [done.tenantId, done.caseId, done.by.id, done.by.name, done.at.toISOString(), done.action, done.reviewKey],
  );
}

/** The reminder card speaks of three conclusions; a new grant or an underretning keeps the support going. */
function cardAction(decision: HeldReview['decision']): 'continue' | 'change-level' | 'close' {
  return decision === 'change-level' || decision === 'close' ? decision : 'continue';
}
