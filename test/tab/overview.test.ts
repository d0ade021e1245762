import { TEXTS } from '../../bot/conversation/texts.js';
import { standardRules } from '../../bot/rules-binding.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStorage, type Storage } from '../../bot/storage/storage.js';
import { DEV_IDENTITY, resolveTabAuth } from '../../bot/tab/mode.js';
import { caseViewsFrom, overviewViewsFrom } from '../../bot/tab/wiring.js';
import { scopeStanding, type TeamOverview } from '../../bot/overview/figures.js';
import { teamOverviewReader } from '../../bot/storage/team-overview.js';
import { maskedWords } from '../../bot/overview/reason-words.js';
import { testDatabase, type TestDatabase } from '../support/db.js';
import { fixedRoster } from '../support/tab-fixtures.js';
import { startTabServer } from '../support/tab-server.js';
import { seedOverviewCase } from './overview-fixtures.js';
import { childPlanAnchor } from '../../bot/plan/child-plan-form.js';
import type { ChildPlanInput } from '../../bot/storage/child-plans.js';
import { addDays } from '../../rules/dates.js';
import { danishIn } from '../support/language.js';

/**
 * The team's overview through the tab's HTTP API, over cases made as the bot makes them. Each
 * figure is checked against a count the test writes in SQL of its own over the same tables, and
 * against what is known of the seeded cases; another team's and another tenant's cases, which
 * share the words and dates, never show.
 */

const T = DEV_IDENTITY.tenantId;
const OTHER_TENANT = '11111111-2222-3333-4444-555555555555';
const TEAM = 'team-familie';
const TODAY = '2026-10-13';
/** A team whose cases carry barnets plan's stances (their own describe below). */
const PLAN_TEAM = 'team-barnets-plan';
const NOW = new Date('2026-10-13T10:00:00Z');

let db: TestDatabase;
let storage: Storage;
let member: { url: string; close(): Promise<void> };
let outsider: { url: string; close(): Promise<void> };
let overview: TeamOverview;

const REASON_3 = 'Mette har brug for kompenserende støtte hver dag; forældrene magter ikke hverdagen alene.';
const REASON_4 = 'Familien ønsker et kortere forløb, og kompenserende hjælp er ikke nødvendig; forældrene samarbejder.';

beforeAll(async () => {
  db = await testDatabase();
  storage = createStorage(db, { clock: () => NOW });
  const inTeam = { tenantId: T, teamId: TEAM };
  // Started 2026-07-20: its § 95 first follow-up and its re-grant fall on 2026-10-20 (in 7 days); notes about 2 visits a week.
  await seedOverviewCase(storage, { ...inTeam, reference: 'SAG-2026-0001', start: '2026-07-20', contacts: 20 });
  // Started 2026-06-01: follow-up and re-grant were due 2026-09-01, the undersøgelse 2026-10-01; the re-grant was done.
  await seedOverviewCase(storage, { ...inTeam, reference: 'SAG-2026-0002', start: '2026-06-01', completed: (rs) => rs.filter((r) => r.kind === 'regrant') });
  // Level 3 chosen over level 2: first follow-up 2026-10-25 (in 12 days).
  await seedOverviewCase(storage, { ...inTeam, reference: 'SAG-2026-0003', start: '2026-07-25', override: { chosen: 'level3', reason: REASON_3 }, contacts: 4 });
  // Level 1 (1A) chosen over level 2, started 2026-02-01: its handover falls 9 months later, 2026-11-01 (in 19 days).
  await seedOverviewCase(storage, { ...inTeam, reference: 'SAG-2026-0004', start: '2026-02-01', override: { chosen: 'level1', reason: REASON_4 } });
  // Closed: its decision counts among the team's decisions, its dates and measure do not.
  await seedOverviewCase(storage, { ...inTeam, reference: 'SAG-2026-0005', start: '2026-07-20', close: true });
  // Another team of the same tenant and the same team id in another tenant: the same dates, their own words.
  await seedOverviewCase(storage, { tenantId: T, teamId: 'team-anden', reference: 'SAG-2026-0901', start: '2026-07-20', override: { chosen: 'level3', reason: 'Hemmeligord kompenserende' } });
  await seedOverviewCase(storage, { tenantId: OTHER_TENANT, teamId: TEAM, reference: 'SAG-2026-0902', start: '2026-07-20', override: { chosen: 'level3', reason: 'Fremmedord kompenserende' } });

  const roster = fixedRoster({ [`${T}/${TEAM}`]: [DEV_IDENTITY.userId], [`${T}/${PLAN_TEAM}`]: [DEV_IDENTITY.userId], [`${OTHER_TENANT}/${TEAM}`]: [DEV_IDENTITY.userId] });
  const wiring = { storage, rules: standardRules, roster, clock: () => NOW };
  member = await startTabServer({ mode: resolveTabAuth({ production: false }), views: caseViewsFrom(wiring), overview: overviewViewsFrom(wiring) });
  const stranger = { tenantId: T, userId: 'aad-outsider', name: 'Udenforstående' };
  outsider = await startTabServer({ mode: resolveTabAuth({ production: false, devIdentity: stranger }), views: caseViewsFrom(wiring), overview: overviewViewsFrom(wiring) });
  const res = await get(member.url, TEAM);
  expect(res.status).toBe(200);
  overview = ((await res.json()) as { overview: TeamOverview }).overview;
});
afterAll(async () => {
  await member?.close();
  await outsider?.close();
  await db?.close();
});

