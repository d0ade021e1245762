import { standardRules } from '../rules-binding.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createStorage, type Storage } from '../storage/storage.js';
import { DEV_IDENTITY, DEV_TOKEN, resolveTabAuth, type TabSettings } from './mode.js';
import { caseViewsFrom } from './wiring.js';
import { testDatabase, type TestDatabase } from '../../test/support/db.js';
import { CLIENT_ID, OTHER_TENANT, startFakeEntra, TENANT, unsignedToken, type FakeEntra } from '../../test/support/entra.js';
import { level2Decision } from '../../test/support/summary-fixtures.js';
import { fixedRoster, seedCase } from '../../test/support/tab-fixtures.js';
import { startTabServer } from '../../test/support/tab-server.js';
import { danishIn } from '../../test/support/language.js';

let entra: FakeEntra;
let db: TestDatabase;
let storage: Storage;
const servers: { close(): Promise<void> }[] = [];
let mine: string;

beforeAll(async () => {
  entra = await startFakeEntra();
  db = await testDatabase();
  storage = createStorage(db);
  mine = (await seedCase(storage, { tenantId: TENANT, reference: 'FAM-0042', caseworkerId: 'caseworker-oid' })).caseId;
  const soon = { ...level2Decision('2026-08-01'), reviews: [{ kind: 'regrant' as const, due: '2026-11-01', passage: 'pps.omfang.2', text: 'Ny bevilling' }] };
  await seedCase(storage, { tenantId: TENANT, reference: 'FAM-0007', caseworkerId: 'caseworker-oid', decision: soon });
  await seedCase(storage, { tenantId: OTHER_TENANT, reference: 'FAM-9999', caseworkerId: 'other-oid', teamId: 'other-team' });
});
afterAll(async () => {
  await entra.close();
  await db.close();
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  await db.query('DELETE FROM tab_roster_cache');
});

async function start(settings: Partial<TabSettings> = {}, host = '127.0.0.1') {
  const views = caseViewsFrom({
    storage,
    rules: standardRules,
    roster: fixedRoster({ [`${TENANT}/team-familie`]: ['caseworker-oid', 'member-oid'], [`${DEV_IDENTITY.tenantId}/team-familie`]: [DEV_IDENTITY.userId] }),
    clock: () => new Date('2026-10-13T10:00:00Z'),
  });
  const mode = resolveTabAuth({ clientId: CLIENT_ID, allowedTenants: [TENANT, OTHER_TENANT], jwksUrl: entra.jwksUrl, production: true, ...settings });
  const server = await startTabServer({ mode, views }, host);
  servers.push(server);
  const before = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log');
  const get = async (path: string, authorization?: string) => {
    const res = await fetch(`${server.url}${path}`, { headers: authorization ? { authorization } : {} });
    return { status: res.status, body: (await res.json()) as Record<string, any> };
  };
  /** Audit rows written since this server started. */
  const newAudit = async () =>
    db.query<{ action: string; actor_id: string; case_id: string | null; origin: string }>(
      'SELECT action, actor_id, case_id::text, origin FROM audit_log ORDER BY audit_id OFFSET $1',
      [before[0]!.n],
    );
  return { get, newAudit, url: server.url };
}

const bearer = async (claims: Record<string, unknown> = {}, expiresIn?: number) => `Bearer ${await entra.sign(claims, expiresIn ? { expiresIn } : {})}`;

