import { standardRules } from '../../bot/rules-binding.js';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStorage } from '../../bot/storage/storage.js';
import { DEV_IDENTITY, resolveTabAuth } from '../../bot/tab/mode.js';
import { caseViewsFrom, overviewViewsFrom } from '../../bot/tab/wiring.js';
import { collectPageErrors, launchChromium, seriousAxeViolations } from '../support/browser.js';
import { testDatabase, type TestDatabase } from '../support/db.js';
import { screenshotDir } from '../support/screenshots.js';
import { fixedRoster } from '../support/tab-fixtures.js';
import { startTabServer } from '../support/tab-server.js';
import { seedOverviewCase } from './overview-fixtures.js';
import { danishIn } from '../support/language.js';
import { wellbeingStore } from '../../bot/storage/wellbeing.js';
import { DEFAULT_PARAMETERS } from '../../rules/parameters/default.js';

/** The team's overview in the channel tab, in headless Chromium: Teams' three themes, 1280 and 320 px. */

const T = DEV_IDENTITY.tenantId;
const TEAM = 'team-familie';
const NOW = new Date('2026-10-13T10:00:00Z');

let browser: Browser;
let server: { url: string; close(): Promise<void> };
let axeSource: string;
let db: TestDatabase;

beforeAll(async () => {
  axeSource = await readFile(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
  db = await testDatabase();
  const storage = createStorage(db, { clock: () => NOW });
  const inTeam = { tenantId: T, teamId: TEAM };
  const first = await seedOverviewCase(storage, { ...inTeam, reference: 'SAG-2026-0001', start: '2026-07-20', contacts: 20 });
  await seedWellbeing(storage, first.caseId);
  await seedOverviewCase(storage, { ...inTeam, reference: 'SAG-2026-0002', start: '2026-06-01', completed: (rs) => rs.filter((r) => r.kind === 'regrant') });
  await seedOverviewCase(storage, { ...inTeam, reference: 'SAG-2026-0003', start: '2026-07-25', override: { chosen: 'level3', reason: 'Forældrene magter ikke hverdagen; kompenserende støtte hver dag.' }, contacts: 30 });
  await seedOverviewCase(storage, { ...inTeam, reference: 'SAG-2026-0004', start: '2026-02-01', override: { chosen: 'level1', reason: 'Familien ønsker et kortere forløb; forældrene samarbejder godt.' } });
  const sixth = await seedOverviewCase(storage, { ...inTeam, reference: 'SAG-2026-0006', start: '2026-09-01', contacts: 2 });
  // Barnets plan to be made by 2026-10-20 (in 7 days); the other cases have taken no stance yet.
  const scope = { tenantId: T, actorId: 'aad-caseworker-1', origin: 'chat' };
  const decision = (await storage.cases.get(scope, sixth.caseId))!.decision;
  await storage.childPlans.record(scope, sixth.caseId, { stance: 'yes', madeOn: null }, { decisionId: decision.decisionId, due: '2026-10-20' });
  await seedOverviewCase(storage, { tenantId: T, teamId: 'team-anden', reference: 'SAG-2026-0901', start: '2026-07-20' });
  const roster = fixedRoster({ [`${T}/${TEAM}`]: [DEV_IDENTITY.userId] });
  const wiring = { storage, rules: standardRules, roster, clock: () => NOW };
  server = await startTabServer({ mode: resolveTabAuth({ production: false }), views: caseViewsFrom(wiring), overview: overviewViewsFrom(wiring) });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await db?.close();
});

async function openOverview(theme: string, width: number, locale = 'da-DK'): Promise<{ page: Page; errors: string[] }> {
  // A Danish client unless told: the tab speaks the browser's language outside Teams' own context.
  const page = await browser.newPage({ viewport: { width, height: 900 }, locale });
  const errors = collectPageErrors(page);
  await page.goto(`${server.url}/tab/?kontekst=channel&team=${TEAM}&tema=${theme}`);
  await page.locator('#overview[data-loaded="true"]').waitFor();
  return { page, errors };
}

/** An intake assessment and two reviews' scores, the reviews held on the case's plan. */
async function seedWellbeing(storage: ReturnType<typeof createStorage>, caseId: string): Promise<void> {
  const scope = { tenantId: T, actorId: 'aad-caseworker-1', origin: 'chat', teamIds: [TEAM] };
  const store = wellbeingStore(storage.db, () => NOW);
  const ids = DEFAULT_PARAMETERS.wellbeingAreas.map((a) => a.id);
  const scores = (a: number, b: number, c: number, why: string) =>
    [['child-development', a], ['parenting-capacity', b], ['family-surroundings', c]].map(([area, score]) => ({ area: area as string, score: score as 1, reason: why }));
  await store.record(scope, caseId, { occasion: 'intake', date: '2026-07-20', scores: scores(2, 2, 3, 'Uro om morgenen; forældrene er usikre.') }, ids);
  await storage.db.query(
    `INSERT INTO plans (tenant_id, case_id, version, purpose, duration_value, duration_unit, referral_source, visitation_social, changed, changed_by, changed_at)
     VALUES ($1, $2, 1, 'Faste rutiner.', 6, 'months', 'daycare', false, '{created}', 'aad-caseworker-1', now())`,
    [T, caseId],
  );
  for (const [date, s3] of [['2026-08-20', scores(3, 3, 3, 'Faste morgenrutiner virker.')], ['2026-09-20', scores(4, 3, 4, 'Barnet kommer til tiden; mormor hjælper.')]] as const) {
    const [review] = await storage.db.query<{ review_id: string }>(
      `INSERT INTO plan_reviews (tenant_id, case_id, review_id, plan_version, review_date, decision, decision_id, reviewed_by, reviewed_at)
       SELECT $1, $2, gen_random_uuid(), 1, $3::date, 'continue', decision_id, 'aad-caseworker-1', now() FROM decisions WHERE tenant_id = $1 AND case_id = $2
       RETURNING review_id::text`,
      [T, caseId, date],
    );
    await store.record(scope, caseId, { occasion: 'review', reviewId: review!.review_id, date, scores: s3 }, ids);
  }
}

describe("the team's overview in the channel tab", () => {
  for (const theme of ['default', 'dark', 'contrast']) {
    for (const width of [1280, 320]) {
      it(`reads in the ${theme} theme at ${width} px: no serious axe violations, no sideways scrolling`, async () => {
        const { page, errors } = await openOverview(theme, width);
        expect(await page.locator('#overview-heading').textContent()).toBe('Teamets overblik');
        expect(await page.locator('#overview svg.bar').count()).toBeGreaterThan(5);
        // A figure opens the list of its cases, by reference.
        await page.locator('[data-figure="open-level2"]').click();
        expect(await page.locator('#overview-cases .case-link').allTextContents()).toEqual(['SAG-2026-0001', 'SAG-2026-0002', 'SAG-2026-0006']);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        const violations = await seriousAxeViolations(page, axeSource);
        expect(violations.map((v) => `${v.id}: ${v.help} @ ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
        await page.screenshot({ path: join(screenshotDir(), `overview-${theme}-${width}.png`), fullPage: true });
        expect(errors).toEqual([]);
        await page.close();
      });
    }
  }

  for (const theme of ['default', 'dark', 'contrast']) {
    for (const width of [1280, 320]) {
      it(`reads in English to an English client in the ${theme} theme at ${width} px, with no Danish but the caseworkers' own words`, async () => {
        const { page, errors } = await openOverview(theme, width, 'en-US');
        expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
        expect(await page.locator('#overview-heading').textContent()).toBe("The team's overview");
        expect(await page.locator('#overview-status').textContent()).toBe('Choose a number to see the cases behind it.');
        expect(await page.locator('#ov-open').textContent()).toBe('Open cases by measure and level (5)');
        expect(await page.locator('[data-figure="open-level2"] .figure-label').textContent()).toBe('Level 2: intensive practical pedagogical support');
        expect(await page.locator('.due-table thead th').allTextContents()).toEqual(['What', 'Overdue', 'Next 14 days', 'Next 30 days']);
        expect(await page.locator('.due-table tbody th').allTextContents()).toEqual([
          'Reviews and follow-ups',
          'Grants that run out',
          "Statutory deadlines (the børnefaglig undersøgelse's deadline, the first follow-up under § 95)",
          'Barnets plan to be in place (Barnets lov § 91)',
        ]);
        expect(await page.locator('.due-table caption').textContent()).toBe('Number of cases as of 13 October 2026; the 30 days include the 14.');
        expect(await page.locator('[data-figure="due-statutory-overdue"]').getAttribute('aria-label')).toBe("Statutory deadlines (the børnefaglig undersøgelse's deadline, the first follow-up under § 95), overdue: 2. Show the cases");
        expect(await page.locator('#ov-overrides').textContent()).toBe('Departures from the recommendation (2 cases, 5 decisions)');
        expect(await page.locator('[data-figure="override-level2"] .figure-value').textContent()).toBe('2 of 5 (40%)');
        // A figure's cases, as a screen reader and the eye get them.
        await page.locator('[data-figure="due-statutory-overdue"]').click();
        expect(await page.locator('#overview-cases h3').textContent()).toBe("Statutory deadlines (the børnefaglig undersøgelse's deadline, the first follow-up under § 95), overdue: 2 cases");
        // Everything the page says, spoken or shown, but the words of the reasons (the caseworkers' own, as written).
        const said = await page.evaluate(() => {
          const body = document.body.cloneNode(true) as HTMLElement;
          Array.from(body.querySelectorAll('button.word')).forEach((word) => word.firstChild?.remove());
          const attributes = Array.from(body.querySelectorAll('[aria-label], [data-label], [placeholder]')).flatMap((e) => ['aria-label', 'data-label', 'placeholder'].map((a) => e.getAttribute(a) ?? ''));
          return [document.title, body.textContent ?? '', ...attributes].join('\n');
        });
        expect(danishIn(said)).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        const violations = await seriousAxeViolations(page, axeSource);
        expect(violations.map((v) => `${v.id}: ${v.help} @ ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
        await page.screenshot({ path: join(screenshotDir(), `overview-${theme}-${width}-en.png`), fullPage: true });
        expect(errors).toEqual([]);
        await page.close();
      });
    }
  }

  it('takes a caseworker from a deadline to the case behind it by keyboard', async () => {
    const { page, errors } = await openOverview('default', 320);
    const overdue = page.locator('[data-figure="due-statutory-overdue"]');
    expect(await overdue.textContent()).toBe('2');
    await overdue.focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('overview-cases');
    expect(await page.locator('#overview-cases h3').textContent()).toContain('overskredet: 2 sager');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('SAG-2026-0002');
    await page.keyboard.press('Enter');
    await page.locator('#summary-heading').waitFor();
    expect(await page.locator('#summary-heading').textContent()).toBe('Sag SAG-2026-0002 (AB)');
    expect(await page.locator('#overview').textContent()).not.toContain('SAG-2026-0901');
    expect(errors).toEqual([]);
    await page.close();
  });

  it("lists barnets plan's deadline and the cases whose stance is not taken, each figure opening its cases", async () => {
    const { page, errors } = await openOverview('default', 1280);
    const row = page.locator('.due-table tr', { hasText: 'Barnets plan' });
    expect(await row.locator('th').textContent()).toBe('Barnets plan, der skal foreligge (Barnets lov § 91)');
    await page.locator('[data-figure="due-child-plan-14"]').click();
    expect(await page.locator('#overview-cases .case-link').allTextContents()).toEqual(['SAG-2026-0006']);
    await page.locator('[data-figure="child-plan-undecided"]').click();
    expect(await page.locator('#overview-cases h3').textContent()).toBe('Barnets plan: ikke besluttet, om der skal udarbejdes en: 4 sager');
    expect(await page.locator('#overview-cases .case-link').allTextContents()).toEqual(['SAG-2026-0001', 'SAG-2026-0002', 'SAG-2026-0003', 'SAG-2026-0004']);
    // The team's case list counts the deadline in what is due next, as the summary does.
    expect(await page.locator('#case-list li', { hasText: 'SAG-2026-0006' }).textContent()).toContain('Næste frist: 20. oktober 2026');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the wellbeing course in English to an English client, the caseworker\'s reason as written', async () => {
    const { page, errors } = await openOverview('default', 1280, 'en-US');
    await page.fill('#reference', 'SAG-2026-0001');
    await page.click('#find-form button[type=submit]');
    await page.locator('#summary-heading').waitFor();
    expect(await page.locator('#summary .wellbeing').locator('xpath=preceding-sibling::h3[1]').textContent()).toBe('Wellbeing (1–5) over time');
    expect(await page.locator('#summary .wellbeing li').first().locator('.hint').textContent()).toBe('Latest (20 September 2026): Barnet kommer til tiden; mormor hjælper.');
    expect(await page.locator('#summary .wellbeing-label').allTextContents()).toEqual(["The child's development and behaviour", "The parents' capacity", 'Family and surroundings']);
    // The chart's own words are English; the reasons are the caseworker's, as written.
    const chart = await page.locator('#summary .wellbeing').evaluate((list) => {
      const copy = list.cloneNode(true) as HTMLElement;
      Array.from(copy.querySelectorAll('.hint')).forEach((hint) => { hint.textContent = (hint.textContent ?? '').replace(/: .*$/, ''); });
      return copy.textContent ?? '';
    });
    expect(danishIn(chart)).toEqual([]);
    await page.locator('#summary .wellbeing').screenshot({ path: join(screenshotDir(), 'wellbeing-default-1280-en.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  for (const theme of ['default', 'dark', 'contrast']) {
    for (const width of [1280, 320]) {
      it(`shows the wellbeing course in the case summary in the ${theme} theme at ${width} px`, async () => {
        const { page, errors } = await openOverview(theme, width);
        await page.fill('#reference', 'SAG-2026-0001');
        await page.click('#find-form button[type=submit]');
        await page.locator('#summary-heading').waitFor();
        const areas = page.locator('#summary .wellbeing li');
        expect(await areas.count()).toBe(3);
        expect(await page.locator('#summary svg.spark').count()).toBe(3);
        expect(await areas.first().locator('.wellbeing-scores').textContent()).toBe('2 → 3 → 4');
        expect(await areas.first().locator('.hint').textContent()).toBe('Senest (20. september 2026): Barnet kommer til tiden; mormor hjælper.');
        expect(await page.locator('#journal-text').inputValue()).toContain('Trivsel (1–5): Barnets udvikling og adfærd 2 → 3 → 4 · Forældrenes kompetencer 2 → 3 → 3 · Familie og netværk 3 → 3 → 4');
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        const violations = await seriousAxeViolations(page, axeSource);
        expect(violations.map((v) => `${v.id}: ${v.help} @ ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
        await page.locator('#summary .wellbeing').screenshot({ path: join(screenshotDir(), `wellbeing-${theme}-${width}.png`) });
        expect(errors).toEqual([]);
        await page.close();
      });
    }
  }
});
