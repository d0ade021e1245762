import { standardRules } from '../../bot/rules-binding.js';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadConfig } from '../../bot/config.js';
import { TEXTS } from '../../bot/conversation/texts.js';
import { QUERY_ROUTES, TAB_ROUTES } from '../../bot/conversation/routes.js';
import { createLogger } from '../../bot/logger.js';
import { startServer, type RunningServer } from '../../bot/server.js';
import { createStorage } from '../../bot/storage/storage.js';
import { resolveTabAuth } from '../../bot/tab/mode.js';
import { caseViewsFrom, overviewViewsFrom } from '../../bot/tab/wiring.js';
import { BotClient, cardText } from '../support/bot-client.js';
import { caseTablesFingerprint } from '../support/case-fingerprint.js';
import { realPostgres, type TestPostgres } from '../support/db.js';
import { CLIENT_ID, OTHER_TENANT, startFakeEntra, TENANT, type FakeEntra } from '../support/entra.js';
import { fixedRoster, seedCase } from '../support/tab-fixtures.js';
import { startTabServer } from '../support/tab-server.js';

/**
 * The tab's API and the message extension's search, enumerated from the route table as the chat's
 * routes are in doors.test.ts: for each route, who is let in and who is not, over real HTTP with
 * signed tab tokens (the tab) and real invokes over /api/messages (the search). Each tab route's
 * request is made from its own path and input schema, so a route added to the table is in these
 * tests at once.
 */

const TEAM = 'team-familie';
const OTHER_TEAM = 'team-andet';
const REFERENCE = 'SAG-TAB-DOOR-1';
const PSEUDONYM = 'ZQ';
const CASEWORKER_NAME = 'Sanne Sagsbehandler';
/** Doors that admit only those who may read the case; `tenant` and `team-channel` show no case in the tab. */
const CASE_READING_DOORS = ['personal', 'team', 'case'];

/** The value a route's input field gets in these tests, by the field's name. */
const FIELD_VALUES: Record<string, string> = { reference: REFERENCE, teamId: TEAM };

let entra: FakeEntra;
let db: TestPostgres;
let tab: { url: string; close(): Promise<void> };
let bot: RunningServer;
let caseId: string;

type TabRouteName = keyof typeof TAB_ROUTES;
const tabRoutes = Object.entries(TAB_ROUTES) as [TabRouteName, (typeof TAB_ROUTES)[TabRouteName]][];

/** The request that reaches a route: literal fields (the list's `view`) as declared, the rest by name; path fields in the path. */
function requestFor(name: TabRouteName): string {
  const route = TAB_ROUTES[name];
  if (!(route.input instanceof z.ZodObject)) throw new Error(`${name}: its input is not an object schema; say here how to reach it`);
  let path = route.path;
  const query = new URLSearchParams();
  for (const [field, schema] of Object.entries(route.input.shape as Record<string, z.ZodType>)) {
    const value = schema instanceof z.ZodLiteral ? String(schema.value) : FIELD_VALUES[field];
    if (value === undefined) throw new Error(`${name}: no test value for its input field «${field}» (add it to FIELD_VALUES)`);
    if (path.includes(`:${field}`)) path = path.replace(`:${field}`, encodeURIComponent(value));
    else query.set(field, value);
  }
  return query.size > 0 ? `${path}?${query}` : path;
}

/** What the route's input would be, parsed from the request as the server parses it (query, then path). */
function parsedBy(name: TabRouteName, request: string) {
  const url = new URL(request, 'http://tab');
  const raw: Record<string, string> = Object.fromEntries(url.searchParams);
  const pattern = TAB_ROUTES[name].path.split('/');
  const parts = url.pathname.split('/');
  if (pattern.length !== parts.length) return false;
  for (const [i, segment] of pattern.entries()) {
    if (segment.startsWith(':')) raw[segment.slice(1)] = decodeURIComponent(parts[i]!);
    else if (segment !== parts[i]) return false;
  }
  return TAB_ROUTES[name].input.safeParse(raw).success;
}

const token = async (tid: string, oid: string) => `Bearer ${await entra.sign({ tid, oid })}`;

async function get(request: string, authorization?: string) {
  const res = await fetch(`${tab.url}${request}`, { headers: authorization ? { authorization } : {} });
  return { status: res.status, text: await res.text() };
}

