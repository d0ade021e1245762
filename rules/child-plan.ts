import { CITE } from './citations.js';
import { addMonths } from './dates.js';
import type { Review } from './decision-types.js';
import type { ParameterValues } from './parameters/ids.js';

/**
 * Barnets plan (Barnets lov § 91, stk. 1): "når der træffes afgørelse om indsatser efter § 32,
 * stk. 1, tage stilling til, om der skal udarbejdes en barnets plan … Planen skal i givet fald
 * foreligge, senest 3 måneder efter at der er truffet afgørelse om en indsats." The law's own
 * deadline, shared by every standard like § 95's first follow-up (rules/standard/plan.ts): a
 * standard does not write it again. Pure: the decision's day and the figures come in.
 *
 * The deadline counts from the day the decision on the support was made: that is the provision's
 * anchor. Not the start of the support (§ 95 counts from that) and not the day the need became
 * known (§ 20, stk. 3's anchor for the undersøgelse).
 */

/** What the caseworker has decided: a plan is to be made, is not, or the stance is still to be taken. */
export const CHILD_PLAN_STANCES = ['yes', 'no', 'undecided'] as const;
export type ChildPlanStance = (typeof CHILD_PLAN_STANCES)[number];

export const CHILD_PLAN_KIND = 'child-plan';
export const CHILD_PLAN_PASSAGE = CITE.blBarnetsPlan;

/** A due date of barnets plan, shaped as the decision's own due dates are, so what is due next is counted in one place (next-due.ts). */
export interface ChildPlanDeadline {
  kind: typeof CHILD_PLAN_KIND;
  /** YYYY-MM-DD */
  due: string;
  passage: typeof CHILD_PLAN_PASSAGE;
  text: string;
  en: string;
}

/** The day barnets plan must be in place by, for a decision made on `decidedOn` (YYYY-MM-DD), by the figures in force that day. */
export function childPlanDeadline(decidedOn: string, p: ParameterValues): ChildPlanDeadline {
  const months = p['childPlan.withinMonths'];
  return {
    kind: CHILD_PLAN_KIND,
    due: addMonths(decidedOn, months),
    passage: CHILD_PLAN_PASSAGE,
    text: `Barnets plan skal foreligge senest ${months} måneder efter afgørelsen om indsatsen (Barnets lov § 91).`,
    en: `Barnets plan (the child's plan) must be in place at the latest ${months} months after the decision on the support (Barnets lov § 91).`,
  };
}

/** A deadline already fixed (stored with the stance), for the summary's due dates and what is due next. */
export function childPlanDue(due: string): ChildPlanDeadline {
  return {
    kind: CHILD_PLAN_KIND,
    due,
    passage: CHILD_PLAN_PASSAGE,
    text: 'Barnets plan skal foreligge senest denne dag (Barnets lov § 91, regnet fra afgørelsen om indsatsen); den er endnu ikke registreret som udarbejdet.',
    en: "Barnets plan (the child's plan) must be in place by this day (Barnets lov § 91, counted from the decision on the support); it is not yet recorded as drawn up.",
  };
}

/**
 * Whether a decision is one § 91 asks a stance on: support under § 32, stk. 1. Every standard marks
 * its special-support measures, and the schedule gives exactly those § 95's first follow-up
 * (rules/standard/plan.ts), which applies to the same § 32 support; so the decision's own due dates say it.
 */
export function takesChildPlanStance(reviews: readonly Pick<Review, 'passage'>[]): boolean {
  return reviews.some((r) => r.passage === CITE.blOpfoelgning);
}