describe('the tab API with Teams SSO', () => {
  it('shows the caseworker the summary of their case, with passages, and audits the view', async () => {
    const { get, newAudit } = await start();
    const { status, body } = await get('/api/tab/cases/FAM-0042', await bearer({ oid: 'caseworker-oid' }));
    expect(status).toBe(200);
    expect(body.summary.reference).toBe('FAM-0042');
    expect(body.summary.decision.reasons[0].passage.text).toMatch(/^Familier med børn og unge under 18 år/);
    expect(body.journalText).toMatch(/^Sagsresumé, sag FAM-0042/);
    // Reading the notes leaves the notes' own rows; the case read and the view are the tab's.
    expect((await newAudit()).filter((r) => r.action === 'case.read' || r.action === 'summary.view')).toEqual([
      { action: 'case.read', actor_id: 'caseworker-oid', case_id: mine, origin: 'tab' },
      { action: 'summary.view', actor_id: 'caseworker-oid', case_id: mine, origin: 'tab' },
    ]);
  });

  it('shows a member of the case’s team the summary and audits it', async () => {
    const { get, newAudit } = await start();
    expect((await get('/api/tab/cases/FAM-0042', await bearer({ oid: 'member-oid' }))).status).toBe(200);
    expect((await newAudit()).filter((r) => r.action === 'summary.view')).toEqual([{ action: 'summary.view', actor_id: 'member-oid', case_id: mine, origin: 'tab' }]);
  });

  it('refuses a valid user outside the case’s team as not found, in Danish, reads nothing, and audits the refusal', async () => {
    const { get, newAudit } = await start();
    const { status, body } = await get('/api/tab/cases/FAM-0042', await bearer({ oid: 'outsider-oid' }));
    expect(status).toBe(404);
    expect(body.message).toMatch(/Jeg fandt ingen sag med det sagsnummer, som du har adgang til/);
    expect(body.summary).toBeUndefined();
    expect((await newAudit()).map((r) => [r.action, r.case_id])).toEqual([['case.access-refused', mine]]);
  });

  it('never shows another tenant’s case, even by its exact reference', async () => {
    const { get } = await start();
    const { status, body } = await get('/api/tab/cases/FAM-9999', await bearer({ oid: 'caseworker-oid' }));
    expect(status).toBe(404);
    expect(body.message).toMatch(/Jeg fandt ingen sag med det sagsnummer/);
  });

  it.each([
    ['no token', async () => undefined],
    ['a wrong audience', () => bearer({ aud: 'api://someone-else' })],
    ['a wrong issuer', () => bearer({ iss: 'https://login.example.com/v2.0' })],
    ['a tenant that is not allowed', () => bearer({ tid: '22222222-3333-4444-8555-666666666666' })],
    ['an expired token', () => bearer({}, Math.floor(Date.now() / 1000) - 3600)],
    ['alg none', async () => `Bearer ${unsignedToken({ tid: TENANT, oid: 'caseworker-oid', aud: `api://${CLIENT_ID}`, iss: `https://login.microsoftonline.com/${TENANT}/v2.0` })}`],
    ['a tampered signature', async () => `${(await bearer({ oid: 'caseworker-oid' })).slice(0, -6)}AAAAAA`],
    ['the local developer token', async () => `Bearer ${DEV_TOKEN}`],
  ])('answers %s with 401, a Danish message and no case data, and audits nothing', async (_name, make) => {
    const { get, newAudit } = await start();
    const { status, body } = await get('/api/tab/cases/FAM-0042', await make());
    expect(status).toBe(401);
    expect(body).toEqual({ error: expect.any(String), message: expect.stringMatching(/Teams logger dig ind på ny|ikke logget ind/) });
    expect(await newAudit()).toEqual([]);
  });

  it('lists my cases with the one due soonest first', async () => {
    const { get } = await start();
    const { status, body } = await get('/api/tab/cases?view=mine', await bearer({ oid: 'caseworker-oid' }));
    expect(status).toBe(200);
    expect(body.cases.map((c: { reference: string; nextDue: string }) => [c.reference, c.nextDue])).toEqual([
      ['FAM-0007', '2026-11-01'],
      ['FAM-0042', '2026-12-01'],
    ]);
  });

  it('lists a team’s cases for its members only', async () => {
    const { get } = await start();
    expect((await get('/api/tab/cases?view=team&teamId=team-familie', await bearer({ oid: 'member-oid' }))).body.cases).toHaveLength(2);
    const outsider = await get('/api/tab/cases?view=team&teamId=team-familie', await bearer({ oid: 'outsider-oid' }));
    expect(outsider.status).toBe(404);
    expect(outsider.body.message).toMatch(/ikke medlem af dette team/);
    expect(outsider.body.cases).toBeUndefined();
  });

  it('answers a malformed request with 400 and says what to do', async () => {
    const { get } = await start();
    const token = await bearer({ oid: 'caseworker-oid' });
    expect((await get('/api/tab/cases?view=team', token)).body.message).toMatch(/åbn fanen fra teamets kanal/);
    const bad = await get(`/api/tab/cases/${encodeURIComponent('<script>')}`, token);
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/Sagsnummeret må kun indeholde bogstaver, tal/);
  });
});

describe('local development mode', () => {
  const dev = { clientId: undefined, production: false };

  it('runs as the local developer when no identity is configured and the server is bound to localhost', async () => {
    await seedCase(storage, { tenantId: DEV_IDENTITY.tenantId, reference: 'DEV-0001', caseworkerId: DEV_IDENTITY.userId });
    const { get } = await start(dev);
    expect((await get('/api/tab/config')).body).toEqual({ mode: 'dev', overview: false });
    const cases = await get('/api/tab/cases?view=mine', `Bearer ${DEV_TOKEN}`);
    expect(cases.status).toBe(200);
    expect(cases.body.cases.map((c: { reference: string }) => c.reference)).toEqual(['DEV-0001']);
  });

  it('is refused when the server is bound to all interfaces, even for a local caller', async () => {
    const { get } = await start(dev, '0.0.0.0');
    const { status, body } = await get('/api/tab/cases?view=mine', `Bearer ${DEV_TOKEN}`);
    expect(status).toBe(401);
    expect(body.message).toMatch(/kun, når serveren lytter på localhost/);
  });

  it('cannot be switched on in production: without an app id the tab is closed', async () => {
    const { get } = await start({ clientId: undefined, production: true, devIdentity: DEV_IDENTITY });
    expect((await get('/api/tab/config')).body).toEqual({ mode: 'disabled', overview: false });
    expect((await get('/api/tab/cases?view=mine', `Bearer ${DEV_TOKEN}`)).status).toBe(401);
  });

  it('cannot be switched on when an app id is configured, production or not', async () => {
    expect(resolveTabAuth({ clientId: CLIENT_ID, production: false, devIdentity: DEV_IDENTITY }).kind).toBe('sso');
    const { get } = await start({ production: false });
    expect((await get('/api/tab/cases?view=mine', `Bearer ${DEV_TOKEN}`)).status).toBe(401);
  });
});

