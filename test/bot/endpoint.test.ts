import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionData, cardsIn, cardText } from '../support/bot-client.js';
import { startTestBot, type TestBot } from '../support/bot-server.js';

describe('POST /api/messages without a bot registration (local run)', { timeout: 180_000 }, () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot();
  }, 240_000);
  afterAll(() => bot.stop(), 60_000);

  it('answers GET /health with 200 once it takes turns', async () => {
    const response = await fetch(`${bot.server.url}/health`);
    expect(response.status).toBe(200);
  });

  it.each(['hjælp', 'help'])('answers "%s" with the help card', async (text) => {
    const cards = cardsIn(await bot.client().say(text));
    expect(cards).toHaveLength(1);
    expect(actionData(cards[0], 'intake.start'), 'help offers to start a new case').toBeDefined();
  });

  it('answers free text as a question about the standards: passages verbatim with ids, and the commands', async () => {
    const replies = await bot.client().say('hvor længe kan en hjemmepædagogisk indsats vare?');
    const text = replies.map((r) => r.text ?? '').join('\n');
    expect(text).toContain('hpi.4.varighed');
    expect(text).toContain('Den pædagogiske indsats i familien kan vare op til 10 måneder (40 uger)');
    expect(text).toMatch(/ny sag/);
  });

  it.each(['ny sag', 'new case'])('starts an interview on "%s"', async (text) => {
    const [card] = cardsIn(await bot.client().say(text));
    expect(actionData(card, 'intake.next')).toMatchObject({ stepId: 'child' });
  });

  it('answers in English when Teams says the user reads English', async () => {
    const [card] = cardsIn(await bot.client({ locale: 'en-GB' }).say('new case'));
    expect(cardText(card)).toMatch(/Next/);
  });

  it('stays quiet in a channel unless @mentioned, and strips the mention', async () => {
    const channel = bot.client({ kind: 'channel', conversationId: '19:general-endpoint@thread.tacv2' });
    expect(await channel.say('ny sag')).toEqual([]);
    // Understood once mentioned: the interview is for the personal chat, not for the whole channel.
    const [card] = cardsIn(await channel.say('ny sag', { mention: true }));
    expect(cardText(card)).toContain('1:1-chat');
    expect(actionData(card, 'intake.next')).toBeUndefined();
  });

  it('answers a malformed card action with 400 and a Danish message instead of failing the turn', async () => {
    const response = await bot.client().post({ type: 'invoke', name: 'adaptiveCard/action', value: { action: 'not an action' } });
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toMatch(/kunne ikke læses/);
  });

  it('answers an unknown verb with a Danish message', async () => {
    const result = await bot.client().execute('case.delete-everything', {});
    expect(cardText(result.card)).toMatch(/kender jeg ikke/);
  });
});

describe('POST /api/messages with MicrosoftAppId configured', { timeout: 180_000 }, () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot({ MicrosoftAppId: '6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f', MicrosoftAppPassword: 'not-used-offline' });
  }, 240_000);
  afterAll(() => bot.stop(), 60_000);

  it.each([
    ['no Authorization header', {}],
    ['a token that is not a Bot Framework token', { authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.' }],
  ])('refuses a request with %s with 401, and no turn runs', async (_what, headers) => {
    const client = bot.client({ headers });
    const response = await client.post({ type: 'message', text: 'ny sag', deliveryMode: 'expectReplies' });
    expect(response.status).toBe(401);
    const db = await bot.inspect();
    try {
      expect(await db.query('SELECT * FROM intake_drafts')).toEqual([]);
      expect(await db.query('SELECT * FROM audit_log')).toEqual([]);
    } finally {
      await db.close();
    }
    await bot.restart();
  });
});

describe('ALLOWED_TENANTS', { timeout: 180_000 }, () => {
  const allowed = '3f0b5a7c-0000-4000-8000-0000000000aa';
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot({ ALLOWED_TENANTS: allowed });
  }, 240_000);
  afterAll(() => bot.stop(), 60_000);

  it('refuses the message extension search from any other tenant too', async () => {
    const response = await bot.client().post({ type: 'invoke', name: 'composeExtension/query', value: { commandId: 'findCase', parameters: [{ name: 'reference', value: 'SAG-1' }] } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ composeExtension: { type: 'message', text: expect.stringMatching(/ikke slået til for din organisation/) } });
  });

  it('serves a listed tenant and tells anyone else in Danish that the app is not enabled, storing nothing', async () => {
    const [card] = cardsIn(await bot.client({ tenantId: allowed }).say('ny sag'));
    expect(actionData(card, 'intake.next')).toMatchObject({ stepId: 'child' });

    const stranger = bot.client();
    const replies = await stranger.say('ny sag');
    expect(replies.map((r) => r.text).join(' ')).toMatch(/ikke slået til for din organisation/);
    const db = await bot.inspect();
    try {
      expect(await db.query('SELECT * FROM intake_drafts WHERE tenant_id = $1', [stranger.tenantId])).toEqual([]);
    } finally {
      await db.close();
    }
  });
});
