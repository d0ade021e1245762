import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGzip } from 'node:zlib';
import { generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBotProcessToExit, startBotProcess, stopBotProcess, type BotProcess } from '../support/bot-process.js';
import { testDatabase } from '../support/db.js';
import { unsignedToken } from '../support/entra.js';

/**
 * The bot's HTTP edge as the internet meets it: a real bot process with a bot registration in
 * production, sent what an attacker sends. Nothing it answers quotes a library, nothing it does
 * fills the disk or the memory, and it keeps answering /health.
 */

const APP_ID = '6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f';
const REGISTERED = { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-used-offline', NODE_ENV: 'production' };
const ACTIVITY = {
  type: 'message',
  text: 'ny sag',
  channelId: 'msteams',
  serviceUrl: 'https://smba.trafficmanager.net/emea/',
  from: { id: 'user-1' },
  recipient: { id: `28:${APP_ID}` },
  conversation: { id: 'conv-1', tenantId: '11111111-2222-4333-8444-555555555555' },
};
/** What the JWT library and the SDK say about a token, which must not reach the caller. */
const LIBRARY_TEXT = /jwt|signature|expired|audience|issuer|algorithm|unauthorized access/i;
const STACK_LINE = /\n\s+at \S+/;

async function freshDataDir(): Promise<string> {
  const fresh = await testDatabase();
  await fresh.close();
  return fresh.dataDir;
}

/** About 0.7 MB of gzip that inflates to 700 MB of zeros, made without holding 700 MB. */
async function gzipBomb(): Promise<Buffer> {
  const gzip = createGzip({ level: 9 });
  const parts: Buffer[] = [];
  gzip.on('data', (chunk: Buffer) => parts.push(chunk));
  const done = new Promise<void>((resolve) => gzip.once('end', resolve));
  const megabyte = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < 700; i++) if (!gzip.write(megabyte)) await new Promise((r) => gzip.once('drain', r));
  gzip.end();
  await done;
  return Buffer.concat(parts);
}

const post = (bot: BotProcess, body: BodyInit, headers: Record<string, string> = {}) =>
  fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

describe('a registered bot in production, at its HTTP edge', { timeout: 180_000 }, () => {
  let bot: BotProcess;
  let tempDir: string;

  beforeAll(async () => {
    tempDir = await mkdtemp(join(tmpdir(), 'familiestotte-edge-tmp-'));
    bot = await startBotProcess({ ...REGISTERED, DATA_DIR: await freshDataDir(), TMPDIR: tempDir });
  }, 180_000);
  afterAll(async () => {
    if (bot) await stopBotProcess(bot);
    if (tempDir) await rm(tempDir, { recursive: true, force: true });
  }, 60_000);

  it('refuses a gzip body that inflates to 700 MB, unread, and stays up', async () => {
    const bomb = await gzipBomb();
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const response = await post(bot, new Uint8Array(bomb), { 'content-encoding': 'gzip' });
    expect(response.status).toBe(415);
    expect(await response.json()).toEqual({ error: 'unsupported content encoding' });
    expect((await fetch(`${bot.url}/health`)).status).toBe(200);
  });

  it('refuses a multipart upload with 415 and writes nothing to the temp folder', async () => {
    const before = await readdir(tempDir);
    const form = new FormData();
    form.append('file', new Blob([Buffer.alloc(256 * 1024, 'a')]), 'upload.bin');
    const response = await fetch(`${bot.url}/api/messages`, { method: 'POST', body: form });
    expect(response.status).toBe(415);
    expect(await response.json()).toEqual({ error: 'expected application/json' });
    expect(await readdir(tempDir)).toEqual(before);
  });

  it.each([
    ['a JSON body over 1 MB', () => JSON.stringify({ ...ACTIVITY, text: 'x'.repeat(1024 * 1024 + 1) }), 'application/json', 413, 'request too large'],
    ['invalid JSON', () => '{"type": "message",', 'application/json', 400, 'invalid JSON'],
    ['text/plain', () => JSON.stringify(ACTIVITY), 'text/plain', 415, 'expected application/json'],
    ['a form', () => 'type=message', 'application/x-www-form-urlencoded', 415, 'expected application/json'],
  ])('answers %s with a short refusal', async (_what, body, contentType, status, error) => {
    const response = await post(bot, body(), { 'content-type': contentType });
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({ error });
  });

  describe('forged and broken tokens', () => {
    const claims: JWTPayload = { iss: 'https://api.botframework.com', aud: APP_ID, serviceurl: ACTIVITY.serviceUrl };
    const rs256 = async (payload: JWTPayload, expires: string | number = '1h') => {
      const { privateKey } = await generateKeyPair('RS256');
      return new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid: 'not-a-published-key', typ: 'JWT' }).setIssuedAt().setExpirationTime(expires).sign(privateKey);
    };
    const cases: [string, () => Promise<string | undefined>][] = [
      ['no token', async () => undefined],
      ['garbage', async () => 'Bearer not-a-token-at-all'],
      ['not even Bearer', async () => 'Basic dXNlcjpwYXNz'],
      ['alg none', async () => `Bearer ${unsignedToken(claims)}`],
      ['HS256 with some secret', async () => `Bearer ${await new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setIssuedAt().setExpirationTime('1h').sign(new TextEncoder().encode('a-secret-anyone-could-pick-32-bytes!'))}`],
      ['RS256 with an unknown key', async () => `Bearer ${await rs256(claims)}`],
      ['expired', async () => `Bearer ${await rs256(claims, Math.floor(Date.now() / 1000) - 3600)}`],
      ['a wrong audience', async () => `Bearer ${await rs256({ ...claims, aud: 'someone-else' })}`],
      ['a wrong issuer', async () => `Bearer ${await rs256({ ...claims, iss: 'https://issuer.example' })}`],
    ];

    it.each(cases)('%s gets 401 with a short body', async (_what, token) => {
      const authorization = await token();
      const response = await post(bot, JSON.stringify(ACTIVITY), authorization ? { authorization } : {});
      expect(response.status).toBe(401);
      const text = await response.text();
      expect(JSON.parse(text)).toEqual({ error: 'unauthorized' });
      expect(text).not.toMatch(LIBRARY_TEXT);
    });

    it('left no stack trace and no token on stderr', () => {
      expect(bot.stderr()).not.toMatch(STACK_LINE);
      expect(bot.stderr()).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}/);
      expect(bot.output()).not.toMatch(STACK_LINE);
      expect(bot.output(), 'no token in the log either').not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\.eyJ/);
    });
  });

  it('does not serve /metrics on the public port, and sends HSTS', async () => {
    expect((await fetch(`${bot.url}/metrics`)).status).toBe(404);
    const health = await fetch(`${bot.url}/health`);
    expect(health.status).toBe(200);
    expect(health.headers.get('strict-transport-security')).toBe('max-age=31536000');
  });
});

