import { actionData, cardsIn, cardText, type BotClient, type CardJson, type InvokeResult } from './bot-client.js';

/** Card input values per intake step, as Teams submits them (all strings). */
export type StepAnswers = Record<string, Record<string, string>>;

const NO_SPECIAL = { extraVisitsNeeded: 'false', receivesVisitationSocial: 'false', startDate: '2026-01-05' };
const PARENTS_UNKNOWN = {
  parentsNeedSupport: 'unknown',
  benefitsFromFamilyTreatment: 'unknown',
  solvableInLimitedPeriod: 'unknown',
  intensiveNeeded: 'unknown',
  parentalCapacityUnclear: 'unknown',
  emotionalCareAdequate: 'unknown',
  practicalCareSeriousDeficits: 'unknown',
  parentsSeeNeed: 'unknown',
};
const NO_RISK = { riskFactors_expecting: '', riskFactors_parent: '', riskFactors_child: '', riskFactorsReviewed: 'reviewed', riskToDevelopment: 'false' };
const SCHOOL_CHILD = { childBorn: 'born', childAgeMonths: '84', childLatePregnancy: '' };

/** One family per outcome, answered the way a caseworker would for that situation. */
export const FAMILIES = {
  preventive: {
    child: { childBorn: 'born', childAgeMonths: '10', childLatePregnancy: '' },
    concern: { concern: 'beginning', safetyConcern: 'false' },
    family: { complexity: 'low', problemDelimited: 'true', familyResourcesCarry: 'true' },
    risk: { riskFactors_expecting: '', riskFactors_parent: 'parent-2', riskFactors_child: 'child-1', riskFactorsReviewed: 'reviewed', riskToDevelopment: 'true' },
    investigation: { investigation: 'none', preliminaryPlan: 'false' },
    parents: { ...PARENTS_UNKNOWN, parentsNeedSupport: 'false' },
    special: NO_SPECIAL,
  },
  level1: {
    child: SCHOOL_CHILD,
    concern: { concern: 'concern', safetyConcern: 'false' },
    family: { complexity: 'high', problemDelimited: 'true', familyResourcesCarry: 'false' },
    risk: NO_RISK,
    investigation: { investigation: 'completed', preliminaryPlan: 'false' },
    parents: { ...PARENTS_UNKNOWN, parentsNeedSupport: 'true', benefitsFromFamilyTreatment: 'false', solvableInLimitedPeriod: 'true', intensiveNeeded: 'false' },
    special: NO_SPECIAL,
  },
  level2: {
    child: SCHOOL_CHILD,
    concern: { concern: 'pronounced', safetyConcern: 'false' },
    family: { complexity: 'high', problemDelimited: 'false', familyResourcesCarry: 'false' },
    risk: NO_RISK,
    investigation: { investigation: 'completed', preliminaryPlan: 'false' },
    parents: { ...PARENTS_UNKNOWN, intensiveNeeded: 'true', parentalCapacityUnclear: 'true' },
    special: NO_SPECIAL,
  },
  level3: {
    child: SCHOOL_CHILD,
    concern: { concern: 'pronounced', safetyConcern: 'false' },
    family: { complexity: 'high', problemDelimited: 'false', familyResourcesCarry: 'false' },
    risk: NO_RISK,
    investigation: { investigation: 'completed', preliminaryPlan: 'false' },
    parents: {
      ...PARENTS_UNKNOWN,
      intensiveNeeded: 'false',
      parentalCapacityUnclear: 'false',
      emotionalCareAdequate: 'true',
      practicalCareSeriousDeficits: 'true',
      parentsSeeNeed: 'true',
    },
    special: NO_SPECIAL,
  },
  none: {
    child: SCHOOL_CHILD,
    concern: { concern: 'none', safetyConcern: 'false' },
    family: { complexity: 'low', problemDelimited: 'true', familyResourcesCarry: 'true' },
    risk: NO_RISK,
    investigation: { investigation: 'none', preliminaryPlan: 'false' },
    parents: { ...PARENTS_UNKNOWN, parentsNeedSupport: 'false' },
    special: NO_SPECIAL,
  },
  escalate: {
    child: SCHOOL_CHILD,
    concern: { concern: 'pronounced', safetyConcern: 'true' },
  },
} satisfies Record<string, StepAnswers>;

export const STEP_ORDER = ['child', 'concern', 'family', 'risk', 'investigation', 'parents', 'special'] as const;

/** The draft id the interview card carries in its actions. */
export function draftIdOf(card: CardJson | undefined): string {
  const data = actionData(card, 'intake.next') ?? actionData(card, 'case.accept') ?? actionData(card, 'intake.restart');
  const id = data?.draftId;
  if (typeof id !== 'string') throw new Error(`the card carries no draft id: ${JSON.stringify(card).slice(0, 300)}`);
  return id;
}

/** "ny sag" and the first card. */
export async function startInterview(client: BotClient): Promise<{ draftId: string; card: CardJson }> {
  const cards = cardsIn(await client.say('ny sag'));
  if (cards.length !== 1) throw new Error(`"ny sag" should answer with one card, got ${cards.length}`);
  return { draftId: draftIdOf(cards[0]), card: cards[0]! };
}

/** Answers the given steps in order with Action.Execute; returns the last invoke result. (Plain throws, not expect: the bench uses this too.) */
export async function answerSteps(client: BotClient, draftId: string, answers: StepAnswers): Promise<InvokeResult> {
  let last: InvokeResult | undefined;
  for (const stepId of STEP_ORDER) {
    const values = answers[stepId];
    if (!values) continue;
    last = await client.execute('intake.next', { draftId, stepId, ...values });
    if (last.status !== 200 || !last.card) throw new Error(`step ${stepId} was answered with ${last.status}: ${JSON.stringify(last.body).slice(0, 300)}`);
  }
  return last!;
}

/** The case form on the result card. */
export function caseForm(draftId: string, channelId: string, reference: string): Record<string, string> {
  return { draftId, caseReference: reference, childPseudonym: 'AB', channelId, startDate: '2026-01-05' };
}

/** A family through the interview to a case accepted in `channelId`: the card that came back (the plan card) and the case's id. */
export async function acceptedCase(client: BotClient, family: keyof typeof FAMILIES, channelId: string, reference: string): Promise<{ card: CardJson; caseId: string }> {
  const { draftId } = await startInterview(client);
  await answerSteps(client, draftId, FAMILIES[family]);
  const created = await client.execute('case.accept', caseForm(draftId, channelId, reference));
  const caseId = actionData(created.card, 'plan.save')?.caseId;
  if (typeof caseId !== 'string') throw new Error(`no plan card after accepting: ${cardText(created.card).slice(0, 300)}`);
  return { card: created.card!, caseId };
}

/** The override form: its copies of the case fields carry a prefix (input ids are unique per card). */
export function overrideForm(draftId: string, channelId: string, reference: string, chosen: string, reason: string): Record<string, string> {
  return {
    draftId,
    overrideCaseReference: reference,
    overrideChildPseudonym: 'AB',
    overrideChannelId: channelId,
    overrideStartDate: '2026-01-05',
    chosen,
    chosenVariant: '',
    reason,
  };
}
