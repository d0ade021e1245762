import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionData, BOT_ID, cardsIn, cardText, type BotClient } from '../support/bot-client.js';
import { startTestBot, type TestBot } from '../support/bot-server.js';
import { answerSteps, caseForm, FAMILIES, startInterview } from '../support/interview.js';

// A municipality whose caseworker installs the app for themselves before anyone added it to a team.
const SLOW = { timeout: 180_000 };
let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot();
}, 240_000);
afterAll(() => bot.stop(), 60_000);

const NOT_CREATED = { da: 'Sagen blev ikke oprettet', en: 'The case was not created' };
const HOW_TO = { da: 'Tilføj til et team', en: 'Add to a team' };

describe('the welcome on install', () => {
  it('greets once, in the client\'s language, when the conversationUpdate carries no locale (as the Agents Playground sends it)', async () => {
    const me: BotClient = bot.client({ userName: 'Nina Nyansat', locale: 'en-US' });
    // The conversationUpdate without a locale, then the installationUpdate with the client's.
    const added = await me.post({ type: 'conversationUpdate', locale: undefined, membersAdded: [{ id: BOT_ID }], deliveryMode: 'expectReplies' });
    const installed = await me.post({ type: 'installationUpdate', action: 'add', entities: [{ type: 'clientInfo', locale: 'en-US' }], deliveryMode: 'expectReplies' });
    const welcomes = [
      ...(((await added.json()) as { activities?: [] }).activities ?? []),
      ...(((await installed.json()) as { activities?: [] }).activities ?? []),
    ];
    const cards = cardsIn(welcomes);
    expect(cards, 'one welcome for the two install notices').toHaveLength(1);
    expect(cardText(cards[0]), 'in English, the client\'s language').toContain('Add to a team');
    expect(cardText(cards[0])).not.toContain('Tilføj til et team');
  });
});

describe.each(['da', 'en'] as const)('the first case of a newcomer (%s)', SLOW, (lang) => {
  it('is welcomed with how to add the app to a team, sees no error before pressing, and creates the case once the team has the app', async () => {
    const team = `19:first-team-${lang}@thread.tacv2`;
    const channel = `19:first-general-${lang}@thread.tacv2`;
    const me: BotClient = bot.client({ userName: 'Nina Nyansat', locale: lang === 'da' ? 'da-DK' : 'en-US' });
    me.joinTeam(team);

    const [welcome] = cardsIn(await me.install());
    expect(cardText(welcome), 'the personal welcome says how to add the app to a team').toContain(HOW_TO[lang]);

    const { draftId } = await startInterview(me);
    const result = await answerSteps(me, draftId, FAMILIES.level1);
    const shown = cardText(result.card);
    expect(shown, 'no error before the caseworker has pressed anything').not.toContain(NOT_CREATED[lang]);
    expect(shown, 'the result card says how to add the app to a team').toContain(HOW_TO[lang]);
    expect(JSON.stringify(result.card), 'no channel picker without channels').not.toContain('"id":"channelId"');

    // Pressed anyway: now, and only now, the case was not created, with the reason.
    const pressed = await me.execute('case.accept', { ...caseForm(draftId, '', 'SAG-FOERSTE-1'), channelId: '' });
    expect(cardText(pressed.card)).toContain(NOT_CREATED[lang]);
    expect(JSON.stringify(pressed.card), 'what was typed is kept').toContain('SAG-FOERSTE-1');

    // A team owner adds the app to the team; pressing again offers the channel instead of the steps.
    await bot.client({ tenantId: me.tenantId, kind: 'channel', conversationId: channel, teamId: team, teamName: 'Familieteamet' }).install();
    const again = await me.execute('case.accept', { ...caseForm(draftId, '', 'SAG-FOERSTE-1'), channelId: '' });
    expect(JSON.stringify(again.card), 'the channel picker is there now').toContain('"id":"channelId"');
    expect(cardText(again.card)).not.toContain(HOW_TO[lang]);
    expect(cardText(again.card), 'a new channel to choose is information, not an error').not.toContain(NOT_CREATED[lang]);
    expect(cardText(again.card)).toContain(lang === 'da' ? 'Familiestøtte er nu med i jeres team' : 'Familiestøtte is in your team now');

    const created = await me.execute('case.accept', caseForm(draftId, channel, 'SAG-FOERSTE-1'));
    expect(actionData(created.card, 'case.accept'), 'the case card, not the result card again').toBeUndefined();
    expect(cardText(created.card)).toContain('SAG-FOERSTE-1');

    // "find" picked from the command menu arrives bare: it asks for the case number, not the standards.
    const [ask] = cardsIn(await me.say('find'));
    expect(cardText(ask)).toContain(lang === 'da' ? 'Hvilken sag vil du se?' : 'Which case do you want to see?');
    expect(actionData(ask, 'case.mine'), 'offers "Mine sager" in the personal chat').toBeDefined();
    const opened = await me.execute('case.open', { ...actionData(ask, 'case.open'), caseReference: 'SAG-FOERSTE-1' });
    expect(cardText(opened.card)).toContain('SAG-FOERSTE-1');
    const [askPlan] = cardsIn(await me.say('plan'));
    const plan = await me.execute('plan.edit', { ...actionData(askPlan, 'plan.edit'), caseReference: 'SAG-FOERSTE-1' });
    expect(actionData(plan.card, 'plan.save'), 'the plan card of the case named in the form').toBeDefined();
  });
});
