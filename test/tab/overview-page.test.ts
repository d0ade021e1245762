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
  await seedOverviewCase(storage, { ...inTeam, reference: 'SAG-2026-0001', start: '2026-07-20', contacts: 20 });
  await seedOverviewCase(storage, { ...inTeam, reference: 'SAG-2026-0002', start: '2026-06-01', completed: (rs) => rs.filter((r) => r.kind === 'regrant') });
  await seedOverviewCase(storage, { ...inTeam, reference: 'SAG-2026-0003', start: '2026-07-25', override: { chosen: 'level3', reason: 'Forældrene magter ikke hverdagen; kompenserende støtte hver dag.' }, contacts: 30 });
  await seedOverviewCase(storage, { ...inTeam, reference: 'SAG-2026-0004', start: '2026-02-01', override: { chosen: 'level1', reason: 'Familien ønsker et kortere forløb; forældrene samarbejder godt.' } });
  await seedOverviewCase(storage, { ...inTeam, reference: 'SAG-2026-0006', start: '2026-09-01', contacts: 2 });
  await seedOverviewCase(storage, { tenantId: T, teamId: 'team-anden', reference: 'SAG-2026-0901', start: '2026-07-20' });
  const roster = fixedRoster({ [`${T}/${TEAM}`]: [DEV_IDENTITY.userId] });
  const wiring = { storage, roster, clock: () => NOW };
  server = await startTabServer({ mode: resolveTabAuth({ production: false }), views: caseViewsFrom(wiring), overview: overviewViewsFrom(wiring) });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await db?.close();
});

async function openOverview(theme: string, width: number): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const errors = collectPageErrors(page);
  await page.goto(`${server.url}/tab/?kontekst=channel&team=${TEAM}&tema=${theme}`);
  await page.locator('#overview[data-loaded="true"]').waitFor();
  return { page, errors };
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
});
