import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTCOME_TITLES } from '../../cards/outcome-text.js';
import type { Outcome } from '../../rules/decision-types.js';
import { actionData, cardsIn, cardText, type BotClient } from '../support/bot-client.js';
import { startTestBot, type TestBot } from '../support/bot-server.js';
import { answerSteps, caseForm, FAMILIES, overrideForm, startInterview } from '../support/interview.js';

const CHANNEL = '19:general-familie@thread.tacv2';
const TEAM = '19:familie-team@thread.tacv2';
// Each test starts PGlite-backed turns on a shared machine; give them room.
const SLOW = { timeout: 180_000 };

let bot: TestBot;
let tenantId: string;

beforeAll(async () => {
  bot = await startTestBot();
  const installer = bot.client();
  tenantId = installer.tenantId;
  await installer.with({ kind: 'channel', conversationId: CHANNEL, teamId: TEAM, teamName: 'Familieafdelingen' }).install();
}, 240_000);
afterAll(() => bot.stop(), 60_000);

/** A caseworker of the municipality's family team, in a personal chat of their own. */
const caseworker = (): BotClient => {
  const me = bot.client({ tenantId, userName: 'Sanne Sagsbehandler' });
  me.joinTeam(TEAM);
  return me;
};

/** The case as the caseworker finds it again by its reference: read back from storage. */
async function foundCase(me: BotClient, reference: string): Promise<string> {
  const [card] = cardsIn(await me.say(`find ${reference}`));
  return cardText(card);
}

describe('the intake interview from "ny sag" to a stored case', SLOW, () => {
  it.each(['preventive', 'level1', 'level2', 'level3', 'none'] as const)('stores a %s case when the caseworker accepts the recommendation', async (outcome) => {
    const me = caseworker();
    const { draftId } = await startInterview(me);
    const result = await answerSteps(me, draftId, FAMILIES[outcome]);
    expect(cardText(result.card), 'the result card names the recommended outcome').toContain(OUTCOME_TITLES[outcome].da);
    expect(actionData(result.card, 'case.accept'), 'the result card offers to accept').toBeDefined();

    const created = await me.execute('case.accept', caseForm(draftId, CHANNEL, `SAG-${outcome}-1`));
    expect(cardText(created.card)).toContain(`SAG-${outcome}-1`);
    const found = await foundCase(me, `SAG-${outcome}-1`);
    expect(found).toContain(OUTCOME_TITLES[outcome].da);
  });

  it('shows the escalation as soon as the safety question is answered yes, and stores it as a case', async () => {
    const me = caseworker();
    const { draftId } = await startInterview(me);
    const afterSafety = await answerSteps(me, draftId, FAMILIES.escalate);
    expect(cardText(afterSafety.card).toLowerCase()).toContain('underret');
    expect(actionData(afterSafety.card, 'intake.next'), 'no further interview step before the escalation').toBeUndefined();

    await me.execute('case.accept', caseForm(draftId, CHANNEL, 'SAG-escalate-1'));
    expect(await foundCase(me, 'SAG-escalate-1')).toContain(OUTCOME_TITLES.escalate.da);
  });

  it('works the same through the Action.Submit fallback', async () => {
    const me = caseworker();
    const { draftId } = await startInterview(me);
    const replies = await me.submit({ verb: 'intake.next', draftId, stepId: 'child', ...FAMILIES.level1.child });
    const [card] = cardsIn(replies);
    expect(actionData(card, 'intake.next')?.stepId, 'the next card is the concern step').toBe('concern');
  });
});

