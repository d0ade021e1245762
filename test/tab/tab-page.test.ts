import { standardRules } from '../../bot/rules-binding.js';
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_NOTES, type NotesSource } from '../../bot/tab/case-source.js';
import { createStorage } from '../../bot/storage/storage.js';
import { caseViewsFrom } from '../../bot/tab/wiring.js';
import { DEV_IDENTITY, resolveTabAuth } from '../../bot/tab/mode.js';
import { standardPassage } from '../../bot/summary/passages.js';
import { screenshotDir } from '../support/screenshots.js';
import { collectPageErrors, launchChromium, seriousAxeViolations } from '../support/browser.js';
import { contactNotes, level2Decision } from '../support/summary-fixtures.js';
import { testDatabase, type TestDatabase } from '../support/db.js';
import { fixedRoster, seedCase } from '../support/tab-fixtures.js';
import { startTabServer } from '../support/tab-server.js';

const me = { tenantId: DEV_IDENTITY.tenantId, caseworkerId: DEV_IDENTITY.userId };
const OVERRIDE_REASON = 'Forældrene kan give følelsesmæssig omsorg; behovet er praktisk og varigt.';

let browser: Browser;
let server: { url: string; close(): Promise<void> };
let axeSource: string;
let db: TestDatabase;

beforeAll(async () => {
  axeSource = await readFile(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
  db = await testDatabase();
  // Decided the day after the start, as the override's date on the page shows.
  const storage = createStorage(db, { clock: () => new Date('2026-09-02T09:30:00Z') });
  const overridden = await seedCase(storage, { ...me, reference: 'SAG-2026-0042', childPseudonym: 'AB', override: { chosen: 'level3', reason: OVERRIDE_REASON } });
  const soon = { ...level2Decision('2026-08-01'), reviews: [{ kind: 'regrant' as const, due: '2026-10-20', passage: 'pps.omfang.2', text: 'Bevillingen gælder 3 måneder ad gangen: har indsatsen tilstrækkelig effekt?' }] };
  await seedCase(storage, { ...me, reference: 'SAG-2026-0007', childPseudonym: 'CD', decision: soon });
  await seedCase(storage, { tenantId: me.tenantId, caseworkerId: 'kollega-oid', caseworkerName: 'Kollega B', reference: 'SAG-2026-0100', childPseudonym: 'EF' });
  // The longest labels and texts the dates table shows, side by side: where columns were squeezed.
  const long = {
    ...level2Decision('2026-08-01'),
    reviews: [
      { kind: 'investigation-deadline' as const, due: '2026-11-01', passage: 'pps.saerlige.foreloebig', text: 'Den børnefaglige undersøgelse skal være afsluttet, og den foreløbige handleplan skal foreligge, før niveau 2 kan fortsætte.' },
      { kind: 'handover' as const, due: '2027-02-01', passage: 'pps.saerlige.visitation-social', text: 'Afslutning, overlevering eller revisitering: hvem overtager, og hvad skal de vide om familiens udvikling?' },
      { kind: 'step-down' as const, due: '2027-03-01', passage: 'pps.omfang.2', text: 'Nedtrapning til 1 besøg om ugen, når udviklingen er vendt.' },
    ],
  };
  await seedCase(storage, { tenantId: me.tenantId, caseworkerId: 'kollega-oid', caseworkerName: 'Kollega B', reference: 'SAG-2026-0200', childPseudonym: 'GH', decision: long });

  // The notes work provides this source; until it is wired, the page test brings its own notes.
  const notes: NotesSource = {
    forCase: async (scope, caseId) =>
      caseId === overridden.caseId
        ? {
            notes: contactNotes(14),
            summary: { text: 'Familien har fået faste morgenrutiner, og barnet kommer nu til tiden i børnehave. Forældrene beder selv om råd om sengetider.', producedBy: 'udtræk uden sprogmodel', producedByEn: 'an extract (no language model)', byModel: false, at: '2026-10-12T08:00:00Z', noteCount: 14 },
          }
        : NO_NOTES.forCase(scope, caseId),
  };
  const views = caseViewsFrom({
    storage,
    rules: standardRules,
    notes,
    roster: fixedRoster({ [`${me.tenantId}/team-familie`]: [DEV_IDENTITY.userId] }),
    clock: () => new Date('2026-10-13T10:00:00Z'),
  });
  server = await startTabServer({ mode: resolveTabAuth({ production: false }), views });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await db?.close();
});

async function open(path: string, width = 1024, locale = 'da-DK', base = server.url): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 900 }, locale });
  const errors = collectPageErrors(page);
  await page.goto(`${base}${path}`);
  return { page, errors };
}