describe('an unauthenticated local bot', { timeout: 180_000 }, () => {
  let bot: BotProcess;
  beforeAll(async () => {
    bot = await startBotProcess({ DATA_DIR: await freshDataDir() });
  }, 180_000);
  afterAll(async () => {
    if (bot) await stopBotProcess(bot);
  }, 60_000);

  it.each([
    ['X-Forwarded-For', { 'x-forwarded-for': '203.0.113.7' }],
    ['Forwarded', { forwarded: 'for=203.0.113.7;proto=https' }],
    ['X-Forwarded-Host', { 'x-forwarded-host': 'bot.example.dk' }],
    ['X-Forwarded-Proto', { 'x-forwarded-proto': 'https' }],
  ])('refuses a request that came through a proxy (%s) with 403', async (_what, headers) => {
    const response = await post(bot, JSON.stringify(ACTIVITY), headers);
    expect(response.status).toBe(403);
    expect(Object.keys(await response.json())).toEqual(['error']);
  });

  it('takes a local request, sends no HSTS over plain HTTP, and has no /metrics', async () => {
    const response = await post(bot, JSON.stringify({ ...ACTIVITY, text: 'hjælp', deliveryMode: 'expectReplies' }));
    expect(response.status).toBe(200);
    expect(response.headers.get('strict-transport-security')).toBeNull();
    expect((await fetch(`${bot.url}/metrics`)).status).toBe(404);
  });
});

describe('start-up refusals', { timeout: 60_000 }, () => {
  it.each([
    ['production without a bot registration', { NODE_ENV: 'production', ALLOW_UNAUTHENTICATED_LOCAL: '' }, /MicrosoftAppId is required with NODE_ENV=production/],
    ['production with the unauthenticated opt-in', { ...REGISTERED, ALLOW_UNAUTHENTICATED_LOCAL: 'true' }, /ALLOW_UNAUTHENTICATED_LOCAL is not allowed with NODE_ENV=production/],
    ['no registration and no opt-in', { ALLOW_UNAUTHENTICATED_LOCAL: '' }, /ALLOW_UNAUTHENTICATED_LOCAL=true/],
  ])('does not start in %s, saying why', async (_what, env, message) => {
    const { code, output } = await runBotProcessToExit({ DATA_DIR: join(tmpdir(), 'familiestotte-never-created'), ...env });
    expect(code).toBe(78);
    expect(output).toMatch(message);
    expect(output).toMatch(/Ugyldig konfiguration/);
    expect(output).not.toMatch(STACK_LINE);
  });
});