/** Audit rows about the case written since `from`. */
async function auditSince(from: number) {
  return db.query<{ action: string; actor_id: string }>('SELECT action, actor_id FROM audit_log WHERE audit_id > $1 AND case_id = $2::uuid ORDER BY audit_id', [from, caseId]);
}
const lastAudit = async () => Number((await db.query<{ n: string }>('SELECT coalesce(max(audit_id), 0)::text AS n FROM audit_log'))[0]!.n);

beforeAll(async () => {
  entra = await startFakeEntra();
  db = await realPostgres('doors_tab');
  const storage = createStorage(db);
  caseId = (await seedCase(storage, { tenantId: TENANT, reference: REFERENCE, caseworkerId: 'caseworker-oid', caseworkerName: CASEWORKER_NAME, childPseudonym: PSEUDONYM, teamId: TEAM })).caseId;
  // The outsider works in another team of the same municipality, with a case of their own.
  await seedCase(storage, { tenantId: TENANT, reference: 'SAG-TAB-DOOR-2', caseworkerId: 'outsider-oid', childPseudonym: 'XY', teamId: OTHER_TEAM });
  const roster = fixedRoster({ [`${TENANT}/${TEAM}`]: ['caseworker-oid', 'member-oid'], [`${TENANT}/${OTHER_TEAM}`]: ['outsider-oid'], [`${OTHER_TENANT}/other-team`]: ['stranger-oid'] });
  const mode = resolveTabAuth({ clientId: CLIENT_ID, allowedTenants: [TENANT, OTHER_TENANT], jwksUrl: entra.jwksUrl, production: true });
  tab = await startTabServer({ mode, views: caseViewsFrom({ storage, roster, rules: standardRules }), overview: overviewViewsFrom({ storage, roster, rules: standardRules }) });
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: await mkdtemp(join(tmpdir(), 'doors-tab-')), DATABASE_URL: db.url, LOG_LEVEL: 'silent', ALLOW_UNAUTHENTICATED_LOCAL: 'true', WEEKLY_DIGEST_DAY: 'off' });
  bot = await startServer(config, { logger: createLogger('silent') });
}, 120_000);
afterAll(async () => {
  await bot?.close();
  await tab?.close();
  await entra?.close();
  await db?.close();
});

describe('every tab route', { timeout: 120_000 }, () => {
  it('declares a door that admits only those who may read a case, and is served at its path', async () => {
    expect(tabRoutes.length).toBeGreaterThanOrEqual(4);
    for (const [name, route] of tabRoutes) {
      expect(CASE_READING_DOORS, `${name}'s door`).toContain(route.door?.rule);
      const request = requestFor(name);
      // Of the routes sharing its path, its request reaches this one alone.
      expect(tabRoutes.filter(([other]) => parsedBy(other, request)).map(([other]) => other), request).toEqual([name]);
      // Listened on: a request without a token is the tab's 401, not the server's "no such path".
      const anonymous = await get(request);
      expect(anonymous.status, `${name} at ${request}`).toBe(401);
      expect(JSON.parse(anonymous.text).message, name).toMatch(/ikke logget ind|Teams logger dig ind/);
    }
  });

  const outsiders = [
    ['a user of the same municipality outside the case’s team', TENANT, 'outsider-oid'],
    ['a user of another tenant', OTHER_TENANT, 'stranger-oid'],
  ] as const;

  it('refuses an outsider as not found, in Danish, showing nothing of the case and changing nothing', async () => {
    const before = await caseTablesFingerprint(db);
    const from = await lastAudit();
    for (const [name, route] of tabRoutes) {
      const request = requestFor(name);
      for (const [who, tid, oid] of outsiders) {
        const { status, text } = await get(request, await token(tid, oid));
        const label = `${name} (${request}) for ${who}: ${status} ${text.slice(0, 200)}`;
        for (const content of [REFERENCE, PSEUDONYM, CASEWORKER_NAME]) expect(text, label).not.toContain(content);
        // "My cases" lets anyone in to their own cases; every other tab route refuses as "not found".
        if (route.door.rule === 'personal') {
          expect(status, label).toBe(200);
          if (oid === 'outsider-oid') expect(text, label).toContain('SAG-TAB-DOOR-2');
          continue;
        }
        expect(status, label).toBe(404);
        const words = route.door.rule === 'case' ? TEXTS.caseNotFound.da : TEXTS.notInThisTeam.da;
        expect(JSON.parse(text), label).toEqual({ error: 'not-found', message: words });
      }
    }
    expect(await caseTablesFingerprint(db), 'nothing was written by the refused requests').toBe(before);
    // Nothing of the case was read for them: its audit rows are refusals only.
    expect((await auditSince(from)).filter((r) => r.action !== 'case.access-refused')).toEqual([]);
  });

  it('serves the case to its team: a member, and (in my cases) its caseworker', async () => {
    for (const [name, route] of tabRoutes) {
      const request = requestFor(name);
      const reader = route.door.rule === 'personal' ? 'caseworker-oid' : 'member-oid';
      const { status, text } = await get(request, await token(TENANT, reader));
      expect(status, `${name} (${request}) for ${reader}: ${text.slice(0, 200)}`).toBe(200);
      expect(text, `${name} for ${reader}`).toContain(REFERENCE);
      expect(text, `${name} for ${reader}`).not.toContain('SAG-TAB-DOOR-2');
    }
  });
});

