import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../bot/config.js';
import { createLogger } from '../../bot/logger.js';
import { startServer, type RunningServer } from '../../bot/server.js';
import { createStorage } from '../../bot/storage/storage.js';
import { actionData, BotClient, cardsIn, cardText } from '../support/bot-client.js';
import { sharedConnectorStandin } from '../support/connector-standin.js';
import { realPostgres, type TestPostgres } from '../support/db.js';
import { seedCase } from '../support/tab-fixtures.js';
import { TEXTS } from '../../bot/conversation/texts.js';

/**
 * The summary's chat doors through the real bot over HTTP: "resumé <reference>" in a meeting
 * chat and the message extension's search invoke; and the tab on the same server. The case is
 * written to the same PostgreSQL database the bot reads, as the intake would have written it.
 */
const TENANT = '11111111-2222-4333-8444-555555555555';
const REFERENCE = 'SAG-2026-0042';

let db: TestPostgres;
let server: RunningServer;
let caseworker: BotClient;
let outsider: BotClient;
let caseId: string;

beforeAll(async () => {
  db = await realPostgres('tab_doors');
  caseId = (await seedCase(createStorage(db), { tenantId: TENANT, reference: REFERENCE, caseworkerId: 'caseworker-oid' })).caseId;
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: await mkdtemp(join(tmpdir(), 'doors-')), DATABASE_URL: db.url, LOG_LEVEL: 'silent', ALLOW_UNAUTHENTICATED_LOCAL: 'true' });
  server = await startServer(config, { logger: createLogger('silent') });
  // A meeting chat is a group chat to the bot; there it answers only when @mentioned.
  caseworker = new BotClient({ url: server.url, tenantId: TENANT, userId: 'caseworker-oid', kind: 'groupChat', conversationId: '19:meeting_abc@thread.v2' });
  outsider = caseworker.with({ userId: 'outsider-oid', userName: 'Ole Udenfor' });
  // The caseworker is in the case's team, where the bot is installed (a case is its team's: doors.ts).
  await caseworker.with({ kind: 'channel', conversationId: '19:team-familie-general@thread.tacv2', teamId: 'team-familie' }).install();
}, 120_000);
afterAll(async () => {
  await server?.close();
  await db?.close();
});

const auditOrigins = async (action: string) =>
  (await db.query<{ origin: string; actor_id: string }>(`SELECT origin, actor_id FROM audit_log WHERE tenant_id = $1 AND action = $2 AND case_id = $3::uuid ORDER BY audit_id`, [TENANT, action, caseId]));

describe('"resumé <reference>" in a meeting chat, where everyone reads along', () => {
  const MEETING = '19:meeting_abc@thread.v2';
  const postsToMeeting = async () => (await sharedConnectorStandin()).posts().filter((p) => p.conversationId === MEETING);

  it('answers with a prompt that holds nothing of the case, for anyone to see', async () => {
    const before = (await postsToMeeting()).length;
    const [card] = cardsIn(await caseworker.say(`resumé ${REFERENCE}`, { mention: true }));
    const text = cardText(card);
    expect(text).toContain('Alle i denne chat kan læse med');
    expect(text).not.toContain('(AB)');
    expect(text).not.toContain('Niveau 2');
    expect(actionData(card, 'summary.view')).toMatchObject({ caseReference: REFERENCE });
    expect(actionData(card, 'summary.share.ask')).toMatchObject({ caseReference: REFERENCE });
    expect((await postsToMeeting()).length, 'nothing posted for the chat besides the reply').toBe(before);
  });

  it('shows the summary to the caseworker alone on «Vis kun for mig», and audits the view as a chat read', async () => {
    const viewed = await caseworker.execute('summary.view', { caseReference: REFERENCE });
    const text = cardText(viewed.card);
    expect(text).toContain(`Sag ${REFERENCE} (AB)`);
    expect(text).toContain('Niveau 2: intensiv praktisk pædagogisk støtte');
    expect(text).toContain('Afsnit i standarden · pps.kriterier.2');
    expect(Buffer.byteLength(JSON.stringify(viewed.card))).toBeLessThan(80 * 1024);
    expect(await auditOrigins('summary.view')).toContainEqual({ origin: 'chat', actor_id: 'caseworker-oid' });
  });

  it('refuses a participant outside the case’s team, shows nothing of the case, and audits the refusal', async () => {
    const [prompt] = cardsIn(await outsider.say(`resumé ${REFERENCE}`, { mention: true }));
    expect(cardText(prompt)).not.toContain('Niveau 2');
    for (const verb of ['summary.view', 'summary.share.ask', 'summary.share']) {
      const refused = await outsider.execute(verb, { caseReference: REFERENCE, members: '2' });
      expect(cardText(refused.card), verb).toContain('Jeg fandt ingen sag');
      expect(cardText(refused.card), verb).not.toContain('(AB)');
    }
    expect(await auditOrigins('case.access-refused')).toContainEqual({ origin: 'chat', actor_id: 'outsider-oid' });
  });

  it('does not show the summary through the Action.Submit fallback, whose answer the whole chat would read', async () => {
    const replies = cardsIn(await caseworker.submit({ verb: 'summary.view', caseReference: REFERENCE }));
    expect(cardText(replies[0])).toContain('Her kan alle i chatten læse med');
    expect(cardText(replies[0])).not.toContain('(AB)');
  });

  it('shares only after naming the audience, posts the summary for the chat, and logs the share with the chat and its size', async () => {
    const asked = await caseworker.execute('summary.share.ask', { caseReference: REFERENCE });
    const text = cardText(asked.card);
    expect(text).toContain('Chatten har 2 deltagere');
    expect(text).toContain('1 af dem er ikke i sagens team: Ole Udenfor');
    expect(text).not.toContain('Niveau 2');
    const share = actionData(asked.card, 'summary.share');
    expect(share).toMatchObject({ caseReference: REFERENCE, members: '2' });

    const before = (await postsToMeeting()).length;
    const shared = await caseworker.execute('summary.share', share!);
    expect(cardText(shared.card)).toContain('er delt i chatten med 2 deltagere');
    const posts = await postsToMeeting();
    expect(posts.length).toBe(before + 1);
    expect(cardText(posts.at(-1)!.body.attachments[0].content)).toContain(`Sag ${REFERENCE} (AB)`);
    const [row] = await db.query<{ actor_id: string; details: Record<string, unknown> }>(
      `SELECT actor_id, details FROM audit_log WHERE tenant_id = $1 AND action = 'summary.share' AND case_id = $2::uuid`,
      [TENANT, caseId],
    );
    expect(row).toEqual({ actor_id: 'caseworker-oid', details: { conversationId: MEETING, members: 2, outsideTeam: 1 } });
  });

  it('asks again when the chat has changed since the audience was shown', async () => {
    const shared = await caseworker.execute('summary.share', { caseReference: REFERENCE, members: '5' });
    expect(cardText(shared.card)).toContain('Chatten har 2 deltagere');
  });
});