describe('an interrupted interview', SLOW, () => {
  it('resumes where it stopped after the server restarts on the same data folder', async () => {
    const me = caseworker();
    const { draftId } = await startInterview(me);
    await answerSteps(me, draftId, { child: FAMILIES.level2.child, concern: FAMILIES.level2.concern });

    await bot.restart();

    const [card] = cardsIn(await me.say('fortsæt'));
    expect(actionData(card, 'intake.next')).toMatchObject({ draftId, stepId: 'family' });
    const { child: _child, concern: _concern, ...rest } = FAMILIES.level2;
    await answerSteps(me, draftId, rest);
    await me.execute('case.accept', caseForm(draftId, CHANNEL, 'SAG-genstart-1'));
    expect(await foundCase(me, 'SAG-genstart-1')).toContain(OUTCOME_TITLES.level2.da);
  });

  it('goes back to the previous step with the saved answers filled in, and a changed answer counts', async () => {
    const me = caseworker();
    const { draftId } = await startInterview(me);
    await answerSteps(me, draftId, { child: FAMILIES.level3.child, concern: { concern: 'concern', safetyConcern: 'false' } });

    const back = await me.execute('intake.back', { draftId, stepId: 'family' });
    expect(actionData(back.card, 'intake.next')).toMatchObject({ stepId: 'concern' });
    expect(JSON.stringify(back.card), 'the saved concern is shown again').toContain('"value":"concern"');

    // Changed from "bekymring" to "udpræget bekymring" on the way back: level 3, not level 1.
    const { child: _child, ...rest } = FAMILIES.level3;
    await answerSteps(me, draftId, rest);
    await me.execute('case.accept', caseForm(draftId, CHANNEL, 'SAG-tilbage-1'));
    expect(await foundCase(me, 'SAG-tilbage-1')).toContain(OUTCOME_TITLES.level3.da);
  });

  it('says in Danish that there is nothing to resume when no interview was started', async () => {
    const [card] = cardsIn(await caseworker().say('fortsæt'));
    expect(cardText(card)).toContain('ny sag');
  });
});

describe('overriding the recommendation', SLOW, () => {
  it('is refused without a reason, keeps what was typed, and stores nothing', async () => {
    const me = caseworker();
    const { draftId } = await startInterview(me);
    await answerSteps(me, draftId, FAMILIES.level1);

    const refused = await me.execute('case.override', overrideForm(draftId, CHANNEL, 'SAG-uden-grund', 'level2', ''));
    expect(cardText(refused.card)).toMatch(/begrundelse/i);
    expect(JSON.stringify(refused.card), 'the typed case reference is kept').toContain('SAG-uden-grund');
    expect(await foundCase(me, 'SAG-uden-grund')).toMatch(/ingen sag/i);
  });

  it('keeps the recommendation beside the chosen outcome and the reason', async () => {
    const me = caseworker();
    const { draftId } = await startInterview(me);
    await answerSteps(me, draftId, FAMILIES.level1);
    const reason = 'Familien har brug for tættere kontakt end ét besøg om ugen.';
    const created = await me.execute('case.override', overrideForm(draftId, CHANNEL, 'SAG-tilsidesat', 'level2', reason));
    const text = cardText(created.card);
    expect(text).toContain(OUTCOME_TITLES.level1.da);
    expect(text).toContain(OUTCOME_TITLES.level2.da);
    expect(text).toContain(reason);
    // The chosen measure's own due dates (level 2: a re-grant every 3 months), not level 1's.
    expect(text).toContain('Ny bevilling: har indsatsen effekt?');
  });
});

describe('what the database holds after these interviews', SLOW, () => {
  it('one case per accepted or overridden interview, with the recommendation, the choice and the reason', async () => {
    const db = await bot.inspect();
    try {
      const rows = await db.query<{ reference: string; recommended_outcome: Outcome; chosen_outcome: Outcome; override_reason: string | null; channel: string }>(
        `SELECT c.reference, d.recommended_outcome, d.chosen_outcome, d.override_reason, c.channel
         FROM cases c JOIN decisions d USING (tenant_id, case_id) ORDER BY c.reference`,
      );
      const accepted = (reference: string, outcome: Outcome) => ({ reference, recommended_outcome: outcome, chosen_outcome: outcome, override_reason: null, channel: CHANNEL });
      expect(rows).toEqual(
        [
          accepted('SAG-escalate-1', 'escalate'),
          accepted('SAG-genstart-1', 'level2'),
          accepted('SAG-level1-1', 'level1'),
          accepted('SAG-level2-1', 'level2'),
          accepted('SAG-level3-1', 'level3'),
          accepted('SAG-none-1', 'none'),
          accepted('SAG-preventive-1', 'preventive'),
          accepted('SAG-tilbage-1', 'level3'),
          { reference: 'SAG-tilsidesat', recommended_outcome: 'level1', chosen_outcome: 'level2', override_reason: 'Familien har brug for tættere kontakt end ét besøg om ugen.', channel: CHANNEL },
        ].sort((a, b) => a.reference.localeCompare(b.reference)),
      );
    } finally {
      await db.close();
    }
  });
});
