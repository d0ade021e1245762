import { STANDARD_INTAKE_FIGURES } from './support/rules.js';
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stepsShown } from '../bot/intake/steps.js';
import { caseCard, caseCreatedCard } from '../cards/case.js';
import { caseListCard } from '../cards/case-list.js';
import type { CaseView } from '../cards/case-view.js';
import { errorCard } from '../cards/error.js';
import { escalationCard } from '../cards/escalation.js';
import { helpCard } from '../cards/help.js';
import { intakeStepCard } from '../cards/intake-step.js';
import type { Locale } from '../cards/locale.js';
import { needsInformationCard } from '../cards/needs-information.js';
import { reminderCard } from '../cards/reminder-card.js';
import { noteFormCard, notesSummaryCard, notesSummaryFailedCard, notesSummaryPendingCard, withNotesOnCaseCard } from '../cards/notes.js';
import { resultCard } from '../cards/result.js';
import { resultDetailsCard } from '../cards/result-details.js';
import type { CardJson } from '../cards/template.js';
import { VERBS } from '../cards/verbs.js';
import { passageById } from '../rules/passages/index.js';
import { parseAcceptSubmission, parseCaseOpen, parseOverrideSubmission, parseStepSubmission } from '../bot/intake/submission.js';
import { actionRoute } from '../bot/conversation/routes.js';
import { shareConfirmCard, summaryPromptCard } from '../cards/summary-share.js';
import { cardBytes } from '../cards/template.js';
import { cardButtons, strayActions } from './support/card-json.js';
import fc from 'fast-check';
import { decide } from '../rules/decide.js';
import { scopeUsage } from '../rules/scope-usage.js';
import { arbitraryAnsweredFacts, arbitraryFacts } from './support/arbitrary-facts.js';
import { CardRenderer } from './support/card-renderer.js';
import * as f from './support/card-fixtures.js';
import { screenshotDir } from './support/screenshots.js';
import { answers, everyCard, override, view } from './support/card-corpus.js';

/**
 * Every card the bot can send, rendered by the real Adaptive Cards renderer in headless Chromium
 * with a Teams-like host config. The renderer's parser and validator must have nothing to say,
 * and the README's screenshots are taken from the same renders.
 */

const SCREENSHOTS = screenshotDir();


/** Every Action.Execute on a card, with its verb and data (the Submit fallback carries the same). */
function executeActionsOf(card: unknown): { verb: string; data: Record<string, unknown> }[] {
  const found: { verb: string; data: Record<string, unknown> }[] = [];
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (!n || typeof n !== 'object') return;
    const o = n as Record<string, unknown>;
    if (o['type'] === 'Action.Execute') found.push({ verb: String(o['verb']), data: (o['data'] as Record<string, unknown>) ?? {} });
    Object.values(o).forEach(walk);
  };
  walk(card);
  return found;
}

describe('every action on every card reaches its route', () => {
  it.each(['da', 'en'] as const)('(%s): each verb has a route, a case route can tell which case from the data, and «Åbn sagen» parses at its handler', (locale) => {
    for (const [name, card] of everyCard(locale)) {
      for (const { verb, data } of executeActionsOf(card)) {
        const route = actionRoute(verb);
        expect(route, `${name}: ${verb} has a route`).toBeDefined();
        expect(data['verb'], `${name}: ${verb} repeats its verb for the Submit fallback`).toBe(verb);
        // A form that asks for the case number names it by its caseReference input.
        const sent = JSON.stringify(card).includes('"id":"caseReference"') && data['caseId'] === undefined ? { ...data, caseReference: '2026-001234' } : data;
        if (route!.door.rule === 'case') expect(route!.door.targets(sent).length, `${name}: ${verb} names its case`).toBeGreaterThan(0);
        if (verb === VERBS.caseOpen) expect(parseCaseOpen(sent), `${name}: ${verb} parses`).toMatchObject({ ok: true });
      }
    }
  });
});

