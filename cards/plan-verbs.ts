/** The plan's card actions; each is an Action.Execute, with the verb repeated in `data` for Action.Submit fallbacks. */
export const PLAN_VERBS = {
  /** Save the plan card as a new plan version. */
  planSave: 'plan.save',
  /** Open the plan card of a case, prefilled, for editing. */
  planEdit: 'plan.edit',
  /** Open the review card of a case. */
  reviewStart: 'plan.review.start',
  /** Save a review held against the plan. */
  reviewSave: 'plan.review.save',
} as const;
