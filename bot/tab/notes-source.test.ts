import { standardRules } from '../rules-binding.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStorage, type Storage } from '../storage/storage.js';
import { caseViewsFrom } from './wiring.js';
import { testDatabase, type TestDatabase } from '../../test/support/db.js';
import { fixedRoster, seedCase } from '../../test/support/tab-fixtures.js';

const TENANT = '11111111-2222-4333-8444-555555555555';
let db: TestDatabase;
let storage: Storage;

beforeAll(async () => {
  db = await testDatabase();
  storage = createStorage(db);
  const { caseId } = await seedCase(storage, { tenantId: TENANT, reference: 'SAG-2026-0042', caseworkerId: 'caseworker-oid' });
  const scope = { tenantId: TENANT, actorId: 'caseworker-oid', origin: 'chat' };
  for (let i = 0; i < 12; i++) {
    const date = new Date(Date.parse('2026-09-01T00:00:00Z') + i * 3.5 * 86_400_000).toISOString().slice(0, 10);
    await storage.notes.add(scope, caseId, { date, kind: i % 4 === 3 ? 'interdisciplinary-meeting' : 'visit', text: 'Besøg i hjemmet.', minutes: 90, authorName: 'Pædagog P' });
  }
  await storage.notes.saveSummary(scope, caseId, { summary: 'Faste morgenrutiner er på plads.', passages: [], producedBy: 'uden sprogmodel', method: 'extractive', coveredNoteKeys: ['a', 'b'] });
});
afterAll(() => db.close());

describe('the summary from stored notes', () => {
  it('measures scope used from the notes and shows the latest notes summary with who produced it', async () => {
    const views = caseViewsFrom({ storage, rules: standardRules, roster: fixedRoster({}), clock: () => new Date('2026-10-13T10:00:00Z') });
    const s = await views.caseSummary({ tenantId: TENANT, actorId: 'caseworker-oid', origin: 'tab' }, 'SAG-2026-0042');
    expect(s.scope?.contacts).toBe(12);
    expect(s.scope?.text).toMatch(/^2 besøg om ugen af bevilget 2–3/);
    expect(s.notesSummary).toMatchObject({ text: 'Faste morgenrutiner er på plads.', producedBy: 'udtræk uden sprogmodel', noteCount: 2 });
  });

  it('says who produced the notes summary in English to an English reader; the journal keeps the Danish', async () => {
    const views = caseViewsFrom({ storage, rules: standardRules, roster: fixedRoster({}), clock: () => new Date('2026-10-13T10:00:00Z') });
    const { summary, danish } = await views.caseSummaries({ tenantId: TENANT, actorId: 'caseworker-oid', origin: 'tab' }, 'SAG-2026-0042', 'en');
    expect(summary.notesSummary?.producedBy).toBe('an extract (no language model)');
    expect(summary.notesSummary).not.toHaveProperty('producedByEn');
    expect(danish.notesSummary?.producedBy).toBe('udtræk uden sprogmodel');
  });
});
