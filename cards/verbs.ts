/**
 * Every card action is an Action.Execute routed by its verb. The verb is repeated inside `data`
 * so the same payload also works when an older client sends it as an Action.Submit.
 */
export const VERBS = {
  /** Begin a new intake interview. */
  intakeStart: 'intake.start',
  /** Save this step's answers and show the next step (or the result after the last). */
  intakeNext: 'intake.next',
  /** Show the previous step, prefilled; nothing of this step is sent. */
  intakeBack: 'intake.back',
  /** Show one step again to correct an answer (e.g. from the escalation card). */
  intakeEdit: 'intake.edit',
  /** Throw the draft away and start over (asked for confirmation on the card). */
  intakeRestart: 'intake.restart',
  /** Continue a saved draft where it was left. */
  intakeResume: 'intake.resume',
  /** Answer exactly the facts a needs-information decision asked for. */
  intakeMissing: 'intake.missing',
  /** Accept the recommendation and create the case. */
  caseAccept: 'case.accept',
  /** Choose another outcome than recommended, with a written reason, and create the case. */
  caseOverride: 'case.override',
  /** The result card's background, one tap away: why not the others, the legal basis, the standard's wording. */
  resultDetails: 'result.details',
  /** Back from the background to the result card, with what was typed in its forms. */
  resultShow: 'result.show',
  /** Open one case (from a list or a search). */
  caseOpen: 'case.open',
  /** List the cases of the current user. */
  caseMine: 'case.mine',
  /** Show the help card. */
  helpShow: 'help.show',
  /** Save the plan card as a new plan version. */
  planSave: 'plan.save',
  /** Open the plan card of a case, prefilled, for editing. */
  planEdit: 'plan.edit',
  /** Open the review card of a case. */
  reviewStart: 'plan.review.start',
  /** Save a review held against the plan. */
  reviewSave: 'plan.review.save',
  /** In a group or meeting chat: the case summary, shown only to the one who clicked. */
  summaryView: 'summary.view',
  /** In a group or meeting chat: who would read a shared summary, shown only to the one who clicked. */
  summaryShareAsk: 'summary.share.ask',
  /** In a group or meeting chat: post the case summary for everyone, after the audience was shown. */
  summaryShare: 'summary.share',
} as const;

export type Verb = (typeof VERBS)[keyof typeof VERBS];

export const ALL_VERBS = Object.values(VERBS) as [Verb, ...Verb[]];
