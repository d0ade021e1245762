import { standardRules } from '../../bot/rules-binding.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../bot/storage/database.js';
import { createStorage, type Storage } from '../../bot/storage/storage.js';
import { planCardForCase, savePlanFromCard, type PlanDeps } from '../../bot/plan/plan-flow.js';
import { reviewCardForCase, saveReviewFromCard } from '../../bot/plan/review-flow.js';
import { scopeFor } from '../support/case-fixtures.js';
import { realPostgres, testDatabase } from '../support/db.js';
import { caseFromRules, LEVEL2_FACTS, planCardSubmission, PREVENTIVE_FACTS } from '../support/plan-fixtures.js';

/**
 * The plan and review cards' round trips with the real rules, on PGlite (the default) and on a real
 * PostgreSQL server (production): the same behaviour on both.
 */

const backends: [string, () => Promise<Database>][] = [
  ['PGlite', testDatabase],
  ['PostgreSQL', () => realPostgres('plans')],
];

describe.each(backends)('plans on %s', (_backend, open) => {
  const scope = scopeFor('tenant-plan');
  let db: Database;
  let storage: Storage;
  let deps: PlanDeps;
  let today = '2026-04-15';

  beforeAll(async () => {
    db = await open();
    storage = createStorage(db, { clock: () => new Date(`${today}T10:00:00Z`) });
    deps = { storage, rules: standardRules('t'), today: () => today };
  });
  afterAll(async () => db?.close());
  // A test that moves the day must not leave it moved for the next, even when it fails.
  beforeEach(() => {
    today = '2026-04-15';
  });

  const textOf = (card: unknown) => JSON.stringify(card);

  async function countRows(table: string, caseId: string): Promise<number> {
    const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE case_id = $1::uuid`, [caseId]);
    return row?.n ?? 0;
  }

  describe('the plan card', () => {
    it('for a new preventive case is prefilled with the 40 weeks of the decision', async () => {
      const c = await storage.cases.create(scope, caseFromRules(PREVENTIVE_FACTS));
      const card = await planCardForCase(deps, scope, c);
      expect(textOf(card)).toContain('"id":"durationValue"');
      expect(textOf(card)).toMatch(/"value":40/);
      expect(textOf(card)).toContain('Forudfyldt fra afgørelsen: højst 40 uger');
    });

    it('saves a plan and shows it again as version 1, with the audit row beside it', async () => {
      const c = await storage.cases.create(scope, caseFromRules(PREVENTIVE_FACTS));
      const card = await savePlanFromCard(deps, scope, planCardSubmission(c.caseId));
      expect(textOf(card)).toContain('Planen er gemt (version 1).');
      const plan = await storage.plans.current(scope, c.caseId);
      expect(plan).toMatchObject({
        version: 1,
        focusPoints: ['interaction', 'learning-environment'],
        tasks: ['relations-4', 'wellbeing-4', 'wellbeing-5'],
        visitationSocial: { receives: true, contactRole: 'housing-support' },
        daycareStart: { date: '2026-08-01', kind: 'nursery' },
        changed: ['created'],
        changedBy: scope.actorId,
      });
      expect(plan?.goals.map((g) => [g.text, g.agreedWithParents])).toEqual([
        ['Faste sovetider, der holder', true],
        ['Mere leg på gulvet', false],
      ]);
      const [audit] = await db.query<{ action: string }>(`SELECT action FROM audit_log WHERE case_id = $1::uuid AND action = 'plan.save'`, [c.caseId]);
      expect(audit?.action).toBe('plan.save');
    });

    it('keeps every version: an edit writes version 2 naming what changed, goals keep their ids', async () => {
      const c = await storage.cases.create(scope, caseFromRules(PREVENTIVE_FACTS));
      await savePlanFromCard(deps, scope, planCardSubmission(c.caseId));
      const v1 = (await storage.plans.current(scope, c.caseId))!;
      const edit = planCardSubmission(c.caseId, { baseVersion: '1', goalIds: v1.goals.map((g) => g.id).join(',') + ',,,', goal2Agreed: 'true', purpose: 'Nyt formål med ro om aftenen.' });
      expect(textOf(await savePlanFromCard(deps, scope, edit))).toContain('Planen er gemt (version 2).');
      const history = await storage.plans.history(scope, c.caseId);
      expect(history.map((p) => [p.version, p.changed])).toEqual([
        [2, ['purpose', 'goals']],
        [1, ['created']],
      ]);
      expect(history[0]!.goals.map((g) => g.id)).toEqual(v1.goals.map((g) => g.id));
    });

    it('refuses an edit made on a version someone else has already changed', async () => {
      const c = await storage.cases.create(scope, caseFromRules(PREVENTIVE_FACTS));
      await savePlanFromCard(deps, scope, planCardSubmission(c.caseId));
      const stale = await savePlanFromCard(deps, scope, planCardSubmission(c.caseId, { purpose: 'Et andet formål.' }));
      expect(textOf(stale)).toContain('Planen er blevet ændret, siden du åbnede den');
      expect(await countRows('plans', c.caseId)).toBe(1);
    });

    it.each([
      ['no goals', { goal1Text: '', goal1Sign: '', goal2Text: '', goal2Sign: '' }, 'Mål: skriv mindst ét mål'],
      ['an over-long purpose', { purpose: 'x'.repeat(1001) }, 'Formål: er for lang: højst 1000 tegn'],
      ['a CPR-like number', { goal2Text: 'Barnet (cpr 010203-1234) skal sove' }, 'Mål 2, målet: ligner et CPR-nummer'],
      ['a full name', { purpose: 'Mette Jensen skal have ro' }, 'Formål: ser ud til at indeholde et fuldt navn'],
    ])('refuses %s with a Danish message, keeps what was typed and stores nothing', async (_name, overrides, message) => {
      const c = await storage.cases.create(scope, caseFromRules(PREVENTIVE_FACTS));
      const submission = planCardSubmission(c.caseId, overrides);
      const card = textOf(await savePlanFromCard(deps, scope, submission));
      expect(card).toContain('Planen er ikke gemt');
      expect(card).toContain(message);
      expect(card).toContain(JSON.stringify(String(submission.purpose)).slice(1, 40));
      expect(await countRows('plans', c.caseId)).toBe(0);
      expect(await countRows('plan_goals', c.caseId)).toBe(0);
    });
  });

  describe('reviews against the plan', () => {
    async function caseWithPlan(facts = LEVEL2_FACTS, overrides: Record<string, unknown> = {}) {
      const c = await storage.cases.create(scope, caseFromRules(facts));
      const preventive = c.decision.chosenOutcome === 'preventive';
      const submission = planCardSubmission(c.caseId, preventive ? overrides : { focusPoints: '', tasks_relations: '', tasks_wellbeing: '', durationValue: '3', durationUnit: 'months', ...overrides });
      expect(textOf(await savePlanFromCard(deps, scope, submission))).toContain('Planen er gemt');
      return (await storage.cases.get(scope, c.caseId))!;
    }

    function reviewSubmission(c: { caseId: string; decision: { decisionId: string } }, fields: Record<string, unknown>) {
      return { verb: 'plan.review.save', caseId: c.caseId, planVersion: '1', decisionId: c.decision.decisionId, reviewDate: today, ...fields };
    }

    it('asks for a plan first when the case has none', async () => {
      const c = await storage.cases.create(scope, caseFromRules(LEVEL2_FACTS));
      expect(await reviewCardForCase(deps, scope, c)).toEqual({ error: expect.stringContaining('Sagen har endnu ingen plan') });
    });

    it('moves the goals and schedules the next level-2 re-grant three months on', async () => {
      const c = await caseWithPlan();
      expect(textOf(await reviewCardForCase(deps, scope, c))).toContain('Ingen tidligere gennemgang');
      today = '2026-04-10';
      const saved = textOf(await saveReviewFromCard(deps, scope, reviewSubmission(c, { goal1Progress: 'some', goal1Note: 'Bedre aftener', goal2Progress: 'clear', decision: 'continue' })));
      expect(saved).toContain('Gennemgangen er gemt');
      expect(saved).toContain('10. juli 2026');
      const summary = await storage.planSummary(scope, c.caseId);
      expect(summary?.goals.map((g) => g.latest?.label)).toEqual(['Noget', 'Tydeligt']);
      expect(summary?.nextReview).toMatchObject({ due: '2026-07-10' });
      expect(textOf(await reviewCardForCase(deps, scope, c))).toContain('Seneste: Noget (10. april 2026)');
    });

    it('the same review form saved twice at once records one review; a colleague using its id records their own', async () => {
      const c = await caseWithPlan();
      const reviewId = '5d1c7b2a-9e8f-4a3b-8c6d-7e5f4a3b2c1d';
      const form = reviewSubmission(c, { reviewId, goal1Progress: 'some', goal2Progress: 'clear', decision: 'continue' });
      // Whichever way they interleave (the second sees the first's review, or both start before either
      // is recorded and the case row's lock queues the second), one review is recorded.
      const both = await Promise.all([saveReviewFromCard(deps, scope, form), saveReviewFromCard(deps, scope, form)]);
      for (const card of both) expect(textOf(card)).toContain('Gennemgangen er gemt');
      expect(await countRows('plan_reviews', c.caseId)).toBe(1);
      const colleague = scopeFor('tenant-plan', 'aad-colleague-2');
      expect(textOf(await saveReviewFromCard(deps, colleague, form))).toContain('Gennemgangen er gemt');
      expect(await countRows('plan_reviews', c.caseId)).toBe(2);
    });

    it('a level change keeps both decisions and takes the new decision\'s due dates', async () => {
      const c = await caseWithPlan();
      const saved = textOf(
        await saveReviewFromCard(
          deps,
          scope,
          reviewSubmission(c, {
            goal1Progress: 'not-started',
            goal2Progress: 'some',
            decision: 'change-level',
            fact_parentalCapacityUnclear: 'no',
            fact_emotionalCareAdequate: 'yes',
            fact_practicalCareSeriousDeficits: 'yes',
            fact_parentsSeeNeed: 'yes',
          }),
        ),
      );
      expect(saved).toContain('Ny afgørelse');
      const history = await storage.decisions.history(scope, c.caseId);
      expect(history.map((d) => d.chosenOutcome)).toEqual(['level3', 'level2']);
      expect(history[0]!.recommended.startDate).toBe('2026-04-15');
      // Level 3 follows up every 6 months; the Barnets lov § 95 first follow-up comes at 3.
      const dues = history[0]!.recommended.reviews.map((r) => [r.kind, r.due]);
      expect(dues).toContainEqual(['follow-up', '2026-10-15']);
      expect(await storage.planSummary(scope, c.caseId)).toMatchObject({ nextReview: { due: '2026-07-15' } });
    });

    it('a level change the rules do not bear out is refused and nothing is stored', async () => {
      const c = await caseWithPlan();
      const card = textOf(await saveReviewFromCard(deps, scope, reviewSubmission(c, { goal1Progress: 'some', goal2Progress: 'some', decision: 'change-level' })));
      expect(card).toContain('reglerne peger fortsat på samme indsats');
      expect(await countRows('plan_reviews', c.caseId)).toBe(0);
      expect((await storage.decisions.history(scope, c.caseId)).length).toBe(1);
    });

    it('closing a preventive course records its outcome and the follow-up at age three, and closes the case', async () => {
      const c = await caseWithPlan(PREVENTIVE_FACTS);
      today = '2026-09-20';
      const saved = textOf(await saveReviewFromCard(deps, scope, reviewSubmission(c, { goal1Progress: 'reached', goal2Progress: 'clear', decision: 'close', ageAppropriate: 'yes' })));
      expect(saved).toContain('Alderssvarende ved start i dagtilbud');
      // 10 months old on 2026-01-05: surely three by 2026-01-05 + 26 months.
      expect(saved).toContain('5. marts 2028');
      expect(await storage.planSummary(scope, c.caseId)).toMatchObject({ closing: { ageAppropriate: 'yes', followUpAtThree: '2028-03-05' }, nextReview: null });
      expect((await storage.cases.get(scope, c.caseId))?.status).toBe('closed');
    });

    it('a preventive course cannot be closed without saying whether the child was age-appropriate', async () => {
      const c = await caseWithPlan(PREVENTIVE_FACTS);
      const card = textOf(await saveReviewFromCard(deps, scope, reviewSubmission(c, { goal1Progress: 'reached', goal2Progress: 'clear', decision: 'close' })));
      expect(card).toContain('Alderssvarende ved start i dagtilbud: angiv om barnet var alderssvarende');
      expect((await storage.cases.get(scope, c.caseId))?.status).toBe('open');
    });

    it('another tenant sees neither the plan nor its summary', async () => {
      const c = await caseWithPlan();
      const other = scopeFor('tenant-other');
      expect(await storage.plans.current(other, c.caseId)).toBeNull();
      expect(await storage.planSummary(other, c.caseId)).toBeNull();
    });
  });
});