describe('the page', () => {
  it('is served with a policy that lets only Teams frame it and runs no inline script', async () => {
    const { url } = await start();
    const res = await fetch(`${url}/tab/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/frame-ancestors 'self' https:\/\/teams\.microsoft\.com/);
    expect(csp).toMatch(/script-src 'self';/);
    expect(await res.text()).toContain('lang="da"');
  });

  it('serves the teams-js browser bundle from the installed package', async () => {
    const { url } = await start();
    const res = await fetch(`${url}/tab/teams-js.min.js`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('microsoftTeams');
  });
});

describe('refusals in the reader’s language (the page sends it as lang on every call)', () => {
  const refusals: [string, () => Promise<{ path: string; authorization?: string; settings?: Partial<TabSettings>; host?: string }>, { status: number; da: RegExp; en: RegExp }][] = [
    ['no token', async () => ({ path: '/api/tab/cases?view=mine' }), { status: 401, da: /Du er ikke logget ind\. Luk fanen/, en: /^You are not signed in\. Close the tab and open it again/ }],
    ['an expired token', async () => ({ path: '/api/tab/cases?view=mine', authorization: await bearer({}, Math.floor(Date.now() / 1000) - 3600) }), { status: 401, da: /udløbet/, en: /^Your access has expired\./ }],
    ['a wrong audience', async () => ({ path: '/api/tab/cases?view=mine', authorization: await bearer({ aud: 'api://someone-else' }) }), { status: 401, da: /ikke udstedt til Familiestøtte/, en: /^The access token was not issued to Familiestøtte\./ }],
    ['a tenant that is not allowed', async () => ({ path: '/api/tab/cases?view=mine', authorization: await bearer({ tid: '22222222-3333-4444-8555-666666666666' }) }), { status: 401, da: /adgang|udstedt/, en: /^(Your organisation has no access|The access token was not issued)/ }],
    ['an outsider to the case', async () => ({ path: '/api/tab/cases/FAM-0042', authorization: await bearer({ oid: 'outsider-oid' }) }), { status: 404, da: /^Jeg fandt ingen sag med det sagsnummer, som du har adgang til/, en: /^I found no case with that reference that you have access to/ }],
    ['the team list without a team', async () => ({ path: '/api/tab/cases?view=team', authorization: await bearer({ oid: 'caseworker-oid' }) }), { status: 400, da: /^Teamet mangler: åbn fanen fra teamets kanal\.$/, en: /^The team is missing: open the tab from the team's channel\.$/ }],
    ['an unknown view', async () => ({ path: '/api/tab/cases?view=alle', authorization: await bearer({ oid: 'caseworker-oid' }) }), { status: 400, da: /^Vælg visningen »mine« eller »team«\.$/, en: /^Choose the view »mine« or »team«\.$/ }],
    ['a malformed case number', async () => ({ path: `/api/tab/cases/${encodeURIComponent('<script>')}`, authorization: await bearer({ oid: 'caseworker-oid' }) }), { status: 400, da: /^Sagsnummeret må kun indeholde bogstaver, tal/, en: /^The case number may only contain letters, digits/ }],
    ['the overview where it is not wired', async () => ({ path: '/api/tab/overview?teamId=team-familie', authorization: await bearer({ oid: 'caseworker-oid' }) }), { status: 404, da: /^Siden findes ikke\.$/, en: /^The page does not exist\.$/ }],
    ['development mode on all interfaces', async () => ({ path: '/api/tab/cases?view=mine', authorization: `Bearer ${DEV_TOKEN}`, settings: { clientId: undefined, production: false }, host: '0.0.0.0' }), { status: 401, da: /kun, når serveren lytter på localhost/, en: /^Local development mode works only when the server listens on localhost\.$/ }],
    ['a tab without sign-in', async () => ({ path: '/api/tab/cases?view=mine', authorization: `Bearer ${DEV_TOKEN}`, settings: { clientId: undefined, production: true } }), { status: 401, da: /ikke sat op til at logge ind/, en: /^The tab is not set up for signing in\./ }],
  ];

  it.each(refusals)('answers %s in English to lang=en and in Danish otherwise', async (_name, make, expected) => {
    const { path, authorization, settings, host } = await make();
    const { get } = await start(settings, host);
    const sep = path.includes('?') ? '&' : '?';
    const en = await get(`${path}${sep}lang=en`, authorization);
    expect(en.status).toBe(expected.status);
    expect(en.body.message).toMatch(expected.en);
    expect(danishIn(en.body.message)).toEqual([]);
    for (const danish of [await get(path, authorization), await get(`${path}${sep}lang=da`, authorization)]) {
      expect(danish.status).toBe(expected.status);
      expect(danish.body.message).toMatch(expected.da);
    }
  });
});