/** Words in the dates table that the browser split over two lines (a word with two line boxes). */
function wordsBrokenInDatesTable(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const broken: string[] = [];
    const walker = document.createTreeWalker(document.querySelector('table.dates')!, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      for (const m of text.matchAll(/\S+/gu)) {
        const range = document.createRange();
        range.setStart(node, m.index!);
        range.setEnd(node, m.index! + m[0].length);
        const lines = new Set(Array.from(range.getClientRects()).filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (lines.size > 1) broken.push(m[0]);
      }
    }
    return broken;
  });
}

describe('the tab in local development mode', () => {
  it('is clearly marked, lists my cases due soon first, and shows a summary with verbatim passages', async () => {
    const { page, errors } = await open('/tab/?kontekst=personal');
    await expect(page.getByText('Lokal udviklingstilstand', { exact: true })).toBeTruthy();
    expect(await page.locator('#dev-banner').isVisible()).toBe(true);
    const items = page.locator('#case-list button');
    await items.first().waitFor();
    // Mine only: the colleague's case is in the team's list, not in mine.
    expect(await items.locator('.case-ref').allTextContents()).toEqual(['SAG-2026-0007 · CD', 'SAG-2026-0042 · AB']);

    await items.nth(1).click();
    const heading = page.locator('#summary-heading');
    await heading.waitFor();
    expect(await heading.textContent()).toBe('Sag SAG-2026-0042 (AB)');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('summary-heading');
    const summary = page.locator('#summary');
    expect(await summary.textContent()).toContain('Anbefaling efter servicestandarden');
    expect(await summary.textContent()).toContain('Niveau 3: kompenserende praktisk pædagogisk støtte');
    expect(await summary.textContent()).toContain('Udarbejdet af udtræk uden sprogmodel ud fra 14 notater');
    // The caseworker chose level 3 over the recommended level 2: scope and dates are level 3's.
    expect(await summary.textContent()).toMatch(/timer om ugen af højst 5/);
    expect(await summary.textContent()).toContain('Opfølgning hver 6. måned');

    const expander = summary.locator('button.expander', { hasText: 'pps.maalgruppe.2' }).first();
    expect(await expander.getAttribute('aria-expanded')).toBe('false');
    await expander.click();
    expect(await expander.getAttribute('aria-expanded')).toBe('true');
    const quote = page.locator(`#${await expander.getAttribute('aria-controls')}`);
    expect(await quote.isVisible()).toBe(true);
    expect(await quote.textContent()).toContain(standardPassage('pps.maalgruppe.2')!.text);

    expect(await page.locator('#journal-text').inputValue()).toMatch(/^Sagsresumé, sag SAG-2026-0042 \(AB\)/);
    await page.screenshot({ path: join(screenshotDir(), 'tab-personal.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('follows a theme change without reloading, and the dark theme really is dark', async () => {
    const { page, errors } = await open('/tab/?kontekst=personal');
    await page.locator('#case-list button').first().click();
    await page.locator('#summary-heading').waitFor();
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await background()).toBe('rgb(245, 245, 245)');
    await page.selectOption('#dev-theme', 'dark');
    expect(await page.evaluate(() => document.body.dataset.theme)).toBe('dark');
    expect(await background()).toBe('rgb(31, 31, 31)');
    expect(await page.locator('#summary-heading').isVisible()).toBe(true);
    await page.locator('#summary button.expander').first().click();
    await page.screenshot({ path: join(screenshotDir(), 'tab-dark.png'), fullPage: true });
    await page.selectOption('#dev-theme', 'contrast');
    expect(await background()).toBe('rgb(0, 0, 0)');
    expect(errors).toEqual([]);
    await page.close();
  });

  it.each(['default', 'dark', 'contrast'])('has no serious or critical accessibility violations in the %s theme', async (theme) => {
    const { page } = await open(`/tab/?kontekst=personal&tema=${theme}`);
    await page.locator('#case-list button').nth(1).click();
    await page.locator('#summary-heading').waitFor();
    await page.locator('#summary button.expander').first().click();
    const violations = await seriousAxeViolations(page, axeSource);
    expect(violations.map((v) => `${v.id}: ${v.help} @ ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await page.close();
  });

  it('finds a case by reference in the 320 px meeting side panel, by keyboard alone, without horizontal scrolling', async () => {
    const { page, errors } = await open('/tab/?kontekst=sidePanel', 320);
    expect(await page.locator('#list-section').isHidden()).toBe(true);
    await page.locator('#reference').focus();
    await page.keyboard.type('SAG-2026-0042');
    await page.keyboard.press('Enter');
    await page.locator('#summary-heading').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('summary-heading');
    await page.keyboard.press('Tab');
    // The first stop after the heading is the first passage expander, and Enter opens it.
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('expander');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-expanded'))).toBe('true');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.screenshot({ path: join(screenshotDir(), 'tab-side-panel-320.png'), fullPage: true });
    expect(await seriousAxeViolations(page, axeSource)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says in Danish when a reference is unknown and keeps what was typed', async () => {
    const { page, errors } = await open('/tab/?kontekst=sidePanel', 320);
    await page.fill('#reference', 'SAG-0000-0000');
    await page.click('#find-form button[type=submit]');
    const alert = page.locator('#error');
    await alert.waitFor();
    // The door's words, the same for a case that does not exist and one the reader may not see.
    expect(await alert.textContent()).toContain('Jeg fandt ingen sag med det sagsnummer, som du har adgang til');
    expect(await page.inputValue('#reference')).toBe('SAG-0000-0000');
    // A refused request shows in the console as a failed resource; nothing else may.
    expect(errors.filter((e) => !/status of 404/.test(e))).toEqual([]);
    await page.close();
  });

  it('says in English to an English reader what is wrong with a reference, as the API answers it', async () => {
    const { page, errors } = await open('/tab/?kontekst=sidePanel', 320, 'en-US');
    await page.fill('#reference', 'SAG<1>');
    await page.click('#find-form button[type=submit]');
    const alert = page.locator('#error');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/^The case number may only contain letters, digits/);
    await page.fill('#reference', 'SAG-0000-0000');
    await page.click('#find-form button[type=submit]');
    await page.waitForFunction(() => /^I found no case/.test(document.querySelector('#error')?.textContent ?? ''));
    expect(errors.filter((e) => !/status of 40[04]/.test(e))).toEqual([]);
    await page.close();
  });

  // A 1280 px Teams window leaves the tab about 1200 px in the personal app and about 890 px in a channel (beside the team list).
  it.each([1280, 890, 700])('at %i px breaks no word in the dates table in the middle', async (width) => {
    const { page, errors } = await open('/tab/?kontekst=personal', width);
    await page.fill('#reference', 'SAG-2026-0200');
    await page.click('#find-form button[type=submit]');
    await page.locator('table.dates').waitFor();
    expect(await wordsBrokenInDatesTable(page)).toEqual([]);
    await page.locator('table.dates').screenshot({ path: join(screenshotDir(), `tab-dates-${width}.png`) });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('in the side panel shows the decision, the next due date and the plan before the reasons', async () => {
    const { page, errors } = await open('/tab/?kontekst=sidePanel', 320);
    await page.fill('#reference', 'SAG-2026-0042');
    await page.click('#find-form button[type=submit]');
    await page.locator('#summary-heading').waitFor();
    const order = await page.evaluate(() => {
      const all = Array.from(document.querySelectorAll('#summary h3, #summary .next-due'));
      const at = (test: (e: Element) => boolean) => all.findIndex(test);
      return {
        decision: at((e) => e.textContent === 'Afgørelse'),
        nextDue: at((e) => e.classList.contains('next-due')),
        reasons: at((e) => /^Begrundelse/.test(e.textContent ?? '')),
        dates: at((e) => e.textContent === 'Frister'),
      };
    });
    expect(order.decision).toBe(0);
    expect(order.nextDue).toBe(1);
    expect(order.reasons).toBeGreaterThan(order.nextDue);
    expect(order.dates).toBeGreaterThan(order.reasons);
    expect(await page.locator('#summary .next-due').textContent()).toMatch(/^Næste frist: \d{1,2}\. [a-z]+ 20\d\d/);
    await page.screenshot({ path: join(screenshotDir(), 'tab-side-panel-order-320.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('speaks English to an English reader, with the journal text still in Danish', async () => {
    const { page, errors } = await open('/tab/?kontekst=personal', 1024, 'en-US');
    await page.locator('#case-list button').nth(1).click();
    const heading = page.locator('#summary-heading');
    await heading.waitFor();
    expect(await heading.textContent()).toBe('Case SAG-2026-0042 (AB)');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    const summary = (await page.locator('#summary').textContent()) ?? '';
    expect(summary).toContain('Recommendation under the service standard');
    expect(summary).toContain('Level 3: compensatory practical pedagogical support');
    expect(summary).toContain('Written by an extract (no language model) from 14 notes, 12 October 2026.');
    expect(await page.locator('#case-list').textContent()).toMatch(/Next due date: \d{1,2} [A-Z][a-z]+ 20\d\d/);
    expect(await page.locator('#finder-heading').textContent()).toBe('Find a case');
    const ownWords = [...(await page.locator('#summary h3, #summary dt, #summary .hint, #summary button, #finder, #list-section h2').allTextContents())].join('\n');
    expect(ownWords).not.toMatch(/Afgørelse|Anbefaling|Begrundelse|Frister|Næste frist|Udarbejdet|Find en sag|Mine sager|Vis standardens/);
    expect(await page.locator('#journal-text').inputValue()).toMatch(/^Sagsresumé, sag SAG-2026-0042 \(AB\)/);
    await page.screenshot({ path: join(screenshotDir(), 'tab-personal-en.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the team’s cases in a channel', async () => {
    const { page, errors } = await open('/tab/?kontekst=channel&team=team-familie');
    await page.locator('#case-list button').first().waitFor();
    expect(await page.locator('#list-heading').textContent()).toBe('Teamets sager');
    expect(await page.locator('#case-list .case-ref').allTextContents()).toContain('SAG-2026-0100 · EF');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the tab opened outside Teams', () => {
  let sso: { url: string; close(): Promise<void> };
  beforeAll(async () => {
    const views = caseViewsFrom({ storage: createStorage(db), rules: standardRules, roster: fixedRoster({}), clock: () => new Date('2026-10-13T10:00:00Z') });
    // A production tab: Teams SSO, so nothing works without Teams around the page.
    sso = await startTabServer({ mode: resolveTabAuth({ clientId: '00000000-0000-4000-8000-00000000abcd', production: true, jwksUrl: 'http://127.0.0.1:9/keys' }), views });
  });
  afterAll(() => sso?.close());

  it.each([
    ['da-DK', 'da', 'Åbn Familiestøtte i Teams', /Vælg »Apps«/],
    ['en-GB', 'en', 'Open Familiestøtte in Teams', /Choose »Apps«/],
  ])('explains in the browser’s language (%s) how to open it in Teams, instead of a raw teams-js error', async (locale, lang, heading, step) => {
    const { page, errors } = await open('/tab/', 1024, locale, sso.url);
    const box = page.locator('#outside');
    await box.waitFor();
    expect(await page.locator('#outside-heading').textContent()).toBe(heading);
    expect(await box.textContent()).toMatch(step);
    expect(await page.locator('body').textContent()).not.toMatch(/Initialization Failed|No Parent window/);
    expect(await page.locator('#finder').isHidden()).toBe(true);
    expect(await page.locator('#error').isHidden()).toBe(true);
    expect(await seriousAxeViolations(page, axeSource)).toEqual([]);
    await page.screenshot({ path: join(screenshotDir(), `tab-outside-teams-${lang}.png`), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});