describe('the message extension search', () => {
  const search = (client: BotClient, reference: string) =>
    client.post({ type: 'invoke', name: 'composeExtension/query', value: { commandId: 'findCase', parameters: [{ name: 'reference', value: reference }], queryOptions: { skip: 0, count: 25 } } });

  const attachment = async (response: Response) => {
    expect(response.status).toBe(200);
    const body = (await response.json()) as { composeExtension: { type: string; attachments: { contentType: string; content: object }[] } };
    expect(body.composeExtension.type).toBe('result');
    expect(body.composeExtension.attachments[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    return cardText(body.composeExtension.attachments[0]?.content as Record<string, unknown>);
  };

  it('answers a search by reference with the summary card as an attachment, outside a group chat', async () => {
    expect(await attachment(await search(caseworker.with({ kind: 'personal', conversationId: 'a:personal-doors' }), REFERENCE))).toContain(`Sag ${REFERENCE} (AB)`);
    expect(await auditOrigins('summary.view')).toContainEqual({ origin: 'message-extension', actor_id: 'caseworker-oid' });
  });

  it('inserts into a meeting chat the prompt only, which shows nothing of the case to those who read along', async () => {
    const text = await attachment(await search(caseworker, REFERENCE));
    expect(text).toContain('Alle i denne chat kan læse med');
    expect(text).not.toContain('(AB)');
  });

  it('answers an unknown reference with a Danish message, not an error', async () => {
    const response = await search(caseworker, 'SAG-0000-0000');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ composeExtension: { type: 'message', text: TEXTS.caseNotFound.da } });
  });

  it('speaks English to a searcher whose Teams is English: the card, its labels, its dates and the refusal', async () => {
    const english = caseworker.with({ kind: 'personal', conversationId: 'a:personal-doors-en', locale: 'en-US' });
    const text = await attachment(await search(english, REFERENCE));
    expect(text).toContain(`Case ${REFERENCE} (AB)`);
    expect(text).toContain('Level 2: intensive practical pedagogical support');
    expect(text).toContain('Next due date');
    expect(text).toMatch(/\b\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) 20\d\d\b/);
    // The "• " lines are the rules' reasons and warnings, Danish until rules/ has English texts.
    const ownWords = text.split('\n').filter((line) => !line.startsWith('• ')).join('\n');
    expect(ownWords).not.toMatch(/Sagsresumé|Næste frist|Besluttet af|Niveau 2|Frister\b/);
    const refused = await search(english, 'SAG-0000-0000');
    expect(await refused.json()).toEqual({ composeExtension: { type: 'message', text: TEXTS.caseNotFound.en } });
  });
});

describe('the tab on the bot’s own server', () => {
  it('serves the page, and runs in local development mode only because it listens on loopback without an app id', async () => {
    expect((await fetch(`${server.url}/tab/`)).status).toBe(200);
    expect(await (await fetch(`${server.url}/api/tab/config`)).json()).toEqual({ mode: 'dev', overview: true });
  });
});
