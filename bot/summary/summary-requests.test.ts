import { standardRules } from '../rules-binding.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStorage, type Storage } from '../storage/storage.js';
import { caseViewsFrom } from '../tab/wiring.js';
import { FindCaseInput, findCaseQuery, summaryReply } from './summary-requests.js';
import { testDatabase, type TestDatabase } from '../../test/support/db.js';
import { fixedRoster, seedCase } from '../../test/support/tab-fixtures.js';

const TENANT = '11111111-2222-4333-8444-555555555555';
let db: TestDatabase;
let storage: Storage;
let caseId: string;
// The scopes the door opens (bot/conversation/doors.ts): the case's team, or another team.
const caseworker = { tenantId: TENANT, actorId: 'caseworker-oid', origin: 'chat', teamIds: ['team-familie'] };
const otherTeam = { tenantId: TENANT, actorId: 'outsider-oid', origin: 'chat', teamIds: ['team-other'] };

beforeAll(async () => {
  db = await testDatabase();
  storage = createStorage(db);
  caseId = (await seedCase(storage, { tenantId: TENANT, reference: 'SAG-2026-0042', caseworkerId: 'caseworker-oid' })).caseId;
});
afterAll(() => db.close());

const views = () => caseViewsFrom({ storage, rules: standardRules, roster: fixedRoster({}), clock: () => new Date('2026-10-13T10:00:00Z') });

describe('the "resumé" command', () => {
  it('answers the caseworker with the summary card and audits it as a chat view', async () => {
    const reply = await summaryReply(views(), caseworker, 'SAG-2026-0042');
    expect(reply.kind).toBe('card');
    const rows = await db.query<{ origin: string }>(`SELECT origin FROM audit_log WHERE action = 'summary.view' AND case_id = $1::uuid`, [caseId]);
    expect(rows).toEqual([{ origin: 'chat' }]);
  });

  it('finds nothing through a scope the door opened to another team, and shows nothing of the case', async () => {
    const reply = await summaryReply(views(), otherTeam, 'SAG-2026-0042');
    expect(reply).toEqual({ kind: 'text', text: expect.stringMatching(/Der findes ingen sag med referencen SAG-2026-0042/) });
  });

  it('refuses a CPR number typed as a reference without looking it up', async () => {
    const reply = await summaryReply(views(), caseworker, '010203-1234');
    expect(reply).toEqual({ kind: 'text', text: expect.stringMatching(/ligner et CPR-nummer/) });
  });

  it('says how to use it when the reference is missing', async () => {
    expect(await summaryReply(views(), caseworker, '')).toEqual({ kind: 'text', text: expect.stringMatching(/resumé SAG-2026-0042/) });
  });
});

describe('the message extension search', () => {
  const query = (value: string) => FindCaseInput.parse({ commandId: 'findCase', parameters: [{ name: 'reference', value }], queryOptions: { skip: 0, count: 25 } });

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
    const result = await findCaseQuery(views(), caseworker, FindCaseInput.parse({ commandId: 'findCase', parameters: [{ name: 'initialRun', value: 'true' }] }));
    expect(result).toEqual({ composeExtension: { type: 'message', text: 'Skriv sagens reference for at finde dens resumé.' } });
  });

  it('answers an unknown reference, and one outside the opened scope, with a Danish message', async () => {
    expect(await findCaseQuery(views(), caseworker, query('SAG-0000-0000'))).toEqual({ composeExtension: { type: 'message', text: expect.stringMatching(/Der findes ingen sag/) } });
    expect(await findCaseQuery(views(), otherTeam, query('SAG-2026-0042'))).toEqual({ composeExtension: { type: 'message', text: expect.stringMatching(/Der findes ingen sag/) } });
  });

  it('reads no malformed invoke value', () => {
    expect(FindCaseInput.safeParse({ parameters: 'nope' }).success).toBe(false);
  });
});
