import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../bot/storage/database.js';
import { CaseClosedError, CaseReferenceTakenError, StorageInputError } from '../../bot/storage/input-errors.js';
import { createStorage, type Storage } from '../../bot/storage/storage.js';
import { sampleCase, sampleDecision, scopeFor } from '../support/case-fixtures.js';
import { realPostgres, testDatabase } from '../support/db.js';

/**
 * The same behaviour on both databases: PGlite (the default) and a real PostgreSQL server
 * (production). If the SQL only worked on one of them, one half of this file fails.
 */
const backends: [string, () => Promise<Database>][] = [
  ['PGlite', testDatabase],
  ['PostgreSQL', () => realPostgres('repositories')],
];

describe.each(backends)('storage on %s', (_name, open) => {
  let db: Database;
  let storage: Storage;
  let clockNow = new Date('2025-03-10T09:00:00Z');
  const tenantA = scopeFor('tenant-a');
  const tenantB = scopeFor('tenant-b');

  beforeAll(async () => {
    db = await open();
    storage = createStorage(db, { clock: () => clockNow });
  });
  afterAll(async () => {
    await db.close();
  });

  async function auditCount(caseId: string, action?: string): Promise<number> {
    const rows = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE case_id = $1::uuid AND ($2::text IS NULL OR action = $2)`,
      [caseId, action ?? null],
    );
    return rows[0]?.n ?? 0;
  }

  describe('cases', () => {
    it('a created case comes back by reference and by id with its first decision', async () => {
      const input = sampleCase();
      const created = await storage.cases.create(tenantA, input);
      expect(created).toMatchObject({ tenantId: 'tenant-a', reference: input.reference, childPseudonym: 'AH', status: 'open', startDate: '2025-03-10', caseworkerId: tenantA.actorId, closedAt: null });
      expect(created.decision).toMatchObject({ recommendedOutcome: 'level1', chosenOutcome: 'level1', chosenVariant: '1A', overrideReason: null, overridden: false, decidedBy: tenantA.actorId, parameterSet: 'default' });
      expect(created.decision.recommended).toEqual(sampleDecision());

      const byRef = await storage.cases.findByReference(tenantA, ` ${input.reference} `);
      const byId = await storage.cases.get(tenantA, created.caseId);
      expect(byRef).toEqual(created);
      expect(byId).toEqual(created);
    });

    it('a second case with the same reference in the tenant is refused in Danish; another tenant may use it', async () => {
      const input = sampleCase();
      await storage.cases.create(tenantA, input);
      const error = await storage.cases.create(tenantA, { ...input }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CaseReferenceTakenError);
      expect((error as CaseReferenceTakenError).userMessage).toContain(`allerede en sag med sagsnummeret ${input.reference}`);
      await expect(storage.cases.create(tenantB, { ...input })).resolves.toMatchObject({ tenantId: 'tenant-b' });
    });

    it('refuses a CPR number as reference, a full name as pseudonym, and CPR numbers in the facts', async () => {
      await expect(storage.cases.create(tenantA, sampleCase({ reference: '010203-1234' }))).rejects.toThrow(StorageInputError);
      await expect(storage.cases.create(tenantA, sampleCase({ childPseudonym: 'Anna Hansen' }))).rejects.toMatchObject({ userMessage: expect.stringContaining('fuldt navn') });
      const withCpr = sampleCase();
      withCpr.facts = { ...withCpr.facts, olderChildReason: 'Barnet (010203-1234) har behov' };
      await expect(storage.cases.create(tenantA, withCpr)).rejects.toMatchObject({ code: 'personal-data.cpr' });
      const leaked = await db.query(`SELECT 1 FROM cases WHERE reference = '010203-1234' OR child_pseudonym = 'Anna Hansen' OR facts::text LIKE '%010203-1234%'`);
      expect(leaked).toEqual([]);
    });

    it('lists the caseworker\'s and the team\'s open cases, and closed ones only when asked', async () => {
      const worker = scopeFor('tenant-list', 'aad-worker-9');
      const colleague = scopeFor('tenant-list', 'aad-worker-10');
      const mine = await storage.cases.create(worker, sampleCase({ teamId: 'team-nord' }));
      const closedOne = await storage.cases.create(worker, sampleCase({ teamId: 'team-nord' }));
      const theirs = await storage.cases.create(colleague, sampleCase({ teamId: 'team-nord' }));
      const otherTeam = await storage.cases.create(colleague, sampleCase({ teamId: 'team-syd' }));
      await storage.cases.close(worker, closedOne.caseId);

      const ids = (cases: { caseId: string }[]) => cases.map((c) => c.caseId).sort();
      expect(ids(await storage.cases.listForCaseworker(worker))).toEqual([mine.caseId]);
      expect(ids(await storage.cases.listForCaseworker(worker, undefined, { status: 'all' }))).toEqual(ids([mine, closedOne]));
      expect(ids(await storage.cases.listForCaseworker(worker, colleague.actorId))).toEqual(ids([theirs, otherTeam]));
      expect(ids(await storage.cases.listForTeam(worker, 'team-nord'))).toEqual(ids([mine, theirs]));
      expect(ids(await storage.cases.listForTeam(worker, 'team-nord', { status: 'closed' }))).toEqual([closedOne.caseId]);
      const listed = await storage.cases.listForTeam(worker, 'team-syd');
      expect(listed[0]?.decision.chosenOutcome).toBe('level1');
    });

    it('closing sets the status and time once; closing again changes nothing', async () => {
      const c = await storage.cases.create(tenantA, sampleCase());
      clockNow = new Date('2025-06-01T12:00:00Z');
      const closed = await storage.cases.close(tenantA, c.caseId);
      expect(closed).toMatchObject({ status: 'closed', closedAt: new Date('2025-06-01T12:00:00Z') });
      clockNow = new Date('2025-06-02T12:00:00Z');
      expect((await storage.cases.close(tenantA, c.caseId))?.closedAt).toEqual(new Date('2025-06-01T12:00:00Z'));
      await expect(storage.decisions.append(tenantA, c.caseId, { recommended: sampleDecision(), chosenOutcome: 'level1', chosenVariant: '1A' })).rejects.toBeInstanceOf(CaseClosedError);
      clockNow = new Date('2025-03-10T09:00:00Z');
    });
  });

  describe('decisions', () => {
    it('an override needs a written reason, and both the recommendation and the choice are kept', async () => {
      const c = await storage.cases.create(tenantA, sampleCase());
      const overrideWithoutReason = { recommended: sampleDecision(), chosenOutcome: 'level2' as const, overrideReason: '  ' };
      await expect(storage.decisions.append(tenantA, c.caseId, overrideWithoutReason)).rejects.toMatchObject({
        code: 'decision.override-reason',
        userMessage: expect.stringContaining('Skriv en begrundelse'),
        userMessageEn: expect.stringContaining('Write a reason for your choice'),
      });
      const override = await storage.decisions.append(tenantA, c.caseId, { ...overrideWithoutReason, overrideReason: 'Forældrene har brug for tættere opfølgning.' });
      expect(override).toMatchObject({ recommendedOutcome: 'level1', chosenOutcome: 'level2', chosenVariant: null, overridden: true, overrideReason: 'Forældrene har brug for tættere opfølgning.' });
      expect(override.recommended.outcome).toBe('level1');
    });

    it('choosing another variant of the same level is an override too; an accepted recommendation drops any reason', async () => {
      const c = await storage.cases.create(tenantA, sampleCase());
      await expect(storage.decisions.append(tenantA, c.caseId, { recommended: sampleDecision(), chosenOutcome: 'level1', chosenVariant: '1B' })).rejects.toMatchObject({ code: 'decision.override-reason' });
      const accepted = await storage.decisions.append(tenantA, c.caseId, { recommended: sampleDecision(), chosenOutcome: 'level1', chosenVariant: '1A', overrideReason: 'unødvendig' });
      expect(accepted.overrideReason).toBeNull();
    });

    it('refuses a variant outside level 1 and an over-long reason, in Danish with its English', async () => {
      const c = await storage.cases.create(tenantA, sampleCase());
      await expect(storage.decisions.append(tenantA, c.caseId, { recommended: sampleDecision(), chosenOutcome: 'level2', chosenVariant: '1A', overrideReason: 'Tættere opfølgning.' })).rejects.toMatchObject({
        code: 'decision.variant',
        userMessage: 'Variant 1A eller 1B kan kun vælges sammen med niveau 1. Vælg niveau 1, eller fjern varianten.',
        userMessageEn: 'Variant 1A or 1B can only be chosen together with level 1. Choose level 1, or remove the variant.',
      });
      await expect(storage.decisions.append(tenantA, c.caseId, { recommended: sampleDecision(), chosenOutcome: 'level2', overrideReason: 'x'.repeat(4001) })).rejects.toMatchObject({
        code: 'decision.override-reason-length',
        userMessage: 'Begrundelsen må højst være 4000 tegn (den har 4001). Forkort den og prøv igen.',
        userMessageEn: 'The reason can be at most 4000 characters (it has 4001). Shorten it and try again.',
      });
    });

    it('the newest decision is current and the history keeps every one, newest first', async () => {
      const c = await storage.cases.create(tenantA, sampleCase());
      const second = await storage.decisions.append(tenantA, c.caseId, { recommended: sampleDecision({ outcome: 'level2', variant: null }), chosenOutcome: 'level2' });
      const third = await storage.decisions.append(tenantA, c.caseId, { recommended: sampleDecision({ outcome: 'level3', variant: null }), chosenOutcome: 'level3' });
      expect((await storage.decisions.current(tenantA, c.caseId))?.decisionId).toBe(third.decisionId);
      expect((await storage.decisions.history(tenantA, c.caseId)).map((d) => d.decisionId)).toEqual([third.decisionId, second.decisionId, c.decision.decisionId]);
      expect((await storage.cases.get(tenantA, c.caseId))?.decision.chosenOutcome).toBe('level3');
    });

    it('decisions and the audit log cannot be rewritten, even with direct SQL', async () => {
      const c = await storage.cases.create(tenantA, sampleCase());
      await expect(db.query(`UPDATE decisions SET chosen_outcome = 'none' WHERE case_id = $1::uuid`, [c.caseId])).rejects.toThrow(/append-only/);
      await expect(db.query(`DELETE FROM audit_log WHERE case_id = $1::uuid`, [c.caseId])).rejects.toThrow(/append-only/);
    });
  });

  describe('tenant isolation', () => {
    it('a case of tenant A is invisible to tenant B through every function', async () => {
      const ownerA = scopeFor('tenant-a', 'aad-isolation-owner');
      const c = await storage.cases.create(ownerA, sampleCase({ teamId: 'team-shared-name' }));
      const before = await auditCount(c.caseId);

      expect(await storage.cases.get(tenantB, c.caseId)).toBeNull();
      expect(await storage.cases.findByReference(tenantB, c.reference)).toBeNull();
      expect(await storage.cases.listForCaseworker(tenantB, ownerA.actorId, { status: 'all' })).toEqual([]);
      expect(await storage.cases.listForTeam(tenantB, 'team-shared-name', { status: 'all' })).toEqual([]);
      expect(await storage.cases.close(tenantB, c.caseId)).toBeNull();
      expect(await storage.decisions.current(tenantB, c.caseId)).toBeNull();
      expect(await storage.decisions.history(tenantB, c.caseId)).toEqual([]);
      await expect(storage.decisions.append(tenantB, c.caseId, c.decision)).rejects.toMatchObject({ code: 'case.not-found' });
      expect(await storage.audit.listForCase(tenantB, c.caseId)).toEqual([]);
      clockNow = new Date('2030-01-01T00:00:00Z');
      expect(await storage.cases.deleteClosedBefore(tenantB, new Date('2031-01-01T00:00:00Z'))).toBe(0);
      clockNow = new Date('2025-03-10T09:00:00Z');

      const still = await storage.cases.get(tenantA, c.caseId);
      expect(still).toMatchObject({ status: 'open', reference: c.reference });
      expect((await storage.decisions.history(tenantA, c.caseId)).length).toBe(1);
      // Tenant B's attempts read nothing, so they left no audit row on A's case.
      const rowsByB = await db.query(`SELECT 1 FROM audit_log WHERE case_id = $1::uuid AND tenant_id = 'tenant-b'`, [c.caseId]);
      expect(rowsByB).toEqual([]);
      expect(await auditCount(c.caseId)).toBe(before + 2);
    });

    it('with team isolation on, a case of another team of the same tenant is invisible and cannot be written', async () => {
      const nord = { ...scopeFor('tenant-teams', 'aad-nord'), teamIds: ['team-nord'] };
      const syd = { ...scopeFor('tenant-teams', 'aad-syd'), teamIds: ['team-syd'] };
      const c = await storage.cases.create(nord, sampleCase({ teamId: 'team-nord' }));

      expect(await storage.cases.get(syd, c.caseId)).toBeNull();
      expect(await storage.cases.findByReference(syd, c.reference)).toBeNull();
      expect(await storage.cases.listForTeam(syd, 'team-nord', { status: 'all' })).toEqual([]);
      expect(await storage.cases.listForCaseworker(syd, nord.actorId, { status: 'all' })).toEqual([]);
      expect(await storage.cases.close(syd, c.caseId)).toBeNull();
      expect(await storage.decisions.current(syd, c.caseId)).toBeNull();
      expect(await storage.decisions.history(syd, c.caseId)).toEqual([]);
      await expect(storage.decisions.append(syd, c.caseId, c.decision)).rejects.toMatchObject({ code: 'case.not-found' });
      await expect(storage.cases.create(syd, sampleCase({ teamId: 'team-nord' }))).rejects.toMatchObject({ code: 'case.not-in-team', userMessage: expect.stringContaining('team, du selv er medlem af') });

      // A member of both teams, and tenant-wide work (no teamIds), see it.
      expect(await storage.cases.get({ ...syd, teamIds: ['team-syd', 'team-nord'] }, c.caseId)).not.toBeNull();
      expect(await storage.cases.get(scopeFor('tenant-teams', 'scheduler', 'scheduler'), c.caseId)).toMatchObject({ status: 'open' });
    });

    it('drafts and conversation references of tenant A are invisible to tenant B', async () => {
      const saved = await storage.drafts.save(tenantA, { conversationId: 'conv-1', step: 'child', answers: { concern: 'risk' }, expectedVersion: 0 });
      if (!saved.ok) throw new Error('draft not saved');
      const sameUserOtherTenant = scopeFor('tenant-b', tenantA.actorId);
      expect(await storage.drafts.get(sameUserOtherTenant, saved.draft.draftId)).toBeNull();
      expect(await storage.drafts.findForConversation(sameUserOtherTenant, 'conv-1')).toBeNull();
      expect(await storage.drafts.remove(sameUserOtherTenant, saved.draft.draftId)).toBe(false);
      const overwrite = await storage.drafts.save(sameUserOtherTenant, { draftId: saved.draft.draftId, conversationId: 'conv-1', step: 'x', answers: {}, expectedVersion: 1 });
      expect(overwrite.ok).toBe(false);
      expect((await storage.drafts.get(tenantA, saved.draft.draftId))?.step).toBe('child');

      await storage.conversationRefs.upsert(tenantA, { conversationId: '19:iso@thread.tacv2', serviceUrl: 'https://smba.trafficmanager.net/emea/', kind: 'channel', teamId: 'team-iso', teamName: 'Familieteam', channelId: '19:iso@thread.tacv2', channelName: 'Generelt', userId: null });
      expect(await storage.conversationRefs.get(tenantB, '19:iso@thread.tacv2')).toBeNull();
      expect((await storage.conversationRefs.listTeams(tenantB)).map((r) => r.teamId)).not.toContain('team-iso');
      expect(await storage.conversationRefs.deactivate(tenantB, '19:iso@thread.tacv2')).toBe(false);
      expect(await storage.conversationRefs.deactivateTeam(tenantB, 'team-iso')).toBe(0);
      expect((await storage.conversationRefs.get(tenantA, '19:iso@thread.tacv2'))?.active).toBe(true);
    });
  });

  describe('audit', () => {
    it('each read and each write of a case leaves exactly one audit row, with who, what and from where', async () => {
      const tab = scopeFor('tenant-audit', 'aad-reader', 'tab');
      const writer = scopeFor('tenant-audit', 'aad-writer', 'chat');
      const c = await storage.cases.create(writer, sampleCase({ teamId: 'team-audit' }));
      const steps: [string, () => Promise<unknown>][] = [
        ['case.read', () => storage.cases.get(tab, c.caseId)],
        ['case.read', () => storage.cases.findByReference(tab, c.reference)],
        ['case.list', () => storage.cases.listForTeam(tab, 'team-audit')],
        ['case.list', () => storage.cases.listForCaseworker(tab, writer.actorId)],
        ['decision.create', () => storage.decisions.append(writer, c.caseId, { recommended: sampleDecision(), chosenOutcome: 'level1', chosenVariant: '1A' })],
        ['decision.read', () => storage.decisions.current(tab, c.caseId)],
        ['decision.history', () => storage.decisions.history(tab, c.caseId)],
        ['case.close', () => storage.cases.close(writer, c.caseId)],
      ];
      expect(await auditCount(c.caseId)).toBe(1);
      for (const [action, step] of steps) {
        const before = await auditCount(c.caseId, action);
        await step();
        expect(await auditCount(c.caseId, action), action).toBe(before + 1);
      }
      expect(await auditCount(c.caseId)).toBe(1 + steps.length);

      const trail = await storage.audit.listForCase(writer, c.caseId);
      expect(trail.map((e) => e.action)).toEqual(['case.create', ...steps.map(([a]) => a)].reverse());
      expect(trail.at(-1)).toMatchObject({ tenantId: 'tenant-audit', actorId: 'aad-writer', origin: 'chat', caseId: c.caseId, details: { recommendedOutcome: 'level1', chosenOutcome: 'level1', overridden: false } });
      expect(trail[1]).toMatchObject({ actorId: 'aad-reader', origin: 'tab', action: 'decision.history' });
      // No personal data in the log: neither the pseudonym nor the reference.
      const raw = JSON.stringify(await db.query('SELECT * FROM audit_log WHERE case_id = $1::uuid', [c.caseId]));
      expect(raw).not.toContain(c.reference);
      expect(raw).not.toContain(c.childPseudonym === 'AH' ? '"AH"' : c.childPseudonym);
    });

    it('a refused write leaves no audit row, because the row shares the write\'s transaction', async () => {
      const c = await storage.cases.create(tenantA, sampleCase());
      const before = await auditCount(c.caseId);
      await expect(storage.decisions.append(tenantA, c.caseId, { recommended: sampleDecision(), chosenOutcome: 'none' })).rejects.toThrow();
      expect(await auditCount(c.caseId)).toBe(before);
    });

    it('audit details refuse CPR numbers', async () => {
      await expect(storage.audit.append(tenantA, { action: 'case.export', details: { note: '010203-1234' } })).rejects.toThrow(/CPR/);
    });
  });

  describe('transactions', () => {
    it('a failure after a write inside a transaction leaves nothing behind', async () => {
      const error = await db
        .transaction(async (tx) => {
          await tx.query(`INSERT INTO audit_log (tenant_id, actor_id, action, origin) VALUES ('tenant-rollback', 'a', 'case.read', 'chat')`);
          await tx.query('SELECT * FROM no_such_table');
        })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      expect(await db.query(`SELECT 1 FROM audit_log WHERE tenant_id = 'tenant-rollback'`)).toEqual([]);
    });

    it('using the database itself inside a transaction is refused at once, instead of escaping it or hanging', async () => {
      const error = await db.transaction(async () => db.query('SELECT 1')).catch((e: unknown) => e);
      expect(error).toMatchObject({ name: 'NestedDatabaseCallError' });
      await expect(db.transaction(async () => storage.cases.get(tenantA, '00000000-0000-4000-8000-000000000000'))).rejects.toMatchObject({ name: 'NestedDatabaseCallError' });
      // Outside a transaction, and in parallel transactions, the same calls work.
      const [a, b] = await Promise.all([db.transaction((tx) => tx.query<{ n: number }>('SELECT 1 AS n')), db.query<{ n: number }>('SELECT 2 AS n')]);
      expect([a, b]).toEqual([[{ n: 1 }], [{ n: 2 }]]);
    });

    it('a case whose reference is taken leaves neither a case, a decision nor an audit row', async () => {
      const scope = scopeFor('tenant-dup');
      const first = await storage.cases.create(scope, sampleCase());
      await expect(storage.cases.create(scope, sampleCase({ reference: first.reference }))).rejects.toBeInstanceOf(CaseReferenceTakenError);
      const counts = await db.query<{ cases: number; decisions: number; audit: number }>(
        `SELECT (SELECT count(*)::int FROM cases WHERE tenant_id = 'tenant-dup') AS cases,
                (SELECT count(*)::int FROM decisions WHERE tenant_id = 'tenant-dup') AS decisions,
                (SELECT count(*)::int FROM audit_log WHERE tenant_id = 'tenant-dup') AS audit`,
      );
      expect(counts).toEqual([{ cases: 1, decisions: 1, audit: 1 }]);
    });
  });

  describe('drafts', () => {
    it('a save based on a stale version is refused and the newer draft is returned', async () => {
      const user = scopeFor('tenant-drafts', 'aad-user-1');
      const first = await storage.drafts.save(user, { conversationId: 'conv-d', step: 'age', answers: {}, expectedVersion: 0 });
      if (!first.ok) throw new Error('not saved');
      expect(first.draft.version).toBe(1);
      const a = await storage.drafts.save(user, { draftId: first.draft.draftId, conversationId: 'conv-d', step: 'concern', answers: { ageMonths: 14 }, expectedVersion: 1 });
      const b = await storage.drafts.save(user, { draftId: first.draft.draftId, conversationId: 'conv-d', step: 'concern', answers: { ageMonths: 99 }, expectedVersion: 1 });
      expect(a).toMatchObject({ ok: true, draft: { version: 2, answers: { ageMonths: 14 } } });
      expect(b).toMatchObject({ ok: false, reason: 'stale', current: { version: 2, answers: { ageMonths: 14 } } });
      expect(await storage.drafts.findForConversation(user, 'conv-d')).toMatchObject({ version: 2, step: 'concern' });
    });

    it('two saves of the same version at the same moment: exactly one wins', async () => {
      const user = scopeFor('tenant-drafts', 'aad-user-2');
      const first = await storage.drafts.save(user, { conversationId: 'conv-race', step: 'age', answers: {}, expectedVersion: 0 });
      if (!first.ok) throw new Error('not saved');
      const results = await Promise.all(
        [1, 2, 3].map((i) => storage.drafts.save(user, { draftId: first.draft.draftId, conversationId: 'conv-race', step: `s${i}`, answers: { i }, expectedVersion: 1 })),
      );
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect((await storage.drafts.get(user, first.draft.draftId))?.version).toBe(2);
    });

    it('another user cannot read or change my draft, and a removed draft is gone', async () => {
      const me = scopeFor('tenant-drafts', 'aad-me');
      const other = scopeFor('tenant-drafts', 'aad-other');
      const saved = await storage.drafts.save(me, { conversationId: 'conv-m', step: 'age', answers: {}, expectedVersion: 0 });
      if (!saved.ok) throw new Error('not saved');
      expect(await storage.drafts.get(other, saved.draft.draftId)).toBeNull();
      expect(await storage.drafts.remove(other, saved.draft.draftId)).toBe(false);
      expect(await storage.drafts.remove(me, saved.draft.draftId)).toBe(true);
      expect(await storage.drafts.get(me, saved.draft.draftId)).toBeNull();
    });

    it('refuses answers containing a CPR number', async () => {
      await expect(storage.drafts.save(tenantA, { conversationId: 'c', step: 's', answers: { note: 'cpr 0102031234' }, expectedVersion: 0 })).rejects.toMatchObject({ code: 'personal-data.cpr' });
    });

    it('abandoned drafts are deleted after the cut-off, recent ones kept', async () => {
      const user = scopeFor('tenant-drafts-old', 'aad-u');
      clockNow = new Date('2025-01-01T00:00:00Z');
      await storage.drafts.save(user, { conversationId: 'old', step: 's', answers: {}, expectedVersion: 0 });
      clockNow = new Date('2025-03-01T00:00:00Z');
      await storage.drafts.save(user, { conversationId: 'new', step: 's', answers: {}, expectedVersion: 0 });
      expect(await storage.drafts.deleteUntouchedSince(user, new Date('2025-02-01T00:00:00Z'))).toBe(1);
      expect(await storage.drafts.findForConversation(user, 'old')).toBeNull();
      expect(await storage.drafts.findForConversation(user, 'new')).not.toBeNull();
      clockNow = new Date('2025-03-10T09:00:00Z');
    });
  });

  describe('conversation references', () => {
    it('saved on install, listed per team, inactivated on removal and reactivated on reinstall', async () => {
      const scope = scopeFor('tenant-refs', 'bot', 'chat');
      const general = { conversationId: '19:gen@thread.tacv2', serviceUrl: 'https://smba.trafficmanager.net/emea/', kind: 'channel' as const, teamId: '19:gen@thread.tacv2', teamName: 'Familieafdelingen', channelId: '19:gen@thread.tacv2', channelName: 'Generelt', userId: null };
      await storage.conversationRefs.upsert(scope, general);
      await storage.conversationRefs.upsert(scope, { conversationId: 'a:personal', serviceUrl: 'https://smba.trafficmanager.net/emea/', kind: 'personal', teamId: null, teamName: null, channelId: null, channelName: null, userId: 'aad-u' });
      expect((await storage.conversationRefs.listTeams(scope)).map((r) => r.teamName)).toEqual(['Familieafdelingen']);

      expect(await storage.conversationRefs.deactivateTeam(scope, '19:gen@thread.tacv2')).toBe(1);
      expect(await storage.conversationRefs.listTeams(scope)).toEqual([]);
      expect((await storage.conversationRefs.get(scope, 'a:personal'))?.active).toBe(true);

      const again = await storage.conversationRefs.upsert(scope, { ...general, teamName: null, serviceUrl: 'https://smba.trafficmanager.net/emea2/' });
      expect(again).toMatchObject({ active: true, teamName: 'Familieafdelingen', serviceUrl: 'https://smba.trafficmanager.net/emea2/' });
      expect(await storage.conversationRefs.deactivate(scope, 'a:personal')).toBe(true);
      expect(await storage.conversationRefs.deactivate(scope, 'a:personal')).toBe(false);
    });
  });

  describe('retention', () => {
    it('deletes closed cases closed before the cut-off with their decisions, keeps the rest, and logs each deletion', async () => {
      const scope = scopeFor('tenant-retention');
      const scheduler = scopeFor('tenant-retention', 'scheduler', 'scheduler');
      clockNow = new Date('2024-01-01T00:00:00Z');
      const oldClosed = await storage.cases.create(scope, sampleCase());
      await storage.cases.close(scope, oldClosed.caseId);
      const stillOpen = await storage.cases.create(scope, sampleCase());
      clockNow = new Date('2025-01-01T00:00:00Z');
      const recentlyClosed = await storage.cases.create(scope, sampleCase());
      await storage.cases.close(scope, recentlyClosed.caseId);
      clockNow = new Date('2025-03-10T09:00:00Z');

      expect(await storage.cases.deleteClosedBefore(scheduler, new Date('2024-06-01T00:00:00Z'))).toBe(1);
      expect(await storage.cases.get(scope, oldClosed.caseId)).toBeNull();
      expect(await db.query('SELECT 1 FROM decisions WHERE case_id = $1::uuid', [oldClosed.caseId])).toEqual([]);
      expect(await storage.cases.get(scope, stillOpen.caseId)).not.toBeNull();
      expect(await storage.cases.get(scope, recentlyClosed.caseId)).not.toBeNull();
      const trail = await storage.audit.listForCase(scope, oldClosed.caseId);
      expect(trail[0]).toMatchObject({ action: 'case.delete', actorId: 'scheduler', origin: 'scheduler', details: { reason: 'retention' } });
      expect(await storage.cases.deleteClosedBefore(scheduler, new Date('2024-06-01T00:00:00Z'))).toBe(0);
    });
  });
});
