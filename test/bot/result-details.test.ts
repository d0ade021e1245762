import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEXTS } from '../../bot/conversation/texts.js';
import { CARD_BUDGET_BYTES, cardBytes } from '../../cards/template.js';
import { VERBS } from '../../cards/verbs.js';
import { allObjects, executeActions } from '../support/card-json.js';
import { cardsIn, cardText, type BotClient } from '../support/bot-client.js';
import { startTestBot, type TestBot } from '../support/bot-server.js';
import { answerSteps, caseForm, FAMILIES, startInterview } from '../support/interview.js';

/**
 * The result card's background through real activities: one tap from the result card, the same
 * decision, the way back with what was typed, and the same door as the result card's own buttons
 * (the draft's owner, in the personal chat).
 */

const CHANNEL = '19:details-general@thread.tacv2';
const TEAM = '19:details-team@thread.tacv2';

let bot: TestBot;
let caseworker: BotClient;
let colleague: BotClient;
let draftId: string;
let resultCard: Record<string, unknown> | undefined;

beforeAll(async () => {
  bot = await startTestBot({ REMINDER_SWEEP_SECONDS: '0' });
  caseworker = bot.client({ userName: 'Sanne Sagsbehandler' });
  caseworker.joinTeam(TEAM);
  colleague = bot.client({ tenantId: caseworker.tenantId, userName: 'Kim Kollega' });
  colleague.joinTeam(TEAM);
  await caseworker.with({ kind: 'channel', conversationId: CHANNEL, teamId: TEAM }).install();
  ({ draftId } = await startInterview(caseworker));
  const result = await answerSteps(caseworker, draftId, FAMILIES.level2);
  resultCard = result.card;
  expect(cardText(resultCard)).toContain('Niveau 2');
}, 240_000);
afterAll(() => bot?.stop(), 60_000);

const detailsOf = (card: unknown) => executeActions(card).find((a) => a['verb'] === VERBS.resultDetails);

describe("the result card's background", { timeout: 180_000 }, () => {
  it('is one tap from the result card and shows why not, the legal basis and the standard’s words of the same decision, within 12 KB', async () => {
    const button = detailsOf(resultCard);
    expect(button, 'the result card has the background button').toBeDefined();
    expect(button!['fallback']).toMatchObject({ type: 'Action.Submit', data: button!['data'] });
    const details = await caseworker.execute(VERBS.resultDetails, button!['data'] as Record<string, unknown>);
    const text = cardText(details.card);
    expect(text).toContain('Hvorfor ikke de andre udfald?');
    expect(text).toContain('Lovgrundlag');
    expect(text).toContain('Standardens ordlyd');
    expect(text).toContain('Niveau 2');
    expect(cardBytes(details.card!)).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
    // As an Action.Submit (an older client) it comes as a message, the result card staying where it is.
    const [submitted] = cardsIn(await caseworker.submit(button!['data'] as Record<string, unknown>));
    expect(cardText(submitted)).toContain('Hvorfor ikke de andre udfald?');
  });

  it('leads back to the same recommendation with what was typed in its forms, and the case is then created as recommended', async () => {
    const typed = { caseReference: 'SAG-DETAILS-1', childPseudonym: 'QX', reason: 'Familien har selv bedt om færre besøg.' };
    const details = await caseworker.execute(VERBS.resultDetails, { draftId, ...typed, verb: VERBS.resultDetails });
    const back = executeActions(details.card).find((a) => a['verb'] === VERBS.resultShow);
    expect(back?.['data']).toMatchObject({ draftId, ...typed });
    const again = await caseworker.execute(VERBS.resultShow, back!['data'] as Record<string, unknown>);
    expect(cardText(again.card)).toContain('Niveau 2: Intensiv praktisk pædagogisk støtte');
    const values = Object.fromEntries(allObjects(again.card).filter((o) => typeof o['id'] === 'string' && 'value' in o).map((o) => [o['id'], o['value']]));
    expect(values).toMatchObject(typed);
    const created = await caseworker.execute(VERBS.caseAccept, caseForm(draftId, CHANNEL, 'SAG-DETAILS-1'));
    expect(cardText(created.card)).toContain('SAG-DETAILS-1');
    expect(cardText(created.card)).toContain('Niveau 2');
  });

  it('is refused to anyone but the draft’s owner, and outside the personal chat, showing nothing of the decision', async () => {
    const { draftId: mine } = await startInterview(caseworker);
    await answerSteps(caseworker, mine, FAMILIES.level1);
    for (const verb of [VERBS.resultDetails, VERBS.resultShow]) {
      // A colleague of the same team with the caseworker's draft id, in their own personal chat.
      const theirs = cardText((await colleague.execute(verb, { draftId: mine })).card);
      expect(theirs, `${verb} for a colleague`).toContain(TEXTS.draftGone.da);
      expect(theirs).not.toMatch(/Niveau 1|Hvorfor ikke|Lovgrundlag/u);
      const inChannel = cardText((await caseworker.with({ kind: 'channel', conversationId: CHANNEL, teamId: TEAM }).execute(verb, { draftId: mine })).card);
      expect(inChannel, `${verb} in a channel`).toContain(TEXTS.onlyInPersonalChat.da);
      const inGroup = cardText((await caseworker.with({ kind: 'groupChat', conversationId: '19:details-group@thread.v2' }).execute(verb, { draftId: mine })).card);
      expect(inGroup, `${verb} in a group chat`).toContain(TEXTS.noCaseContentInGroupChat.da);
      expect(inGroup).not.toMatch(/Niveau 1|Hvorfor ikke/u);
    }
    // The owner still has it.
    expect(cardText((await caseworker.execute(VERBS.resultDetails, { draftId: mine })).card)).toContain('Hvorfor ikke de andre udfald?');
  });
});
