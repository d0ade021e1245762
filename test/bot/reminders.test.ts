import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardsIn, cardText, type BotClient } from '../support/bot-client.js';
import { startTestBot, type TestBot } from '../support/bot-server.js';
import { answerSteps, caseForm, FAMILIES, startInterview } from '../support/interview.js';

const CHANNEL = '19:familie-paamindelser@thread.tacv2';
const TEAM = '19:familie-team-p@thread.tacv2';
const SLOW = { timeout: 240_000 };

let bot: TestBot;
let channel: BotClient;
let tenantId: string;

beforeAll(async () => {
  // No background sweeps: the test decides when reminders are looked at.
  bot = await startTestBot({ REMINDER_SWEEP_SECONDS: '0' });
  const installer = bot.client();
  tenantId = installer.tenantId;
  channel = installer.with({ kind: 'channel', conversationId: CHANNEL, channelId: CHANNEL, teamId: TEAM, teamName: 'Familieafdelingen' });
  await channel.install();
}, 240_000);
afterAll(() => bot.stop(), 60_000);

describe('reminders in the bot, over HTTP', SLOW, () => {
  it('schedules a new case\'s reviews, which "påmindelser" in the team channel then lists', async () => {
    const me = bot.client({ tenantId, userName: 'Sanne Sagsbehandler' });
    const { draftId } = await startInterview(me);
    await answerSteps(me, draftId, FAMILIES.level2);
    await me.execute('case.accept', caseForm(draftId, CHANNEL, 'SAG-PAAMIND-1'));

    const [card] = cardsIn(await channel.say('påmindelser', { mention: true }));
    const text = cardText(card);
    expect(text).toContain('SAG-PAAMIND-1');
    expect(text).toContain('pps.omfang.2');
  });

  it('answers "påmindelser" outside a team with where to ask instead', async () => {
    const [card] = cardsIn(await bot.client({ tenantId }).say('påmindelser'));
    expect(cardText(card)).toContain('i teamets kanal');
  });

  it('routes a reminder card action to the reminders, which say when the reminder is unknown', async () => {
    const result = await bot.client({ tenantId }).execute('reminder.done', { reminderId: '999999', tenantId, decision: 'continue' });
    expect(cardText(result.card)).toContain('Påmindelsen kunne ikke findes');
  });
});
