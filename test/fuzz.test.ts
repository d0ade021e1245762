import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_VERBS } from '../cards/verbs.js';
import { parseCommand } from '../bot/conversation/commands.js';
import { loadConfig } from '../bot/config.js';
import { createLogger } from '../bot/logger.js';
import { startServer, type RunningServer } from '../bot/server.js';
import { openDatabase, type Database } from '../bot/storage/database.js';
import { BotClient } from './support/bot-client.js';

/**
 * Bad input against the real POST /api/messages: generated card submissions and activities with
 * wrong types, huge values, unicode edge cases and injection strings. The bot must answer every
 * one without a 5xx, keep running, and write nothing from any of them.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const CONCURRENCY = 16;
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_126);
/** The server's body limit (bot/server.ts); the client's envelope adds a few hundred bytes. */
const MAX_BODY_BYTES = 1024 * 1024 - 2_000;
/** Not an HTTP status: the server closed the connection on a body over its limit. */
const TOO_LARGE_CLOSED = 0;

const INJECTIONS = [
  "'; DROP TABLE cases; --",
  "' OR '1'='1",
  '$1',
  '${process.exit(1)}',
  '${{7*7}}',
  "{{constructor.constructor('return process')().exit()}}",
  '<script>alert(1)</script>',
  '../../../etc/passwd',
  '\u0000',
  '\uD800',
  '\u202Eevil',
  '\u200B\u200D\uFEFF',
  'ǅ̵̡̛̖̗̘̙̜̝̞̟̠̤̥̦̩̪̫̬̭̮̯̰̱̲̳̹̺̻̼ͅ',
  '010203-1234',
  '__proto__',
  'constructor',
  '%s%s%s%n',
  'NaN',
  '-0',
  '1e309',
  '9'.repeat(400),
];

const FIELD_NAMES = ['verb', 'draftId', 'stepId', 'reference', 'childPseudonym', 'teamId', 'channel', 'caseworkerName', 'chosenOutcome', 'chosenVariant', 'overrideReason', 'ageMonths', 'concern', 'safetyConcern', 'riskFactors', 'startDate', 'referenceDate', 'investigation', 'caseId', 'locale'];

function texts(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(...INJECTIONS),
    fc.string({ unit: 'grapheme', maxLength: 200 }),
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.string({ maxLength: 40 }).map((s) => `${s} 010203-1234 ${s}`),
    fc.integer({ min: 1_000, max: 300_000 }).map((n) => 'ø'.repeat(n)),
  );
}

function values(draftIds: readonly string[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    texts(),
    fc.constantFrom(...draftIds),
    fc.uuid(),
    fc.anything({ maxDepth: 3, maxKeys: 6, withBigInt: false, withNullPrototype: true, withObjectString: true, withSparseArray: true }),
    fc.double(),
    fc.constantFrom(null, true, false, 0, -1, Number.MAX_SAFE_INTEGER, [], {}),
  );
}

function cardData(draftIds: readonly string[]): fc.Arbitrary<Record<string, unknown>> {
  return fc.dictionary(fc.oneof(fc.constantFrom(...FIELD_NAMES), fc.string({ maxLength: 20 })), values(draftIds), { maxKeys: 12 });
}

// Starting or restarting an interview is a valid request whatever else the card sends.
const VERBS = ALL_VERBS.filter((v) => v !== 'intake.start' && v !== 'intake.restart');

type Request = { kind: 'activity'; activity: Record<string, unknown> } | { kind: 'raw'; body: string };

