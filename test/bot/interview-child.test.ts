import { describe, expect, it } from 'vitest';
import { OUTCOME_TITLES } from '../../cards/outcome-text.js';
import { actionData, cardsIn, cardText, type BotClient, type CardJson } from '../support/bot-client.js';
import { botInTeam } from '../support/bot-server.js';
import { inputById as input } from '../support/card-json.js';
import { answerSteps, caseForm, FAMILIES, startInterview, type StepAnswers } from '../support/interview.js';

/**
 * The interview follows the child, over real HTTP to /api/messages: the age in years and months,
 * no checklists for 0–24 months for an older child, and a plan that starts from what was answered.
 */

const CHANNEL = '19:general-barn@thread.tacv2';
const TEAM = '19:barn-team@thread.tacv2';
const SLOW = { timeout: 180_000 };

const team = botInTeam({ channel: CHANNEL, team: TEAM });

const caseworker = (): BotClient => team.caseworker();


const choiceValues = (card: CardJson | undefined, id: string): unknown[] => ((input(card, id)?.choices as { value: unknown }[] | undefined) ?? []).map((c) => c.value);

const TWO_AND_A_HALF = { childBorn: 'born', childAgeYears: '2', childAgeMonths: '6', childLatePregnancy: '' };
const SEVEN = { childBorn: 'born', childAgeYears: '7', childAgeMonths: '', childLatePregnancy: '' };

/** A family the preventive course would suit but for the age: beginning concern, low complexity. */
const beginningConcern = (child: Record<string, string>): StepAnswers => ({
  child,
  concern: { concern: 'beginning', safetyConcern: 'false' },
  family: { complexity: 'low', problemDelimited: 'true', familyResourcesCarry: 'true' },
  investigation: FAMILIES.preventive.investigation,
  parents: FAMILIES.preventive.parents,
  special: FAMILIES.preventive.special,
});

describe('the interview for an older child', SLOW, () => {
  it('skips the checklists for 0–24 months for a child of 2 years and 6 months, and decides without them', async () => {
    const me = caseworker();
    const { draftId } = await startInterview(me);
    await answerSteps(me, draftId, { child: TWO_AND_A_HALF, concern: { concern: 'beginning', safetyConcern: 'false' } });
    const afterFamily = await me.execute('intake.next', { draftId, stepId: 'family', complexity: 'low', problemDelimited: 'true', familyResourcesCarry: 'true' });
    expect(actionData(afterFamily.card, 'intake.next')?.stepId, 'the step after the family is the assessment, not the checklists').toBe('investigation');
    expect(input(afterFamily.card, 'riskFactors_expecting'), 'no checklist for expectant parents').toBeUndefined();
    expect(cardText(afterFamily.card)).toContain('Trin 4 af 6');

    const result = await answerSteps(me, draftId, { investigation: FAMILIES.preventive.investigation, parents: FAMILIES.preventive.parents, special: FAMILIES.preventive.special });
    const text = cardText(result.card);
    expect(text, 'a decision, not a request for the checklists').toContain(OUTCOME_TITLES.none.da);
    expect(text).not.toContain(OUTCOME_TITLES['needs-information'].da);
    expect(actionData(result.card, 'case.accept')).toBeDefined();
    // 2 years and 6 months reached the rules as 30 months: the "why not" one tap away says so.
    const details = await me.execute('result.details', { draftId, verb: 'result.details' });
    expect(cardText(details.card)).toContain('Barnet er 30 måneder');
  });

  it('still asks the checklists of a child of 10 months, whose decision needs them', async () => {
    const me = caseworker();
    const { draftId } = await startInterview(me);
    const afterFamily = await answerSteps(me, draftId, { child: { childBorn: 'born', childAgeYears: '', childAgeMonths: '10', childLatePregnancy: '' }, concern: { concern: 'beginning', safetyConcern: 'false' }, family: { complexity: 'low', problemDelimited: 'true', familyResourcesCarry: 'true' } });
    expect(actionData(afterFamily.card, 'intake.next')?.stepId).toBe('risk');
    const result = await answerSteps(me, draftId, { investigation: FAMILIES.preventive.investigation, parents: FAMILIES.preventive.parents, special: FAMILIES.preventive.special });
    expect(cardText(result.card)).toContain(OUTCOME_TITLES['needs-information'].da);
    expect(input(result.card, 'riskFactorsReviewed'), 'the open question is the checklists').toBeDefined();
  });

  it('shows the age again as years and months, in Danish and in English', async () => {
    for (const [locale, years, months] of [
      ['da-DK', 'Barnets alder – hele år', 'Barnets alder – måneder ud over de hele år'],
      ['en-US', "The child's age – whole years", "The child's age – months beyond the whole years"],
    ] as const) {
      const me = caseworker().with({ locale });
      const { draftId, card } = await startInterview(me);
      expect(cardText(card)).toContain(years);
      expect(cardText(card)).toContain(months);
      await answerSteps(me, draftId, { child: TWO_AND_A_HALF });
      const back = await me.execute('intake.back', { draftId, stepId: 'concern' });
      expect([input(back.card, 'childAgeYears')?.value, input(back.card, 'childAgeMonths')?.value], locale).toEqual([2, 6]);
    }
  });
});

// Level 1 for a child of any age; no checklists, since neither child below is asked them.
const { risk: _checklists, ...level1 } = FAMILIES.level1;

describe('the plan starts from the interview', SLOW, () => {
  async function planAfter(me: BotClient, answers: StepAnswers, reference: string): Promise<CardJson | undefined> {
    const { draftId } = await startInterview(me);
    await answerSteps(me, draftId, answers);
    const created = await me.execute('case.accept', caseForm(draftId, CHANNEL, reference));
    expect(actionData(created.card, 'plan.save'), 'the plan card follows the case').toBeDefined();
    return created.card;
  }

  it('takes the Visitation Social answer, and offers the health visitor, daycare and PPR for a small child', async () => {
    const me = caseworker();
    const plan = await planAfter(me, { ...level1, child: TWO_AND_A_HALF, special: { ...FAMILIES.level1.special, receivesVisitationSocial: 'true' } }, 'BARN-2-6');
    expect(input(plan, 'visitationSocial')?.value, 'the interview said yes').toBe('true');
    expect(choiceValues(plan, 'referralSource')).toEqual(['health-visitor', 'daycare', 'ppr', 'gp', 'family', 'other']);
  });

  it('takes a "no" as well, and offers the school and PPR but no health visitor or daycare for a school child', async () => {
    const me = caseworker();
    const plan = await planAfter(me, { ...level1, child: SEVEN }, 'BARN-7');
    expect(input(plan, 'visitationSocial')?.value, 'the interview said no').toBe('false');
    expect(choiceValues(plan, 'referralSource')).toEqual(['school', 'ppr', 'gp', 'family', 'other']);
  });
});
