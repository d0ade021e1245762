import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../bot/config.js';
import { createLogger } from '../../bot/logger.js';
import { startServer, type RunningServer } from '../../bot/server.js';
import { createStorage } from '../../bot/storage/storage.js';
import { BotClient, cardsIn, cardText } from '../support/bot-client.js';
import { realPostgres, type TestPostgres } from '../support/db.js';
import { seedCase } from '../support/tab-fixtures.js';

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
  outsider = caseworker.with({ userId: 'outsider-oid' });
}, 120_000);
afterAll(async () => {
  await server?.close();
  await db?.close();
});

const auditOrigins = async (action: string) =>
  (await db.query<{ origin: string; actor_id: string }>(`SELECT origin, actor_id FROM audit_log WHERE tenant_id = $1 AND action = $2 AND case_id = $3::uuid ORDER BY audit_id`, [TENANT, action, caseId]));

describe('"resumé <reference>" in a meeting chat', () => {
  it('posts the summary card for the caseworker and audits the view as a chat read', async () => {
    const [card] = cardsIn(await caseworker.say(`resumé ${REFERENCE}`, { mention: true }));
    const text = cardText(card);
    expect(text).toContain(`Sag ${REFERENCE} (AB)`);
    expect(text).toContain('Niveau 2: intensiv praktisk pædagogisk støtte');
    expect(text).toContain('Kilde: pps.kriterier.2');
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(80 * 1024);
    expect(await auditOrigins('summary.view')).toContainEqual({ origin: 'chat', actor_id: 'caseworker-oid' });
  });

  it('tells a participant outside the case’s team that they have no access, and shows nothing of the case', async () => {
    const [card] = cardsIn(await outsider.say(`resumé ${REFERENCE}`, { mention: true }));
    expect(cardText(card)).toContain(`Du har ikke adgang til sag ${REFERENCE}`);
    expect(cardText(card)).not.toContain('Niveau 2');
    expect(await auditOrigins('summary.denied')).toContainEqual({ origin: 'chat', actor_id: 'outsider-oid' });
  });
});

describe('the message extension search', () => {
  const search = (client: BotClient, reference: string) =>
    client.post({ type: 'invoke', name: 'composeExtension/query', value: { commandId: 'findCase', parameters: [{ name: 'reference', value: reference }], queryOptions: { skip: 0, count: 25 } } });

  it('answers a search by reference with the summary card as an attachment', async () => {
    const response = await search(caseworker, REFERENCE);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { composeExtension: { type: string; attachments: { contentType: string; content: object }[] } };
    expect(body.composeExtension.type).toBe('result');
    expect(body.composeExtension.attachments[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardText(body.composeExtension.attachments[0]?.content as Record<string, unknown>)).toContain(`Sag ${REFERENCE} (AB)`);
    expect(await auditOrigins('summary.view')).toContainEqual({ origin: 'message-extension', actor_id: 'caseworker-oid' });
  });

  it('answers an unknown reference with a Danish message, not an error', async () => {
    const response = await search(caseworker, 'SAG-0000-0000');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ composeExtension: { type: 'message', text: expect.stringMatching(/Der findes ingen sag med referencen SAG-0000-0000/) } });
  });
});

describe('the tab on the bot’s own server', () => {
  it('serves the page, and runs in local development mode only because it listens on loopback without an app id', async () => {
    expect((await fetch(`${server.url}/tab/`)).status).toBe(200);
    expect(await (await fetch(`${server.url}/api/tab/config`)).json()).toEqual({ mode: 'dev' });
  });
});
