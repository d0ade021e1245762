import { standardRules } from '../rules-binding.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStorage, type Storage } from '../storage/storage.js';
import { caseViewsFrom } from '../tab/wiring.js';
import { findCaseQuery, summaryReply } from './summary-requests.js';
import { testDatabase, type TestDatabase } from '../../test/support/db.js';
import { fixedRoster, seedCase } from '../../test/support/tab-fixtures.js';

const TENANT = '11111111-2222-4333-8444-555555555555';
let db: TestDatabase;
let storage: Storage;
let caseId: string;
const caseworker = { tenantId: TENANT, userId: 'caseworker-oid', name: 'Sagsbehandler A' };
const outsider = { tenantId: TENANT, userId: 'outsider-oid', name: 'Udenfor' };

beforeAll(async () => {
  db = await testDatabase();
  storage = createStorage(db);
  caseId = (await seedCase(storage, { tenantId: TENANT, reference: 'SAG-2026-0042', caseworkerId: 'caseworker-oid' })).caseId;
});
afterAll(() => db.close());

const views = () => caseViewsFrom({ storage, rules: standardRules, roster: fixedRoster({}), clock: () => new Date('2026-10-13T10:00:00Z') });

describe('the "resumé" command', () => {
  it('answers the caseworker with the summary card and audits it as a chat view', async () => {
    const reply = await summaryReply(views(), caseworker, 'SAG-2026-0042', 'chat');
    expect(reply.kind).toBe('card');
    const rows = await db.query<{ origin: string }>(`SELECT origin FROM audit_log WHERE action = 'summary.view' AND case_id = $1::uuid`, [caseId]);
    expect(rows).toEqual([{ origin: 'chat' }]);
  });

  it('tells someone outside the team, in Danish, that they have no access, and shows nothing of the case', async () => {
    const reply = await summaryReply(views(), outsider, 'SAG-2026-0042', 'chat');
    expect(reply).toEqual({ kind: 'text', text: expect.stringMatching(/Du har ikke adgang til sag SAG-2026-0042/) });
  });

  it('refuses a CPR number typed as a reference without looking it up', async () => {
    const reply = await summaryReply(views(), caseworker, '010203-1234', 'chat');
    expect(reply).toEqual({ kind: 'text', text: expect.stringMatching(/ligner et CPR-nummer/) });
  });

  it('says how to use it when the reference is missing', async () => {
    expect(await summaryReply(views(), caseworker, '', 'chat')).toEqual({ kind: 'text', text: expect.stringMatching(/resumé SAG-2026-0042/) });
  });
});

describe('the message extension search', () => {
  const query = (value: string) => ({ commandId: 'findCase', parameters: [{ name: 'reference', value }], queryOptions: { skip: 0, count: 25 } });

  it('finds a case by reference and returns its summary card with a preview', async () => {
    const result = await findCaseQuery(views(), caseworker, query('SAG-2026-0042'));
    expect(result.composeExtension.type).toBe('result');
    if (result.composeExtension.type !== 'result') return;
    const [attachment] = result.composeExtension.attachments;
    expect(attachment?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(attachment?.content)).toContain('Sag SAG-2026-0042 (AB)');
    expect(attachment?.preview.content.title).toBe('Sag SAG-2026-0042');
  });

  it('asks for a reference on the initial run instead of listing cases', async () => {
    const result = await findCaseQuery(views(), caseworker, { commandId: 'findCase', parameters: [{ name: 'initialRun', value: 'true' }] });
    expect(result).toEqual({ composeExtension: { type: 'message', text: 'Skriv sagens reference for at finde dens resumé.' } });
  });

  it('answers an unknown reference and a refused user with a Danish message', async () => {
    expect(await findCaseQuery(views(), caseworker, query('SAG-0000-0000'))).toEqual({ composeExtension: { type: 'message', text: expect.stringMatching(/Der findes ingen sag/) } });
    expect(await findCaseQuery(views(), outsider, query('SAG-2026-0042'))).toEqual({ composeExtension: { type: 'message', text: expect.stringMatching(/ikke adgang/) } });
  });

  it('refuses a malformed invoke value', async () => {
    expect(await findCaseQuery(views(), caseworker, { parameters: 'nope' })).toEqual({ composeExtension: { type: 'message', text: expect.stringMatching(/kunne ikke læses/) } });
  });
});
