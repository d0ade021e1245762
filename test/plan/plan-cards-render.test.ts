import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planCard } from '../../cards/plan-card.js';
import { planReviewCard } from '../../cards/plan-review-card.js';
import { emptyPlanForm, formFromSubmission } from '../../bot/plan/plan-form.js';
import { emptyReviewForm } from '../../bot/plan/review-form.js';
import { planCardSubmission } from '../support/plan-fixtures.js';

/**
 * The plan and review cards rendered by the real Adaptive Cards renderer in headless Chromium: the
 * renderer's parser and validator must have nothing to say, and the README's screenshots come from
 * these renders.
 */

const SCREENSHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const require = createRequire(import.meta.url);

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
  page = await browser.newPage({ viewport: { width: 600, height: 900 }, locale: 'da-DK' });
  await page.setContent('<!doctype html><html lang="da"><head><meta charset="utf-8"><style>body{font-family:"Segoe UI",sans-serif;background:#f5f5f5;margin:0;padding:12px}#host{background:#fff;width:560px}</style></head><body><div id="host"></div></body></html>');
  await page.addScriptTag({ content: readFileSync(require.resolve('adaptivecards/dist/adaptivecards.min.js'), 'utf8') });
  mkdirSync(SCREENSHOTS, { recursive: true });
});
afterAll(async () => browser?.close());

async function render(card: object): Promise<{ problems: string[]; text: string }> {
  return page.evaluate((card) => {
    const AC = (window as unknown as { AdaptiveCards: any }).AdaptiveCards;
    const problems: string[] = [];
    const adaptiveCard = new AC.AdaptiveCard();
    const context = new AC.SerializationContext();
    adaptiveCard.parse(card, context);
    for (let i = 0; i < context.eventCount; i++) problems.push(`parse: ${context.getEventAt(i).message}`);
    for (const e of adaptiveCard.validateProperties().validationEvents) problems.push(`validate: ${e.message}`);
    const host = document.getElementById('host')!;
    host.innerHTML = '';
    const element = adaptiveCard.render();
    if (element) host.appendChild(element);
    else problems.push('render: nothing rendered');
    return { problems, text: host.innerText };
  }, card);
}

const caseId = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

describe('the plan card in the Adaptive Cards renderer', () => {
  it('renders a preventive plan with the model\'s tasks verbatim and their passage ids', async () => {
    const form = formFromSubmission(planCardSubmission(caseId));
    const card = planCard({ caseId, reference: '2026-001234', outcomeLabel: 'Hjemmepædagogisk indsats', preventive: true, showDaycare: true, form, version: 1, durationHint: 'Forudfyldt fra afgørelsen: højst 40 uger (hpi.4.varighed).', saved: 'Planen er gemt (version 1).' });
    const { problems, text } = await render(card);
    expect(problems).toEqual([]);
    expect(text).toContain('understøtte forældrene til at udvikle rammer for dagligdagen');
    expect(text).toContain('(hpi.4.relationer.4)');
    expect(text).toContain('Planen er gemt (version 1).');
    await page.locator('#host').screenshot({ path: `${SCREENSHOTS}plan.png` });
  });

  it('shows the problems of a refused save above the person\'s own values', async () => {
    const form = emptyPlanForm({ value: 9, unit: 'months' });
    form.purpose = 'Familien får støtte til rammer om hverdagen.';
    const card = planCard({ caseId, reference: '2026-001234', outcomeLabel: 'Niveau 1: praktisk pædagogisk støtte', preventive: false, showDaycare: false, form, version: 0, durationHint: '', problems: ['Mål: skriv mindst ét mål'] });
    const { problems, text } = await render(card);
    expect(problems).toEqual([]);
    expect(text).toContain('Planen er ikke gemt');
    expect(text).toContain('Mål: skriv mindst ét mål');
    expect(text).not.toContain('Fokuspunkter');
  });
});

describe('the review card in the Adaptive Cards renderer', () => {
  const base = {
    caseId,
    reference: '2026-001234',
    outcomeLabel: 'Niveau 2: intensiv praktisk pædagogisk støtte',
    preventive: false,
    askAge: false,
    planVersion: 1,
    decisionId: '0f8fad5b-d9cb-469f-a165-70867728950e',
    goals: [
      { text: 'Faste sovetider, der holder', sign: 'Barnet sover til kl. 6 fem nætter om ugen', latest: 'Seneste: Noget (10.04.2026)' },
      { text: 'Mere leg på gulvet', sign: 'Forældrene leger med barnet hver dag', latest: null },
    ],
    due: { date: '2026-07-10', text: 'Bevillingen gælder 3 måneder ad gangen: har indsatsen tilstrækkelig effekt?', passage: 'pps.omfang.2' },
  };

  it('renders each goal with its latest progress and the decision to take', async () => {
    const { problems, text } = await render(planReviewCard({ ...base, form: emptyReviewForm(2, '2026-07-08') }));
    expect(problems).toEqual([]);
    expect(text).toContain('Seneste: Noget (10.04.2026)');
    expect(text).toContain('Forlæng ved ny bevilling');
    expect(text).toContain('Frist 10.07.2026');
    await page.locator('#host').screenshot({ path: `${SCREENSHOTS}plan-review.png` });
  });

  it('after a save shows what was recorded and no inputs', async () => {
    const form = { ...emptyReviewForm(2, '2026-07-08'), progress: ['clear', 'some'], decision: 'continue' };
    const card = planReviewCard({ ...base, form, result: [{ title: 'Næste gennemgang', value: '08.10.2026' }] });
    const { problems, text } = await render(card);
    expect(problems).toEqual([]);
    expect(text).toContain('Gennemgangen er gemt');
    expect(text).toContain('Fremskridt: Tydeligt');
    expect(JSON.stringify(card)).not.toContain('Input.');
  });
});
