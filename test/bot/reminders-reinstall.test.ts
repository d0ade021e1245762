import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEAM_BACK_MESSAGE } from '../../bot/reminders/hooks.js';
import { actionData, BOT_ID, cardText, type BotClient } from '../support/bot-client.js';
import { startTestBot, type TestBot } from '../support/bot-server.js';
import { startConnectorStandin, type ConnectorStandin, type RecordedRequest } from '../support/connector-standin.js';
import { answerSteps, caseForm, FAMILIES, startInterview } from '../support/interview.js';

/**
 * The app removed from a team and added again, end to end: the bot on its real /api/messages with
 * its own dispatcher sweeping every second, posting to the connector stand-in. Reminders are made
 * due by moving their time while the bot is stopped (the schedule itself is months ahead).
 */
const CHANNEL = '19:familie-genindsat@thread.tacv2';
const TEAM = '19:familie-team-g@thread.tacv2';
const FALLBACK = 'ikke længere er med i sagens kanal';
const SLOW = { timeout: 240_000 };
/** Far enough ahead that no review of the case is due until the test says so. */
const form = (draftId: string, reference: string) => ({ ...caseForm(draftId, CHANNEL, reference), startDate: '2030-01-07' });

let bot: TestBot;
let connector: ConnectorStandin;
let channel: BotClient;
let tenantId: string;
let caseworker: BotClient;
const me = () => bot.client({ tenantId, userName: 'Sanne Sagsbehandler', userId: caseworker.userId, conversationId: caseworker.conversationId, serviceUrl: connector.url });

beforeAll(async () => {
  connector = await startConnectorStandin();
  bot = await startTestBot({ REMINDER_SWEEP_SECONDS: '1' });
  const installer = bot.client({ serviceUrl: connector.url });
  tenantId = installer.tenantId;
  channel = installer.with({ kind: 'channel', conversationId: CHANNEL, channelId: CHANNEL, teamId: TEAM, teamName: 'Familieafdelingen', serviceUrl: connector.url });
  await channel.install();
  caseworker = bot.client({ tenantId, userName: 'Sanne Sagsbehandler', serviceUrl: connector.url });
  caseworker.joinTeam(TEAM);
}, 240_000);

afterAll(async () => {
  await bot?.stop();
  await connector?.close();
}, 60_000);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function until<T>(what: string, find: () => T | undefined, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`gave up waiting: ${what}`);
    await sleep(50);
  }
}

/** The case's next pending reminder becomes due now; the bot is stopped for it and started again. */
async function nextReminderDue(reference: string): Promise<void> {
  const db = await bot.inspect();
  try {
    const rows = await db.query(
      `UPDATE reminders SET next_attempt_at = now() - interval '1 minute' WHERE reminder_id = (
         SELECT r.reminder_id FROM reminders r JOIN reminder_cases c USING (tenant_id, case_id)
         WHERE c.case_ref = $1 AND r.state = 'pending' ORDER BY r.fire_at LIMIT 1) RETURNING reminder_id`,
      [reference],
    );
    expect(rows, `a pending reminder of ${reference}`).toHaveLength(1);
  } finally {
    await db.close();
  }
  await bot.restart();
}

const inChannel = (r: RecordedRequest) => r.conversationId.split(';')[0] === CHANNEL;
const textOf = (r: RecordedRequest): string => {
  const activity = (r.body.activity ?? r.body) as { text?: string; attachments?: { content: unknown }[] };
  return [activity.text ?? '', ...(activity.attachments ?? []).map((a) => cardText(a.content as Record<string, unknown>))].join('\n');
};
const reminderPosts = (reference: string) => connector.posts().filter((p) => textOf(p).includes(reference));

/** The result card of a new interview: which channels it offers for the case. */
async function resultCard(): Promise<Record<string, unknown>> {
  const { draftId } = await startInterview(me());
  const result = await answerSteps(me(), draftId, FAMILIES.level2);
  return Object.assign(result.card!, { draftId });
}

describe('the app removed from a team and added again, over /api/messages', SLOW, () => {
  it('sends reminders to personal chat while the channel refuses, and back to the channel once the install notices arrive', async () => {
    const first = await resultCard();
    expect(JSON.stringify(first), 'the team channel is offered while the app is there').toContain(CHANNEL);
    const created = await me().execute('case.accept', form(first.draftId as string, 'SAG-GENIND-1'));
    expect(cardText(created.card)).toContain('SAG-GENIND-1');

    // The app is removed from the team: Teams says so, and the channel refuses the bot's posts.
    expect(await channel.uninstall()).toBe(200);
    connector.fail(CHANNEL, { status: 403, code: 'BotNotInConversationRoster' });
    expect(JSON.stringify(await resultCard()), 'a team without the app is no choice for a new case').not.toContain(CHANNEL);

    await nextReminderDue('SAG-GENIND-1');
    const fallback = await until('the reminder in the caseworker’s personal chat', () => reminderPosts('SAG-GENIND-1').find((p) => !inChannel(p)));
    expect(textOf(fallback), 'it tells the caseworker to add the app to the team again').toContain(FALLBACK);
    expect(connector.requests.filter((r) => inChannel(r) && r.status === 403).length, 'the channel was asked and refused').toBeGreaterThan(0);
    expect(connector.posts().filter(inChannel), 'nothing got into the channel').toHaveLength(0);
    const personalChat = fallback.conversationId;

    // Added again. Teams sends an installationUpdate and a conversationUpdate (the bot among
    // membersAdded), and either may come alone: the first brings the team back, the second changes nothing.
    connector.fail(CHANNEL, { status: 403, times: 0 });
    const teamBack = () => connector.posts().filter((p) => p.conversationId === personalChat && textOf(p).includes(TEAM_BACK_MESSAGE));
    expect((await channel.post({ type: 'installationUpdate', action: 'add', deliveryMode: 'expectReplies' })).status).toBe(200);
    const told = await until('the caseworker told in personal chat that the team is back', () => teamBack()[0]);
    expect(told.tenantId).toBe(tenantId);
    expect((await channel.post({ type: 'conversationUpdate', membersAdded: [{ id: BOT_ID }], deliveryMode: 'expectReplies' })).status).toBe(200);

    const before = reminderPosts('SAG-GENIND-1').length;
    await nextReminderDue('SAG-GENIND-1');
    const next = await until('the next reminder', () => reminderPosts('SAG-GENIND-1').slice(before)[0]);
    expect(inChannel(next), `the next reminder went to the channel, not to ${next.conversationId}`).toBe(true);
    expect(textOf(next)).not.toContain(FALLBACK);
    expect(teamBack(), 'told once, though both notices came').toHaveLength(1);

    // The channel is a choice for a new case again, and the case is created in it.
    const again = await resultCard();
    expect(JSON.stringify(again), 'the team channel is offered again').toContain(CHANNEL);
    const second = await me().execute('case.accept', form(again.draftId as string, 'SAG-GENIND-2'));
    expect(actionData(second.card, 'case.accept'), 'the case card, not the result card again').toBeUndefined();
    expect(cardText(second.card)).toContain('SAG-GENIND-2');
  });
});
