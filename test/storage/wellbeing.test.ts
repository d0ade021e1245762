import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PARAMETERS } from '../../rules/parameters/default.js';
import { parseMunicipalityParameters } from '../../rules/parameters/load.js';
import { createStorage, type Storage } from '../../bot/storage/storage.js';
import { wellbeingStore, type WellbeingStore } from '../../bot/storage/wellbeing.js';
import { wellbeingLine } from '../../bot/summary/wellbeing-line.js';
import { testDatabase, type TestDatabase } from '../support/db.js';
import { sampleCase, scopeFor } from '../support/case-fixtures.js';

/** The 1–5 wellbeing scores per area: stored per assessment, refused when incomplete, read as a course. */

const AREAS = DEFAULT_PARAMETERS.wellbeingAreas;
const IDS = AREAS.map((a) => a.id);
const scope = { ...scopeFor('tenant-a'), teamIds: ['team-familie'] };
let db: TestDatabase;
let storage: Storage;
let wellbeing: WellbeingStore;
let caseId: string;

const scores = (a: number, b: number, c: number) => [
  { area: 'child-development', score: a, reason: 'Sover bedre og kommer til tiden.' },
  { area: 'parenting-capacity', score: b, reason: 'Forældrene følger planen.' },
  { area: 'family-surroundings', score: c, reason: 'Mormor hjælper om ugen.' },
] as { area: string; score: 1 | 2 | 3 | 4 | 5; reason: string }[];

beforeAll(async () => {
  db = await testDatabase();
  storage = createStorage(db, { clock: () => new Date('2026-10-13T10:00:00Z') });
  wellbeing = wellbeingStore(db, () => new Date('2026-10-13T10:00:00Z'));
  caseId = (await storage.cases.create(scope, sampleCase())).caseId;
});
afterAll(async () => db?.close());

describe('wellbeing on a 1–5 scale', () => {
  it('defaults to the ICS triangle’s three sides, and a municipality may name its own areas', () => {
    expect(AREAS.map((a) => a.da)).toEqual(['Barnets udvikling og adfærd', 'Forældrenes kompetencer', 'Familie og netværk']);
    const own = parseMunicipalityParameters({ name: 'Kommune', parameters: {}, wellbeingAreas: [{ id: 'skole', da: 'Skole', en: 'School' }] });
    expect(own.ok && own.value.wellbeingAreas).toEqual([{ id: 'skole', da: 'Skole', en: 'School' }]);
    const fallback = parseMunicipalityParameters({ name: 'Kommune', parameters: {} });
    expect(fallback.ok && fallback.value.wellbeingAreas).toEqual(AREAS);
  });

  it('stores the intake assessment, audits it, and reads the course oldest first as one compact line', async () => {
    await wellbeing.record(scope, caseId, { occasion: 'intake', date: '2026-09-01', scores: scores(2, 3, 4) }, IDS);
    await wellbeing.record(scope, caseId, { occasion: 'intake', date: '2026-08-01', scores: scores(1, 3, 4) }, IDS);
    const course = await wellbeing.course(scope, caseId);
    expect(course.map((a) => [a.date, a.scores.map((s) => s.score)])).toEqual([['2026-08-01', [1, 3, 4]], ['2026-09-01', [2, 3, 4]]]);
    expect(wellbeingLine(course, AREAS)).toBe('Trivsel (1–5): Barnets udvikling og adfærd 1 → 2 · Forældrenes kompetencer 3 → 3 · Familie og netværk 4 → 4');
    expect(wellbeingLine(course, AREAS, 'en')).toBe("Wellbeing (1–5): The child's development and behaviour 1 → 2 · The parents' capacity 3 → 3 · Family and surroundings 4 → 4");
    const audit = await db.query<{ action: string }>(`SELECT action FROM audit_log WHERE tenant_id = 'tenant-a' AND case_id = $1 AND action LIKE 'wellbeing.%' ORDER BY audit_id`, [caseId]);
    expect(audit.map((a) => a.action)).toEqual(['wellbeing.record', 'wellbeing.record', 'wellbeing.read']);
  });

  it('refuses a score outside 1–5, a missing area or reason, and a CPR number, in Danish with its English, writing nothing', async () => {
    const before = (await wellbeing.course(scope, caseId)).length;
    await expect(wellbeing.record(scope, caseId, { occasion: 'intake', date: '2026-09-02', scores: scores(6, 3, 4) }, IDS)).rejects.toMatchObject({ userMessage: expect.stringContaining('Vælg en score fra 1 til 5'), userMessageEn: 'Choose a score from 1 to 5 for each area.' });
    await expect(wellbeing.record(scope, caseId, { occasion: 'intake', date: '2026-09-02', scores: scores(2, 3, 4).slice(0, 2) }, IDS)).rejects.toMatchObject({ userMessage: expect.stringContaining('hvert af kommunens trivselsområder'), userMessageEn: expect.stringContaining("each of the municipality's wellbeing areas") });
    await expect(wellbeing.record(scope, caseId, { occasion: 'intake', date: '2026-09-02', scores: scores(2, 3, 4).map((s) => ({ ...s, reason: ' ' })) }, IDS)).rejects.toMatchObject({ userMessage: expect.stringContaining('kort begrundelse'), userMessageEn: 'Write a short reason for each score (at most 200 characters).' });
    await expect(wellbeing.record(scope, caseId, { occasion: 'intake', date: '2026-09-02', scores: scores(2, 3, 4).map((s) => ({ ...s, reason: 'CPR 010203-1234' })) }, IDS)).rejects.toMatchObject({ userMessage: expect.stringContaining('CPR-nummer'), userMessageEn: expect.stringMatching(/^The reason contains something that looks like a CPR number/) });
    expect((await wellbeing.course(scope, caseId)).length).toBe(before);
  });

  it('keeps another tenant’s and another team’s cases out', async () => {
    expect(await wellbeing.course({ ...scope, tenantId: 'tenant-b' }, caseId)).toEqual([]);
    expect(await wellbeing.course({ ...scope, teamIds: ['team-anden'] }, caseId)).toEqual([]);
    await expect(wellbeing.record({ ...scope, teamIds: ['team-anden'] }, caseId, { occasion: 'intake', date: '2026-09-03', scores: scores(2, 3, 4) }, IDS)).rejects.toThrow();
  });

  it('refuses to rewrite history', async () => {
    await expect(db.query(`UPDATE wellbeing_scores SET score = 5 WHERE tenant_id = 'tenant-a'`)).rejects.toThrow(/append-only/);
  });
});
