import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCaseSummary } from '../../bot/summary/case-summary.js';
import { standardPassage } from '../../bot/summary/passages.js';
import { summaryCard } from '../../cards/summary-card.js';
import { CardRenderer } from '../support/card-renderer.js';
import { screenshotDir } from '../support/screenshots.js';
import { contactNotes, level2Decision, OVERRIDE } from '../support/summary-fixtures.js';

/** The summary card through the real Adaptive Cards renderer, as a Teams web client shows it. */
let renderer: CardRenderer;
beforeAll(async () => {
  renderer = await CardRenderer.start();
});
afterAll(() => renderer?.close());

const summary = buildCaseSummary({
  case: { tenantId: 't', teamId: 'team', reference: 'SAG-2026-0042', label: 'AB', caseworkerId: 'cw', status: 'open' },
  decision: level2Decision(),
  override: OVERRIDE,
  notes: contactNotes(14),
  notesSummary: { text: 'Familien har fået faste morgenrutiner.', producedBy: 'udtræk uden sprogmodel', byModel: false, at: '2026-10-12T08:00:00Z', noteCount: 14 },
  passage: standardPassage,
  today: '2026-10-13',
});

describe('the summary card, rendered', () => {
  it('renders with no parse or validation events and shows what a meeting needs', async () => {
    const report = await renderer.render(summaryCard(summary, { tabUrl: 'https://familiestotte.example.dk/tab/' }));
    expect(report.problems).toEqual([]);
    for (const text of ['Sag SAG-2026-0042 (AB)', 'Anbefaling efter servicestandarden', 'Valgt af sagsbehandler', '1. december 2026', 'besøg om ugen af bevilget 2–3', 'Familien har fået faste morgenrutiner.']) {
      expect(report.text).toContain(text);
    }
    expect(report.text).not.toContain(standardPassage('pps.kriterier.2')!.text);
  });

  it('shows the standard’s own words when the source line is tapped', async () => {
    await renderer.render(summaryCard(summary));
    expect(await renderer.click('Afsnit i standarden · pps.kriterier.2')).toBe(1);
    expect(await renderer.visibleText()).toContain(standardPassage('pps.kriterier.2')!.text);
    await renderer.screenshot(join(screenshotDir(), 'summary-card.png'));
  });
});
