import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PassageIndex } from '../../bot/search/passage-index.js';
import type { Database } from '../../bot/storage/database.js';
import { CaseNotFoundError, StorageInputError } from '../../bot/storage/input-errors.js';
import { createStorage, type Storage } from '../../bot/storage/storage.js';
import { summariseNotes } from '../../prompts/summarise.js';
import { sampleCase, scopeFor } from '../support/case-fixtures.js';
import { testDatabase } from '../support/db.js';
import { FIXTURE_PASSAGES } from '../support/passage-fixtures.js';

describe('case notes and summaries in storage', () => {
  let db: Database;
  let storage: Storage;
  const tenantA = scopeFor('tenant-a');
  const tenantB = scopeFor('tenant-b');
  const passages = new PassageIndex(FIXTURE_PASSAGES);

  beforeAll(async () => {
    db = await testDatabase();
    storage = createStorage(db, { clock: () => new Date('2025-03-10T09:00:00Z') });
  });
  afterAll(async () => {
    await db.close();
  });

  const newCase = async () => (await storage.cases.create(tenantA, sampleCase())).caseId;
  const note = (date: string, text: string, kind = 'visit' as const) => ({ date, kind, minutes: 60, text, authorName: 'Sagsbehandler Et' });
  const actions = async (caseId: string) =>
    (await db.query<{ action: string }>('SELECT action FROM audit_log WHERE case_id = $1::uuid ORDER BY audit_id', [caseId])).map((r) => r.action);

  it('keeps notes and lists them by date, then as written, with author and time spent', async () => {
    const caseId = await newCase();
    await storage.notes.add(tenantA, caseId, note('2025-03-12', 'Andet besøg.'));
    await storage.notes.add(tenantA, caseId, note('2025-03-11', 'Første besøg.'));
    await storage.notes.add(tenantA, caseId, { ...note('2025-03-12', 'Opringning samme dag.'), kind: 'phone', minutes: 15 });
    const notes = await storage.notes.list(tenantA, caseId);
    expect(notes.map((n) => n.text)).toEqual(['Første besøg.', 'Andet besøg.', 'Opringning samme dag.']);
    expect(notes[2]).toMatchObject({ date: '2025-03-12', kind: 'phone', minutes: 15, authorId: tenantA.actorId, authorName: 'Sagsbehandler Et' });
    expect(await actions(caseId)).toEqual(expect.arrayContaining(['note.create', 'note.list']));
  });

  it('stores a form saved twice once, and keeps a changed text or another author as a note of its own', async () => {
    const caseId = await newCase();
    const noteId = '3b0e2a4c-7d61-4f0a-9c55-1e2f3a4b5c6d';
    const first = await storage.notes.add(tenantA, caseId, { ...note('2025-03-11', 'Besøg om morgenen.'), noteId });
    const again = await storage.notes.add(tenantA, caseId, { ...note('2025-03-11', 'Besøg om morgenen.'), noteId });
    expect(again.noteId).toBe(first.noteId);
    expect((await storage.notes.list(tenantA, caseId)).map((n) => n.text)).toEqual(['Besøg om morgenen.']);
    expect((await actions(caseId)).filter((a) => a.startsWith('note.'))).toEqual(['note.create', 'note.repeat', 'note.list']);

    // Edited after a save whose answer was lost: the edit is what the person wants kept, so it is
    // stored beside the first, not dropped.
    const edited = await storage.notes.add(tenantA, caseId, { ...note('2025-03-11', 'Besøg om morgenen; mor var syg.'), noteId });
    expect(edited.noteId).not.toBe(noteId);
    // Another person sending the same id writes their own note and sees nothing of the first.
    const colleague = { ...tenantA, actorId: 'colleague-aad-id' };
    const theirs = await storage.notes.add(colleague, caseId, { ...note('2025-03-11', 'Besøg om morgenen.'), noteId, authorName: 'Kollega' });
    expect(theirs.noteId).not.toBe(noteId);
    expect(theirs.authorName).toBe('Kollega');
    expect((await storage.notes.list(tenantA, caseId)).map((n) => n.text)).toEqual(['Besøg om morgenen.', 'Besøg om morgenen; mor var syg.', 'Besøg om morgenen.']);
  });

  it('refuses a note with a CPR number, saying in Danish what to do, and stores nothing', async () => {
    const caseId = await newCase();
    const refused = await storage.notes.add(tenantA, caseId, note('2025-03-11', 'Barnets CPR 010203-1234.')).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(StorageInputError);
    expect((refused as StorageInputError).userMessage).toContain('CPR');
    expect((refused as StorageInputError).userMessageEn).toMatch(/^The note contains something that looks like a CPR number/);
    expect(await storage.notes.list(tenantA, caseId)).toEqual([]);
  });

  it.each([
    ['a date not written as ÅÅÅÅ-MM-DD', { date: '11/3' }, 'ÅÅÅÅ-MM-DD', 'YYYY-MM-DD'],
    ['an unknown kind', { kind: 'brev' }, 'Notatets type', 'The kind of note must be one of: visit'],
    ['negative minutes', { minutes: -5 }, 'negativt', 'cannot be negative'],
    ['an empty text', { text: '   ' }, 'tomt', 'The note is empty.'],
  ])('refuses %s with a Danish message and its English', async (_, change, message, english) => {
    const caseId = await newCase();
    const refused = await storage.notes.add(tenantA, caseId, { ...note('2025-03-11', 'Besøg.'), ...change } as never).catch((e: unknown) => e);
    expect((refused as StorageInputError).userMessage).toContain(message);
    expect((refused as StorageInputError).userMessageEn).toContain(english);
  });

  it('refuses notes on a closed case', async () => {
    const caseId = await newCase();
    await storage.cases.close(tenantA, caseId);
    const refused = await storage.notes.add(tenantA, caseId, note('2025-03-11', 'Besøg.')).catch((e: unknown) => e);
    expect((refused as StorageInputError).code).toBe('note.case-closed');
  });

  it("keeps one tenant's notes and summaries from another", async () => {
    const caseId = await newCase();
    await storage.notes.add(tenantA, caseId, note('2025-03-11', 'Besøg.'));
    expect(await storage.notes.list(tenantB, caseId)).toEqual([]);
    await expect(storage.notes.add(tenantB, caseId, note('2025-03-11', 'Besøg.'))).rejects.toBeInstanceOf(CaseNotFoundError);
    const summary = await summariseNotes({ notes: await storage.notes.list(tenantA, caseId), names: [] }, { passages });
    await expect(storage.notes.saveSummary(tenantB, caseId, summary)).rejects.toBeInstanceOf(CaseNotFoundError);
    expect(await storage.notes.latestSummary(tenantB, caseId)).toBeNull();
  });

  it('keeps the latest summary with what produced it, and an update sends only the notes it does not cover', async () => {
    const caseId = await newCase();
    await storage.notes.add(tenantA, caseId, note('2025-03-11', 'Barnet er svært trøstbart.'));
    const first = await summariseNotes({ notes: await storage.notes.list(tenantA, caseId), names: [] }, { passages });
    await storage.notes.saveSummary(tenantA, caseId, first);
    const stored = await storage.notes.latestSummary(tenantA, caseId);
    expect(stored).toMatchObject({ summary: first.summary, producedBy: 'uden sprogmodel', method: 'extractive', template: null, coveredNoteKeys: first.coveredNoteKeys });

    await storage.notes.add(tenantA, caseId, note('2025-03-18', 'Tværfagligt møde erstattede besøget.', 'visit'));
    const second = await summariseNotes({ notes: await storage.notes.list(tenantA, caseId), names: [], previous: stored! }, { passages });
    await storage.notes.saveSummary(tenantA, caseId, { ...second, summary: `${second.summary}\nCPR 010203-1234` });
    const latest = await storage.notes.latestSummary(tenantA, caseId);
    expect(latest!.coveredNoteKeys).toHaveLength(2);
    expect(latest!.summary).toContain('Tværfagligt møde erstattede besøget.');
    expect(latest!.summary).not.toContain('010203-1234');
    expect(await actions(caseId)).toEqual(expect.arrayContaining(['summary.save', 'summary.read']));
  });
});
