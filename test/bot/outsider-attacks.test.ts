import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEXTS } from '../../bot/conversation/texts.js';
import { cardsIn, cardText, type BotClient } from '../support/bot-client.js';
import { startTestBot, type TestBot } from '../support/bot-server.js';
import { answerSteps, caseForm, FAMILIES, startInterview } from '../support/interview.js';

/**
 * What an outsider would try over /api/messages: payloads that name one case the door admits and
 * another it would not, activities naming two tenants, verbs and invokes that do not exist.
 */

const TEAM = '19:attack-team@thread.tacv2';
const CHANNEL = '19:attack-general@thread.tacv2';
const OWN = 'SAG-ATTACK-OWN';
const SECRET = 'SAG-ATTACK-SECRET';

let bot: TestBot;
let owner: BotClient;
let outsider: BotClient;
let ownCaseId: string;

async function createCase(client: BotClient, channel: string, reference: string, pseudonym: string): Promise<void> {
  const { draftId } = await startInterview(client);
  await answerSteps(client, draftId, FAMILIES.level2);
  expect(cardText((await client.execute('case.accept', { ...caseForm(draftId, channel, reference), childPseudonym: pseudonym })).card)).toContain(reference);
}

beforeAll(async () => {
  bot = await startTestBot({ REMINDER_SWEEP_SECONDS: '0' });
  owner = bot.client({ userName: 'Sanne Sagsbehandler' });
  outsider = bot.client({ tenantId: owner.tenantId, userName: 'Ole Udenfor' });
  await owner.with({ kind: 'channel', conversationId: CHANNEL, teamId: TEAM }).install();
  await createCase(owner, CHANNEL, SECRET, 'QX');
  // The outsider's own case, in a team of their own.
  await outsider.with({ kind: 'channel', conversationId: '19:own-general@thread.tacv2', teamId: '19:own-team@thread.tacv2' }).install();
  await createCase(outsider, '19:own-general@thread.tacv2', OWN, 'OW');
  const db = await bot.inspect();
  try {
    const [row] = await db.query<{ case_id: string }>('SELECT case_id::text FROM cases WHERE reference = $1', [OWN]);
    ownCaseId = row!.case_id;
  } finally {
    await db.close();
    await bot.restart();
  }
}, 300_000);
afterAll(() => bot?.stop(), 60_000);

describe('an outsider', { timeout: 120_000 }, () => {
  it('gets nothing of a forbidden case by naming it beside their own case in one payload', async () => {
    for (const verb of ['case.open', 'summary.view', 'summary.share.ask', 'note.form', 'notes.summary']) {
      const text = cardText((await outsider.execute(verb, { caseId: ownCaseId, caseReference: SECRET })).card);
      expect(text, verb).not.toContain('QX');
      expect(text, verb).not.toContain(SECRET);
    }
    // Their own case alone still opens.
    expect(cardText((await outsider.execute('case.open', { caseId: ownCaseId })).card)).toContain(OWN);
  });

  it('is no one when the activity names two tenants', async () => {
    const response = await owner.post({ type: 'message', text: `find ${SECRET}`, deliveryMode: 'expectReplies', channelData: { tenant: { id: '99999999-9999-4999-8999-999999999999' } } });
    const body = (await response.json()) as { activities?: { attachments?: { content: unknown }[]; text?: string }[] };
    const text = JSON.stringify(body);
    expect(text).not.toContain('QX');
    expect(text).toContain(TEXTS.noIdentity.da.slice(0, 30));
  });

  it('gets a refusal, not an error, for unknown verbs and invoke names', async () => {
    expect(cardText((await outsider.execute('case.delete', { caseReference: SECRET })).card)).toContain(TEXTS.unknownAction.da);
    const submitted = cardsIn(await outsider.submit({ verb: 'case.open', caseReference: SECRET })).map(cardText).join('\n');
    expect(submitted).not.toContain('QX');
    const invoke = await outsider.post({ type: 'invoke', name: 'composeExtension/fetchTask', value: { commandId: 'findCase' } });
    // botbuilder's "not implemented": refused without running anything, and without a crash (500).
    expect(invoke.status).toBe(501);
    expect(await invoke.text()).not.toContain('QX');
    const query = await outsider.post({ type: 'invoke', name: 'composeExtension/query', value: { commandId: 'deleteCase', parameters: [{ name: 'reference', value: SECRET }] } });
    expect(JSON.stringify(await query.json())).not.toContain('QX');
  });
});