function requests(draftIds: readonly string[]): fc.Arbitrary<Request> {
  const verb = fc.oneof(fc.constantFrom(...VERBS), texts());
  const execute = fc.record({ verb, data: cardData(draftIds) }).map(({ verb, data }) => ({
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data: { ...data, verb } }, trigger: 'manual' },
  }));
  const submit = fc.record({ verb, data: cardData(draftIds) }).map(({ verb, data }) => ({ type: 'message', value: { ...data, verb }, deliveryMode: 'expectReplies' }));
  const message = texts()
    .filter((text) => parseCommand(text)?.kind !== 'newCase')
    .map((text) => ({ type: 'message', text, deliveryMode: 'expectReplies' }));
  const malformed = fc.record(
    {
      type: fc.oneof(fc.constantFrom('message', 'invoke', 'conversationUpdate', 'installationUpdate', 'event', 'typing', ''), texts(), fc.integer()),
      name: values(draftIds),
      value: values(draftIds),
      text: values(draftIds),
      conversation: fc.oneof(fc.constant(null), fc.constant({}), fc.record({ id: values(draftIds), tenantId: values(draftIds) })),
      from: fc.oneof(fc.constant(null), fc.constant({}), fc.record({ id: values(draftIds), aadObjectId: values(draftIds), name: values(draftIds) })),
      channelData: values(draftIds),
      membersAdded: values(draftIds),
      deliveryMode: fc.constantFrom('expectReplies', 'normal', undefined),
    },
    { requiredKeys: ['type'] },
  );
  const raw = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 500 }),
    fc.constantFrom('', 'null', '[]', '"x"', '{', '{"type":', '{"type":"message","text":"\\ud800"}'),
    fc.integer({ min: 1, max: 3_000 }).map((n) => `${'['.repeat(n)}${']'.repeat(n)}`),
  );
  return fc.oneof(
    { weight: 3, arbitrary: execute.map((activity) => ({ kind: 'activity' as const, activity })) },
    { weight: 2, arbitrary: submit.map((activity) => ({ kind: 'activity' as const, activity })) },
    { weight: 2, arbitrary: message.map((activity) => ({ kind: 'activity' as const, activity })) },
    { weight: 2, arbitrary: malformed.map((activity) => ({ kind: 'activity' as const, activity: activity as Record<string, unknown> })) },
    { weight: 1, arbitrary: raw.map((body) => ({ kind: 'raw' as const, body })) },
  );
}

async function count(db: Database, table: string): Promise<number> {
  const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
  return row?.n ?? 0;
}

describe(`${RUNS} generated bad inputs against /api/messages`, { timeout: 1_800_000 }, () => {
  let server: RunningServer;
  let dataDir: string;
  const clients: BotClient[] = [];
  const draftIds: string[] = [];
  const statuses = new Map<number, number>();
  const failures: { status: number; request: string }[] = [];

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'familiestotte-fuzz-'));
    server = await startServer(loadConfig({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent', ALLOW_UNAUTHENTICATED_LOCAL: 'true' }), { host: '127.0.0.1', logger: createLogger('silent') });
    // Real drafts to aim at: three caseworkers in the middle of an interview.
    for (let i = 0; i < 3; i++) {
      const client = new BotClient({ url: server.url, tenantId: 'tenant-fuzz' });
      const started = await client.execute('intake.start');
      const id = /"draftId":"([0-9a-f-]{36})"/.exec(JSON.stringify(started.card))?.[1];
      if (!id) throw new Error('intake.start returned no draft');
      clients.push(client);
      draftIds.push(id);
    }
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('answers every one without a 5xx, keeps running, and writes nothing from them', async () => {
    const inputs = fc.sample(requests(draftIds), { numRuns: RUNS, seed: SEED });
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < inputs.length) {
          const index = next++;
          const input = inputs[index] as Request;
          const client = clients[index % clients.length] as BotClient;
          const bytes = Buffer.byteLength(input.kind === 'raw' ? input.body : JSON.stringify(input.activity));
          let status: number;
          try {
            const response =
              input.kind === 'raw'
                ? await fetch(`${server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: input.body })
                : await client.post(input.activity);
            await response.arrayBuffer();
            status = response.status;
          } catch (error) {
            // A body over the server's limit is refused before it is read, which closes the connection.
            if (bytes <= MAX_BODY_BYTES) throw error;
            status = TOO_LARGE_CLOSED;
          }
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          if (status >= 500 && failures.length < 10) failures.push({ status, request: JSON.stringify(input).slice(0, 500) });
        }
      }),
    );

    expect(failures).toEqual([]);
    expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBe(RUNS);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    // The bot still works for a person after all that.
    const help = await new BotClient({ url: server.url }).say('hjælp');
    expect(help.length).toBeGreaterThan(0);

    await server.close();
    const db = await openDatabase({ dataDir });
    try {
      expect(await count(db, 'cases')).toBe(0);
      expect(await count(db, 'decisions')).toBe(0);
      expect(await count(db, 'intake_drafts')).toBe(draftIds.length);
      const dump = await db.query<{ t: string }>(`SELECT string_agg(answers::text, ' ') AS t FROM intake_drafts`);
      for (const marker of ['010203-1234', 'DROP TABLE', '<script>', '__proto__']) expect(dump[0]?.t ?? '').not.toContain(marker);
    } finally {
      await db.close();
    }
  });
});