/** What the search's parameters are for each query route; a query route added needs its own here, or the typecheck fails. */
const QUERY_PARAMETERS: Record<keyof typeof QUERY_ROUTES, { name: string; value: string }[]> = {
  findCase: [{ name: 'reference', value: REFERENCE }],
};

describe('every message-extension search', { timeout: 120_000 }, () => {
  const search = (client: BotClient, commandId: keyof typeof QUERY_ROUTES) =>
    client.post({ type: 'invoke', name: 'composeExtension/query', value: { commandId, parameters: QUERY_PARAMETERS[commandId], queryOptions: { skip: 0, count: 25 } } });
  const answer = async (response: Response) => {
    expect(response.status).toBe(200);
    return (await response.json()) as { composeExtension: { type: string; text?: string; attachments?: { content: Record<string, unknown> }[] } };
  };
  const personal = (tenantId: string, userId: string) => new BotClient({ url: bot.url, tenantId, userId, kind: 'personal', conversationId: `a:${userId}` });
  const queries = Object.keys(QUERY_ROUTES) as (keyof typeof QUERY_ROUTES)[];

  beforeAll(async () => {
    // The bot knows the teams it is installed in; Teams' roster says who is in them.
    await personal(TENANT, 'caseworker-oid').with({ kind: 'channel', conversationId: `19:${TEAM}-general@thread.tacv2`, teamId: TEAM }).install();
    personal(TENANT, 'member-oid').joinTeam(TEAM);
    await personal(TENANT, 'outsider-oid').with({ kind: 'channel', conversationId: `19:${OTHER_TEAM}-general@thread.tacv2`, teamId: OTHER_TEAM }).install();
  }, 60_000);

  it('declares a door that admits only those who may read the case', () => {
    expect(queries.length).toBeGreaterThanOrEqual(1);
    for (const id of queries) expect(CASE_READING_DOORS, `${id}'s door`).toContain(QUERY_ROUTES[id].door.rule);
  });

  it('finds nothing of another team’s case for an outsider, and changes nothing', async () => {
    const before = await caseTablesFingerprint(db);
    const from = await lastAudit();
    const outsider = personal(TENANT, 'outsider-oid');
    for (const id of queries) {
      for (const [who, client] of [
        ['outsider', outsider],
        ['outsider in their own team’s channel', outsider.with({ kind: 'channel', conversationId: `19:${OTHER_TEAM}-general@thread.tacv2`, teamId: OTHER_TEAM })],
        ['another tenant', personal(OTHER_TENANT, 'stranger-oid')],
      ] as const) {
        const body = await answer(await search(client, id));
        const text = JSON.stringify(body);
        expect(body, `${id} for ${who}: ${text.slice(0, 200)}`).toEqual({ composeExtension: { type: 'message', text: TEXTS.caseNotFound.da } });
        expect(text, `${id} for ${who}`).not.toContain(PSEUDONYM);
      }
    }
    expect(await caseTablesFingerprint(db), 'nothing was written by the searches').toBe(before);
    expect((await auditSince(from)).filter((r) => r.action !== 'case.access-refused')).toEqual([]);
  });

  it('finds the case for a member of its team', async () => {
    for (const id of queries) {
      const body = await answer(await search(personal(TENANT, 'member-oid'), id));
      expect(body.composeExtension.type, `${id}: ${JSON.stringify(body).slice(0, 200)}`).toBe('result');
      expect(cardText(body.composeExtension.attachments![0]!.content)).toContain(`${REFERENCE} (${PSEUDONYM})`);
    }
  });
});