function get(url: string, teamId: string, lang?: string): Promise<Response> {
  return fetch(`${url}/api/tab/overview?teamId=${encodeURIComponent(teamId)}${lang ? `&lang=${lang}` : ''}`, { headers: { authorization: 'Bearer lokal-udvikling' } });
}

async function sql<T>(text: string, params: unknown[]): Promise<T[]> {
  return db.query<T>(text, params);
}

describe("the team's overview", () => {
  it('counts the open cases by the measure that stands, as SQL counts them', async () => {
    const expected = await sql<{ outcome: string; variant: string | null; n: number }>(
      `SELECT d.chosen_outcome AS outcome, d.chosen_variant AS variant, count(*)::int AS n
       FROM cases c JOIN decisions d ON d.tenant_id = c.tenant_id AND d.case_id = c.case_id
       WHERE c.tenant_id = $1 AND c.team_id = $2 AND c.status = 'open'
         AND d.seq = (SELECT max(seq) FROM decisions x WHERE x.tenant_id = c.tenant_id AND x.case_id = c.case_id)
       GROUP BY 1, 2 ORDER BY 1, 2`,
      [T, TEAM],
    );
    const shown = overview.open.byMeasure.map((m) => ({ outcome: m.outcome, variant: m.variant, n: m.cases.count })).sort((a, b) => a.outcome.localeCompare(b.outcome));
    expect(shown).toEqual(expected);
    expect(overview.open.total).toEqual({ count: 4, cases: ['SAG-2026-0001', 'SAG-2026-0002', 'SAG-2026-0003', 'SAG-2026-0004'] });
    expect(overview.open.byMeasure.find((m) => m.outcome === 'level2')?.cases.cases).toEqual(['SAG-2026-0001', 'SAG-2026-0002']);
  });

  it('counts what falls due by kind: overdue, the next 14 and 30 days, done reviews left out, as SQL counts them', async () => {
    const expected = await sql<{ category: string; overdue: number; next14: number; next30: number }>(
      `WITH open_due AS (
         SELECT r.case_id, r.due,
                CASE WHEN r.kind = 'investigation-deadline' OR (r.kind = 'follow-up' AND r.passage = 'bl.95') THEN 'statutory'
                     WHEN r.kind IN ('grant-end', 'regrant', 'course-end') THEN 'grant' ELSE 'review' END AS category
         FROM reminders r JOIN cases c USING (tenant_id, case_id)
         WHERE r.tenant_id = $1 AND c.team_id = $2 AND c.status = 'open' AND r.notice = 'due' AND r.state <> 'cancelled'
           AND (r.kind, r.due) NOT IN (SELECT kind, due FROM review_completions v WHERE v.tenant_id = r.tenant_id AND v.case_id = r.case_id))
       SELECT category,
              count(DISTINCT case_id) FILTER (WHERE due < $3::date)::int AS overdue,
              count(DISTINCT case_id) FILTER (WHERE due BETWEEN $3::date AND $3::date + 14)::int AS next14,
              count(DISTINCT case_id) FILTER (WHERE due BETWEEN $3::date AND $3::date + 30)::int AS next30
       FROM open_due GROUP BY category`,
      [T, TEAM, TODAY],
    );
    const byCategory = Object.fromEntries(expected.map((e) => [e.category, e]));
    for (const line of overview.due) {
      const e = byCategory[line.category] ?? { overdue: 0, next14: 0, next30: 0 };
      expect({ category: line.category, overdue: line.overdue.count, next14: line.next14.count, next30: line.next30.count }).toEqual({ category: line.category, overdue: e.overdue, next14: e.next14, next30: e.next30 });
    }
    const line = (c: string) => overview.due.find((d) => d.category === c)!;
    // What the seeded cases say, so a query wrong in the same way as the module's would still fail.
    // 0002's undersøgelse and § 95 follow-up; 0004's § 95 follow-up fell on 2026-05-01.
    expect(line('statutory').overdue.cases).toEqual(['SAG-2026-0002', 'SAG-2026-0004']);
    expect(line('statutory').next14.cases).toEqual(['SAG-2026-0001', 'SAG-2026-0003']);
    expect(line('grant').overdue.cases).toEqual([]);
    expect(line('grant').next14.cases).toEqual(['SAG-2026-0001']);
    expect(line('grant').next30.cases).toEqual(['SAG-2026-0001']);
    // 0004 is level 1A: after 9 months its 3 extra months begin (a review), on 2026-11-01.
    expect(line('review').next14.cases).toEqual([]);
    expect(line('review').next30.cases).toEqual(['SAG-2026-0004']);
  });

  it('counts overrides per recommended measure with their share, as SQL counts them', async () => {
    const expected = await sql<{ outcome: string; decisions: number; overridden: number }>(
      `SELECT d.recommended_outcome AS outcome, count(*)::int AS decisions, count(d.override_reason)::int AS overridden
       FROM decisions d WHERE d.tenant_id = $1 AND d.case_id IN (SELECT case_id FROM cases WHERE tenant_id = $1 AND team_id = $2)
       GROUP BY 1 ORDER BY 1`,
      [T, TEAM],
    );
    expect(overview.overrides.byMeasure.map((m) => ({ outcome: m.outcome, decisions: m.decisions, overridden: m.overridden.count }))).toEqual(expected);
    const level2 = overview.overrides.byMeasure.find((m) => m.outcome === 'level2')!;
    expect(level2).toMatchObject({ decisions: 5, share: 0.4, overridden: { cases: ['SAG-2026-0003', 'SAG-2026-0004'] } });
  });

  it("lists the reasons' most common words without names, short words or stopwords", () => {
    const words = overview.overrides.words.map((w) => w.word);
    expect(overview.overrides.words[0]).toEqual({ word: 'forældrene', reasons: 2, cases: ['SAG-2026-0003', 'SAG-2026-0004'] });
    expect(words).toContain('kompenserende');
    expect(words).not.toContain('mette');
    expect(words.filter((w) => [...w].length < 4)).toEqual([]);
    expect(words).not.toContain('ikke');
    expect(words).not.toContain('hemmeligord');
    expect(words).not.toContain('fremmedord');
  });

  it('masks CPR numbers and registered names before counting words', () => {
    const words = maskedWords({ reference: 'X', text: 'Barnet (010203-1234) bor hos Lillebror og mormor Birthe; Jensen-familien flytter.', names: ['Lillebror', 'Sagsbehandler A'] });
    expect([...words]).not.toContain('lillebror');
    expect([...words]).not.toContain('birthe');
    expect([...words].some((w) => /\d/.test(w))).toBe(false);
    expect([...words]).toContain('mormor');
    expect([...words]).toContain('barnet');
  });

  it('masks names the capital rule would let through: at a sentence start, and a registered name in lower case', () => {
    const words = [...maskedWords({ reference: 'X', text: 'Mette har brug for støtte. Hjemme sover lillebror dårligt, siger mormor.', names: ['Lillebror'] })];
    expect(words).not.toContain('mette');
    expect(words).not.toContain('lillebror');
    expect(words).toEqual(expect.arrayContaining(['brug', 'støtte', 'hjemme', 'sover', 'dårligt', 'siger', 'mormor']));
  });

  it('judges scope used against granted as each case summary does', async () => {
    const views = caseViewsFrom({ storage, rules: standardRules, roster: fixedRoster({ [`${T}/${TEAM}`]: [DEV_IDENTITY.userId] }), clock: () => NOW });
    const rows = await teamOverviewReader(db)({ tenantId: T, actorId: 'test', origin: 'tab' }, { teamId: TEAM, today: TODAY, horizon: '2026-11-12' });
    for (const row of rows.openCases) {
      const summary = await views.caseSummary({ tenantId: DEV_IDENTITY.tenantId, actorId: DEV_IDENTITY.userId, origin: 'tab' }, row.reference);
      expect([row.reference, scopeStanding(row, TODAY)]).toEqual([row.reference, summary.scope?.status ?? 'no-notes']);
    }
    const standing = Object.fromEntries(overview.scope.lines.map((l) => [l.standing, l.cases.cases]));
    expect(standing['no-notes']).toEqual(['SAG-2026-0002', 'SAG-2026-0004']);
    expect(overview.scope.granted).toBe(4);
  });

  it("never shows another team's or another tenant's cases", () => {
    const text = JSON.stringify(overview);
    expect(text).not.toContain('SAG-2026-0901');
    expect(text).not.toContain('SAG-2026-0902');
  });

  it('is audited: one view row per case it names, none for cases it does not', async () => {
    const rows = await sql<{ reference: string }>(
      `SELECT DISTINCT c.reference FROM audit_log a JOIN cases c ON c.tenant_id = a.tenant_id AND c.case_id = a.case_id
       WHERE a.tenant_id = $1 AND a.action = 'overview.view' AND a.actor_id = $2 ORDER BY 1`,
      [T, DEV_IDENTITY.userId],
    );
    expect(rows.map((r) => r.reference)).toEqual(['SAG-2026-0001', 'SAG-2026-0002', 'SAG-2026-0003', 'SAG-2026-0004', 'SAG-2026-0005']);
  });

  it('refuses someone outside the team as not found, in Danish, shows nothing, and audits the refusal', async () => {
    const res = await get(outsider.url, TEAM);
    expect(res.status).toBe(404);
    const body = (await res.json()) as { error: string; message: string };
    expect(body).toEqual({ error: 'not-found', message: TEXTS.notInThisTeam.da });
    const audit = await sql<{ action: string; n: number }>(`SELECT action, count(*)::int AS n FROM audit_log WHERE tenant_id = $1 AND actor_id = 'aad-outsider' GROUP BY 1`, [T]);
    expect(audit).toEqual([{ action: 'case.access-refused', n: 1 }]);
  });

  it("labels its measures, deadlines and scope in the reader's language, the same figures in both", async () => {
    const labels = (o: TeamOverview) => ({
      open: o.open.byMeasure.map((m) => m.label),
      due: o.due.map((d) => d.label),
      scope: o.scope.lines.map((l) => l.label),
      overrides: o.overrides.byMeasure.map((m) => m.label),
    });
    const english = ((await (await get(member.url, TEAM, 'en')).json()) as { overview: TeamOverview }).overview;
    expect(labels(english)).toEqual({
      open: ['Level 1: practical pedagogical support', 'Level 2: intensive practical pedagogical support', 'Level 3: compensatory practical pedagogical support'],
      due: ['Reviews and follow-ups', 'Grants that run out', "Statutory deadlines (the børnefaglig undersøgelse's deadline, the first follow-up under § 95)", 'Barnets plan to be in place (Barnets lov § 91)'],
      scope: ['Below what was granted', 'Within what was granted', 'No notes yet'],
      overrides: ['Level 2: intensive practical pedagogical support'],
    });
    expect(danishIn(JSON.stringify(labels(english)))).toEqual([]);
    // Danish unless English is asked for: no language, and another one, are Danish.
    const danish = ((await (await get(member.url, TEAM, 'de-DE')).json()) as { overview: TeamOverview }).overview;
    expect(labels(danish)).toEqual(labels(overview));
    expect(labels(overview).due[0]).toBe('Gennemgange og opfølgninger');
    expect(labels(overview).open[1]).toBe('Niveau 2: intensiv praktisk pædagogisk støtte');
    // Only the words differ: the counts and the cases behind them are the same.
    const figures = (o: TeamOverview) => JSON.stringify(o, (key, value) => (key === 'label' ? undefined : value));
    expect(figures(english)).toBe(figures(overview));
  });

  it('asks for the team when it is missing', async () => {
    const res = await fetch(`${member.url}/api/tab/overview`, { headers: { authorization: 'Bearer lokal-udvikling' } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toBe('Teamet mangler: åbn overblikket fra teamets kanal.');
  });
});

/**
 * Barnets plan (Barnets lov § 91): a plan to be made must be in place 3 months after the decision on
 * the support. Each case is decided on a day of its own (the storage's clock), its stance recorded as
 * the plan card records it, and the figures held against SQL of the test's own and against the days.
 */
describe("the team's overview: barnets plan", () => {
  let plan: TeamOverview;
  const decidedOn = (day: string) => createStorage(db, { clock: () => new Date(`${day}T09:00:00Z`) });

  async function seedWithStance(team: { tenantId: string; teamId: string }, reference: string, decided: string, stances: ChildPlanInput[], chosen?: 'preventive'): Promise<void> {
    const at = decidedOn(decided);
    // The support starts 10 days after the decision: the deadline counts from the decision (bl.91.1), not the start.
    const { caseId } = await seedOverviewCase(at, { ...team, reference, start: addDays(decided, 10), ...(chosen ? { override: { chosen, reason: 'Forebyggende forløb passer bedre til familien.' } } : {}) });
    const scope = { tenantId: team.tenantId, actorId: 'aad-caseworker-1', origin: 'chat' };
    const c = (await at.cases.get(scope, caseId))!;
    for (const stance of stances) await at.childPlans.record(scope, caseId, stance, childPlanAnchor(c, standardRules(team.tenantId)));
  }

  beforeAll(async () => {
    const inTeam = { tenantId: T, teamId: PLAN_TEAM };
    const yes: ChildPlanInput = { stance: 'yes', madeOn: null };
    // Decided 2026-07-05: due 2026-10-05, overdue on 2026-10-13.
    await seedWithStance(inTeam, 'BP-01', '2026-07-05', [yes]);
    // Decided 2026-07-20: due 2026-10-20, in 7 days.
    await seedWithStance(inTeam, 'BP-02', '2026-07-20', [yes]);
    // Decided 2026-08-01: due 2026-11-01, in 19 days (the 30, not the 14).
    await seedWithStance(inTeam, 'BP-03', '2026-08-01', [yes]);
    // Decided 2026-09-01: due 2026-12-01, beyond the 30 days.
    await seedWithStance(inTeam, 'BP-04', '2026-09-01', [yes]);
    // Made on 2026-10-01: nothing left to count.
    await seedWithStance(inTeam, 'BP-05', '2026-07-05', [yes, { stance: 'yes', madeOn: '2026-10-01' }]);
    // First yes, then no: the newest stands, and a no has no deadline.
    await seedWithStance(inTeam, 'BP-06', '2026-07-05', [yes, { stance: 'no', madeOn: null }]);
    // Not decided yet, said or not said: the team sees them apart.
    await seedWithStance(inTeam, 'BP-07', '2026-07-05', [{ stance: 'undecided', madeOn: null }]);
    await seedWithStance(inTeam, 'BP-08', '2026-07-05', []);
    // A preventive course is no support under § 32: § 91 asks nothing of it.
    await seedWithStance(inTeam, 'BP-09', '2026-07-05', [], 'preventive');
    // Another team of the tenant and the same team id in another tenant, with the same days and stances.
    await seedWithStance({ tenantId: T, teamId: 'team-anden' }, 'BP-91', '2026-07-05', [yes]);
    await seedWithStance({ tenantId: OTHER_TENANT, teamId: PLAN_TEAM }, 'BP-92', '2026-07-20', [{ stance: 'undecided', madeOn: null }]);
    const res = await get(member.url, PLAN_TEAM);
    expect(res.status).toBe(200);
    plan = ((await res.json()) as { overview: TeamOverview }).overview;
  });

  it('counts the plans to be made and not made, overdue and in the next 14 and 30 days, as SQL counts them', async () => {
    const [expected] = await sql<{ overdue: number; next14: number; next30: number }>(
      `WITH latest AS (
         SELECT DISTINCT ON (s.case_id) s.case_id, s.stance, s.due, s.made_on
         FROM child_plan_stances s JOIN cases c ON c.tenant_id = s.tenant_id AND c.case_id = s.case_id
         WHERE s.tenant_id = $1 AND c.team_id = $2 AND c.status = 'open'
         ORDER BY s.case_id, s.seq DESC)
       SELECT count(*) FILTER (WHERE due < $3::date)::int AS overdue,
              count(*) FILTER (WHERE due BETWEEN $3::date AND $3::date + 14)::int AS next14,
              count(*) FILTER (WHERE due BETWEEN $3::date AND $3::date + 30)::int AS next30
       FROM latest WHERE stance = 'yes' AND made_on IS NULL`,
      [T, PLAN_TEAM, TODAY],
    );
    const line = plan.due.find((d) => d.category === 'child-plan')!;
    expect({ overdue: line.overdue.count, next14: line.next14.count, next30: line.next30.count }).toEqual(expected);
    // What the days say, so a query wrong in the same way as the module's would still fail.
    expect(line.overdue.cases).toEqual(['BP-01']);
    expect(line.next14.cases).toEqual(['BP-02']);
    expect(line.next30.cases).toEqual(['BP-02', 'BP-03']);
    expect(line.label).toContain('§ 91');
  });

  it('shows the cases with support under § 32 whose stance is not taken, as SQL counts them', async () => {
    const expected = await sql<{ reference: string }>(
      `SELECT c.reference FROM cases c
       JOIN decisions d ON d.tenant_id = c.tenant_id AND d.case_id = c.case_id
         AND d.seq = (SELECT max(seq) FROM decisions x WHERE x.tenant_id = c.tenant_id AND x.case_id = c.case_id)
       WHERE c.tenant_id = $1 AND c.team_id = $2 AND c.status = 'open' AND d.chosen_outcome IN ('level1', 'level2', 'level3')
         AND COALESCE((SELECT s.stance FROM child_plan_stances s WHERE s.tenant_id = c.tenant_id AND s.case_id = c.case_id ORDER BY s.seq DESC LIMIT 1), 'undecided') = 'undecided'
       ORDER BY 1`,
      [T, PLAN_TEAM],
    );
    expect(plan.childPlanUndecided.cases).toEqual(expected.map((e) => e.reference));
    expect(plan.childPlanUndecided).toEqual({ count: 2, cases: ['BP-07', 'BP-08'] });
  });

  it("leaves barnets plan out of the other kinds, and never shows another team's or tenant's cases", () => {
    const text = JSON.stringify(plan);
    expect(text).not.toContain('BP-91');
    expect(text).not.toContain('BP-92');
    expect(text).not.toContain('SAG-2026-');
    for (const line of plan.due.filter((d) => d.category !== 'child-plan')) expect([...line.overdue.cases, ...line.next30.cases]).not.toContain('BP-04');
    // The first team's cases, decided today, have taken no stance: they are not decided yet, and have no deadline counted.
    expect(overview.childPlanUndecided.cases).toEqual(['SAG-2026-0001', 'SAG-2026-0002', 'SAG-2026-0003', 'SAG-2026-0004']);
    const first = overview.due.find((d) => d.category === 'child-plan')!;
    expect([first.overdue.count, first.next30.count]).toEqual([0, 0]);
  });
});