describe('every card renders in the Adaptive Cards renderer without a complaint', () => {
  let renderer: CardRenderer;
  beforeAll(async () => {
    renderer = await CardRenderer.start();
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await renderer?.close();
  });

  it('would catch a broken card (unknown element, duplicate id, required input without label)', async () => {
    const broken = {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [
        { type: 'Input.Texts', id: 'a' },
        { type: 'Input.Text', id: 'b', isRequired: true },
        { type: 'Input.Text', id: 'b', label: 'B' },
      ],
    };
    const { problems } = await renderer.render(broken);
    expect(problems.join('\n')).toMatch(/UnknownElementType/);
    expect(problems.join('\n')).toMatch(/DuplicateId/);
    expect(problems.join('\n')).toMatch(/RequiredInputsShouldHaveLabel/);
  });

  for (const locale of ['da', 'en'] as const) {
    it(`renders all ${everyCard(locale).length} cards (${locale}) with no parse or validation events`, async () => {
      for (const [name, card] of everyCard(locale)) {
        const report = await renderer.render(card);
        expect(report.problems, `${name} (${locale})`).toEqual([]);
        expect(report.height, `${name} (${locale})`).toBeGreaterThan(50);
        expect(String(card['fallbackText'] ?? ''), `${name} fallbackText`).not.toBe('');
        expect(cardBytes(card), `${name} size`).toBeLessThan(28_000);
        expect(strayActions(card), `${name} actions`).toEqual([]);
      }
    });
  }

  it('renders the forms inside Acceptér and Vælg andet udfald without a complaint', async () => {
    const card = resultCard(f.level2Decision, { locale: 'da', draftId: 'draft-1', channels: f.channels });
    for (const action of cardButtons(card)) {
      if (action['type'] !== 'Action.ShowCard') continue;
      const inner = { ...(action['card'] as object), type: 'AdaptiveCard', version: '1.5' };
      expect((await renderer.render(inner)).problems, String(action['title'])).toEqual([]);
    }
  });

  const full = {
    child: { ageMonths: 170 },
    concern: 'concern' as const,
    safetyConcern: false,
    complexity: 'high' as const,
    problemDelimited: false,
    familyResourcesCarry: true,
    riskFactors: ['parent-3', 'child-1'],
    riskToDevelopment: true,
    investigation: 'underway' as const,
    preliminaryPlan: true,
    parentsNeedSupport: true,
    benefitsFromFamilyTreatment: false,
    solvableInLimitedPeriod: true,
    intensiveNeeded: true,
    parentalCapacityUnclear: true,
    emotionalCareAdequate: true,
    practicalCareSeriousDeficits: false,
    parentsSeeNeed: true,
    extraVisitsNeeded: false,
    receivesVisitationSocial: true,
    startDate: '2026-03-01',
    olderChildReason: 'Familien har brug for intensiv støtte nu.',
  };

  it('what each prefilled step sends on Næste parses back into the same answers, so nothing is lost', async () => {
    let collected = {};
    // A 14-year-old is not asked the checklists for 0–24 months: those answers are not sent again.
    const { riskFactors: _ticks, riskToDevelopment: _judgement, ...asked } = full;
    expect(stepsShown(undefined, full)).not.toContain('risk');
    for (const stepId of stepsShown(undefined, full)) {
      await renderer.render(intakeStepCard(stepId, full, { locale: 'da', draftId: 'draft-1', figures: STANDARD_INTAKE_FIGURES }));
      await renderer.click(stepId === 'special' ? 'Se anbefaling' : 'Næste');
      const sent = await renderer.sent();
      expect(sent, stepId).toHaveLength(1);
      expect(sent[0]?.type).toBe('Action.Execute');
      const parsed = parseStepSubmission(stepId, sent[0]?.data, collected, STANDARD_INTAKE_FIGURES);
      expect(parsed, stepId).toMatchObject({ ok: true });
      if (parsed.ok) collected = { ...collected, ...parsed.facts };
    }
    expect(collected).toEqual(asked);
  });

  it('does not send a step while a required question is unanswered; "Ved ikke" is enough', async () => {
    await renderer.render(intakeStepCard('concern', {}, { locale: 'da', draftId: 'draft-1', figures: STANDARD_INTAKE_FIGURES }));
    await renderer.click('Næste');
    expect(await renderer.sent()).toEqual([]);
    expect(await renderer.visibleText()).toContain('»Ved ikke« er også et svar');
    await renderer.choose('concern', 'unknown');
    await renderer.choose('safetyConcern', 'unknown');
    await renderer.click('Næste');
    const [sent] = await renderer.sent();
    // In the seed standard's order of its questions: the safety question comes first.
    expect(parseStepSubmission('concern', sent?.data, {}, STANDARD_INTAKE_FIGURES)).toEqual({ ok: true, facts: {}, unknown: ['safetyConcern', 'concern'] });
  });

  it('Acceptér: the filled case form parses as a case', async () => {
    await renderer.render(resultCard(f.level2Decision, { locale: 'da', draftId: 'draft-1', channels: f.channels }));
    await renderer.click('Følg anbefalingen');
    await renderer.fill('Sagsnummer', '2026-001234');
    await renderer.fill('Barnets initialer', 'AB');
    await renderer.select('Teamets kanal', 'Familieafdelingen Øst');
    await renderer.click('Opret sag');
    const [sent] = await renderer.sent();
    expect(sent?.verb).toBe(VERBS.caseAccept);
    expect(parseAcceptSubmission(sent?.data, f.channels.map((c) => c.id))).toEqual({
      ok: true,
      value: { draftId: 'draft-1', caseReference: '2026-001234', childPseudonym: 'AB', channelId: '19:familie-oest@thread.tacv2', startDate: f.level2Decision.startDate },
    });
  });

  it('Vælg andet udfald: nothing is sent without a reason; with one, the override parses', async () => {
    await renderer.render(resultCard(f.level2Decision, { locale: 'da', draftId: 'draft-1', channels: f.channels }));
    await renderer.click('Træf en anden afgørelse');
    await renderer.choose('chosen', 'level1');
    await renderer.select('Variant', '1B');
    await renderer.fill('Sagsnummer', '2026-001234');
    await renderer.fill('Barnets initialer', 'AB');
    await renderer.select('Teamets kanal', 'Familieafdelingen Vest');
    await renderer.click('Gem mit valg');
    expect(await renderer.sent()).toEqual([]);
    await renderer.fill('Begrundelse', 'Familien har selv bedt om færre besøg.');
    await renderer.click('Gem mit valg');
    const [sent] = await renderer.sent();
    expect(sent?.verb).toBe(VERBS.caseOverride);
    expect(parseOverrideSubmission(sent?.data, f.channels.map((c) => c.id))).toMatchObject({
      ok: true,
      value: { chosen: 'level1', chosenVariant: '1B', reason: 'Familien har selv bedt om færre besøg.', caseReference: '2026-001234' },
    });
  });

  it('intake step: screenshot of the concern and safety step', async () => {
    const report = await renderer.render(intakeStepCard('concern', answers, { locale: 'da', draftId: 'draft-1', figures: STANDARD_INTAKE_FIGURES }));
    expect(report.text).toContain('Trin 2 af 7');
    expect(report.text).toContain('Kan barnet være i fare');
    await renderer.screenshot(`${SCREENSHOTS}intake-step.png`);
  });

  it('risk factors step: screenshot with all 24 factors in three groups', async () => {
    const report = await renderer.render(intakeStepCard('risk', answers, { locale: 'da', draftId: 'draft-1', figures: STANDARD_INTAKE_FIGURES }));
    for (const title of ['Kommende forældre', 'Forældre', 'Barnet']) expect(report.text).toContain(title);
    await renderer.screenshot(`${SCREENSHOTS}intake-risk-factors.png`);
  });

  it('renders the result card for 40 decisions of the real rules without a complaint', async () => {
    for (const facts of fc.sample(fc.oneof(arbitraryFacts, arbitraryAnsweredFacts), { numRuns: 40, seed: 20260115 })) {
      const decision = decide(facts);
      const report = await renderer.render(resultCard(decision, { locale: 'da', draftId: 'draft-1', channels: f.channels }));
      expect(report.problems, decision.outcome).toEqual([]);
    }
  });

  it('result without a team, at 360 px: the steps to add the app sit above the buttons, and no error shows; screenshot', async () => {
    for (const locale of ['da', 'en'] as const) {
      await renderer.setHostWidth(360);
      const report = await renderer.render(resultCard(f.level1Decision, { locale, draftId: 'draft-1', channels: [] }));
      expect(report.problems).toEqual([]);
      expect(report.text).toContain(locale === 'da' ? 'Tilføj til et team' : 'Add to a team');
      expect(report.text).not.toContain(locale === 'da' ? 'Sagen blev ikke oprettet' : 'The case was not created');
      await renderer.screenshot(`${SCREENSHOTS}result-no-team-360-${locale}.png`);
      await renderer.setHostWidth(560);
    }
  });

  it('at 360 px every button label on the result and its background, escalation, plan, needs-information and case-with-notes cards is whole, not cut with an ellipsis', async () => {
    const names = /^(result .*|escalation.*|plan|plan review|needs information|case with notes)$/u;
    await renderer.setHostWidth(360);
    try {
      for (const locale of ['da', 'en'] as const) {
        const checked = everyCard(locale).filter(([name]) => names.test(name));
        expect(checked.length).toBeGreaterThanOrEqual(15);
        for (const [name, card] of checked) {
          await renderer.render(card);
          expect(await renderer.truncatedButtons(), `${name} (${locale})`).toEqual([]);
        }
        // The buttons inside the forms the result card opens must fit too.
        await renderer.render(resultCard(f.level2Decision, { locale, draftId: 'draft-1', channels: f.channels }));
        await renderer.click(locale === 'da' ? 'Træf en anden afgørelse' : 'Make another decision');
        expect(await renderer.truncatedButtons(), `override form (${locale})`).toEqual([]);
      }
    } finally {
      await renderer.setHostWidth(560);
    }
  });

  it('at 360 px every button on the reminder card, single and a post of several, open and with its forms open, is whole, in Danish and English', async () => {
    await renderer.setHostWidth(360);
    try {
      for (const locale of ['da', 'en'] as const) {
        const t = (da: string, en: string) => (locale === 'da' ? da : en);
        const checked = everyCard(locale).filter(([name]) => name.startsWith('reminder'));
        expect(checked.map(([name]) => name)).toEqual(expect.arrayContaining(['reminder', 'reminder for its caseworker', 'reminder post of two', 'reminder post of two, one handled']));
        for (const [name, card] of checked) {
          await renderer.render(card);
          expect(await renderer.truncatedButtons(), `${name} (${locale})`).toEqual([]);
          // The forms' own buttons, open one at a time as a person would.
          for (const form of [t('Gennemgang udført', 'Review done'), t('Udsæt 1 uge', 'Postpone 1 week')]) {
            await renderer.render(card);
            if ((await renderer.click(form)) === 0) continue;
            expect(await renderer.truncatedButtons(), `${name} (${locale}) with ${form} open`).toEqual([]);
          }
        }
        await renderer.render(checked.find(([name]) => name === 'reminder post of two')![1]);
        await renderer.screenshot(`${SCREENSHOTS}reminder-post-360-${locale}.png`);
      }
    } finally {
      await renderer.setHostWidth(560);
    }
  });

  it('on a post of two, an item\'s review form sends its own inputs and names its own reminder', async () => {
    const [, card] = everyCard('da').find(([name]) => name === 'reminder post of two')!;
    await renderer.render(card);
    await renderer.click('Gennemgang udført');
    await renderer.choose('decision-43', 'continue');
    // Nothing else typed: the minutes start at 0 (an empty number field blocked the form in the renderer).
    await renderer.click('Gem');
    const [sent] = await renderer.sent();
    expect(sent?.verb).toBe('reminder.done');
    expect(sent?.data).toMatchObject({ reminderId: '43', 'decision-43': 'continue', 'noteMinutes-43': '0' });
    expect(Object.keys(sent?.data ?? {}).filter((k) => k.endsWith('-42'))).toEqual([]);
  });

  it('result: the decision, reasons with their passages, warnings and buttons, and one tap to the background; screenshots at 560 and 360 px in both languages', async () => {
    const decision = decide(f.level2Facts);
    expect(decision.outcome).toBe('level2');
    for (const locale of ['da', 'en'] as const) {
      for (const width of [560, 360]) {
        await renderer.setHostWidth(width);
        const report = await renderer.render(resultCard(decision, { locale, draftId: 'draft-1', channels: f.channels }));
        expect(report.problems).toEqual([]);
        expect(report.text).toContain('pps.kriterier.2');
        expect(report.text).not.toContain(passageById('pps.kriterier.2')!.text.slice(0, 40));
        await renderer.click(locale === 'da' ? 'Hvorfor ikke de andre? Lovgrundlag' : 'Why not the others? Legal basis');
        const [sent] = await renderer.sent();
        expect(sent).toMatchObject({ type: 'Action.Execute', verb: VERBS.resultDetails, data: { draftId: 'draft-1' } });
        await renderer.screenshot(`${SCREENSHOTS}${width === 560 && locale === 'da' ? 'result-level2' : `result-level2-${width}-${locale}`}.png`);
      }
    }
    await renderer.setHostWidth(560);
  });

  it('result background: why not, the legal basis and the standard’s words, and the way back; screenshots at 560 and 360 px in both languages', async () => {
    const decision = decide(f.level2Facts);
    for (const locale of ['da', 'en'] as const) {
      for (const width of [560, 360]) {
        await renderer.setHostWidth(width);
        const report = await renderer.render(resultDetailsCard(decision, { locale, draftId: 'draft-1', lookupPassage: passageById, typed: { reason: 'Familien har selv bedt om det.' } }));
        expect(report.problems).toEqual([]);
        expect(report.text).toContain(decision.whyNot.level1![0]![locale === 'da' ? 'text' : 'en'] ?? decision.whyNot.level1![0]!.text);
        expect(report.text).toContain(passageById('pps.kriterier.2')!.text.slice(0, 40));
        expect(await renderer.truncatedButtons()).toEqual([]);
        await renderer.screenshot(`${SCREENSHOTS}result-details-${width}-${locale}.png`);
        await renderer.click(locale === 'da' ? 'Tilbage til anbefalingen' : 'Back to the recommendation');
        const [sent] = await renderer.sent();
        expect(sent).toMatchObject({ verb: VERBS.resultShow, data: { draftId: 'draft-1', reason: 'Familien har selv bedt om det.' } });
      }
    }
    await renderer.setHostWidth(560);
  });

  it('case with notes at 360 px: every button whole; screenshot', async () => {
    await renderer.setHostWidth(360);
    try {
      for (const locale of ['da', 'en'] as const) {
        const usage = scopeUsage([{ date: '2026-03-02', kind: 'visit', minutes: 60 }], { outcome: 'level1', variant: '1B', scope: f.level1Decision.scope!, startDate: '2026-02-01' }, '2026-03-04');
        const report = await renderer.render(withNotesOnCaseCard(caseCard(view, { locale }), view.caseReference, usage, 1, locale));
        expect(report.problems).toEqual([]);
        expect(await renderer.truncatedButtons(), locale).toEqual([]);
        await renderer.screenshot(`${SCREENSHOTS}case-with-notes-360-${locale}.png`);
      }
    } finally {
      await renderer.setHostWidth(560);
    }
  });

  it('result: the override form asks for a reason; screenshot', async () => {
    await renderer.render(resultCard(f.level2Decision, { locale: 'da', draftId: 'draft-1', channels: f.channels }));
    await renderer.click('Træf en anden afgørelse');
    expect(await renderer.visibleText()).toContain('Begrundelse');
    await renderer.screenshot(`${SCREENSHOTS}result-override.png`);
  });

  it('escalation: screenshot', async () => {
    const report = await renderer.render(escalationCard(f.escalateDecision, { locale: 'da', draftId: 'draft-1', channels: f.channels }));
    expect(report.text.indexOf('Barnet kan være i fare')).toBeLessThan(report.text.indexOf('Følg anbefalingen'));
    await renderer.screenshot(`${SCREENSHOTS}escalation.png`);
  });

  it('case created with an override: screenshot of recommendation and decision side by side', async () => {
    const report = await renderer.render(caseCreatedCard(view, f.level2Decision, override, { locale: 'da' }));
    expect(report.text).toContain('ANBEFALINGEN');
    expect(report.text).toContain(override.reason);
    await renderer.screenshot(`${SCREENSHOTS}case-created-override.png`);
  });
});
