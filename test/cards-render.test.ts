import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STEP_IDS } from '../bot/intake/steps.js';
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
import { noteFormCard, noteNameWarningCard, notesSummaryCard, notesSummaryFailedCard, notesSummaryPendingCard, withNotesOnCaseCard } from '../cards/notes.js';
import { resultCard } from '../cards/result.js';
import type { CardJson } from '../cards/template.js';
import { VERBS } from '../cards/verbs.js';
import { passageById } from '../rules/passages/index.js';
import { parseAcceptSubmission, parseCaseOpen, parseOverrideSubmission, parseStepSubmission } from '../bot/intake/submission.js';
import { actionRoute } from '../bot/conversation/routes.js';
import { shareConfirmCard, summaryPromptCard } from '../cards/summary-share.js';
import { cardBytes } from '../cards/template.js';
import { strayActions } from './support/card-json.js';
import fc from 'fast-check';
import { decide } from '../rules/decide.js';
import { scopeUsage } from '../rules/scope-usage.js';
import { arbitraryAnsweredFacts, arbitraryFacts } from './support/arbitrary-facts.js';
import { CardRenderer } from './support/card-renderer.js';
import * as f from './support/card-fixtures.js';
import { screenshotDir } from './support/screenshots.js';
import { samplePlanCard, sampleReviewCard } from './support/plan-fixtures.js';

/**
 * Every card the bot can send, rendered by the real Adaptive Cards renderer in headless Chromium
 * with a Teams-like host config. The renderer's parser and validator must have nothing to say,
 * and the README's screenshots are taken from the same renders.
 */

const SCREENSHOTS = screenshotDir();

const view: CaseView = {
  caseReference: '2026-001234',
  childPseudonym: 'AB',
  outcome: 'level1',
  variant: '1B',
  startDate: '2026-02-01',
  status: 'open',
  channelName: 'Familieafdelingen Vest',
  decidedBy: 'Sagsbehandler K',
  decidedAt: '2026-01-15T10:00:00Z',
  reviews: f.level1Decision.reviews,
};
const override = {
  recommended: 'level2' as const,
  chosen: 'level1' as const,
  chosenVariant: '1B' as const,
  reason: 'Familien har selv bedt om færre besøg og har et stærkt netværk.',
  by: 'Sagsbehandler K',
  at: '2026-01-15T10:00:00Z',
};
const answers = { child: { ageMonths: 8 }, concern: 'beginning' as const, safetyConcern: false, riskFactors: ['parent-3', 'parent-7', 'child-3'] };

const sampleUsage = scopeUsage(
  [
    { date: '2026-03-02', kind: 'visit', minutes: 60 },
    { date: '2026-03-03', kind: 'interdisciplinary-meeting', minutes: 45 },
    { date: '2026-03-04', kind: 'phone', minutes: 10 },
  ],
  { outcome: 'level1', variant: '1B', scope: f.level1Decision.scope!, startDate: '2026-02-01' },
  '2026-03-04',
);

const sampleReminder = {
  tenantId: 't1',
  reminderId: 42,
  caseId: '3f1c2b7a-6d4e-4f5a-9b8c-7d6e5f4a3b2c',
  caseRef: '2026-001234',
  due: '2026-04-05',
  notice: 'lead' as const,
  task: 'Genbevilling: har indsatsen tilstrækkelig effekt?',
  passage: 'pps.omfang.2',
  handled: null,
};

function everyCard(locale: Locale): [string, CardJson][] {
  const intake = { locale, draftId: 'draft-1' };
  const result = { ...intake, channels: f.channels };
  return [
    ...STEP_IDS.map((s): [string, CardJson] => [`intake step ${s}`, intakeStepCard(s, answers, intake)]),
    ['intake step with problems', intakeStepCard('child', {}, { ...intake, typed: { childAgeMonths: '400' }, problems: [{ field: 'childAgeMonths', message: 'skal være et helt tal fra 0 til 360' }] })],
    ['older child reason', intakeStepCard('special', { child: { ageMonths: 170 } }, intake)],
    ['escalation', escalationCard(f.escalateDecision, result)],
    ['result level 2', resultCard(f.level2Decision, result)],
    ['result refused', resultCard(f.level2Decision, { ...result, typed: { caseReference: 'x y', reason: 'kort' }, problems: [{ field: 'caseReference', message: 'Sagsnummer: må ikke indeholde mellemrum' }] })],
    ['escalation refused', escalationCard(f.escalateDecision, { ...result, problems: [{ field: 'channelId', message: 'Teamets kanal: vælg igen' }] })],
    ['result level 1B', resultCard(f.level1Decision, result)],
    ['result preventive', resultCard(f.preventiveDecision, result)],
    ['result escalate', resultCard(f.escalateDecision, result)],
    ['result none', resultCard(f.noneDecision, result)],
    ['needs information', needsInformationCard(f.needsInfoDecision, answers, intake)],
    ['case created', caseCreatedCard({ ...view, outcome: 'level2', variant: null, reviews: f.level2Decision.reviews }, f.level2Decision, undefined, { locale })],
    ['case created with override', caseCreatedCard(view, f.level2Decision, override, { locale })],
    ['case', caseCard({ ...view, override }, { locale })],
    ['case list', caseListCard([view, { ...view, caseReference: '2026-000999', childPseudonym: 'CD', outcome: 'preventive', variant: null }], { locale })],
    ['empty case list', caseListCard([], { locale })],
    ['help', helpCard({ locale })],
    // The plan and review cards are Danish only so far.
    ['plan', samplePlanCard()],
    ['plan review', sampleReviewCard()],
    // So are the notes cards.
    ['note form', noteFormCard('2026-001234', '6f1f3c1e-2b7a-4c55-9d1e-0a6b5c4d3e2f', '2026-03-02')],
    ['note form refused', noteFormCard('2026-001234', '6f1f3c1e-2b7a-4c55-9d1e-0a6b5c4d3e2f', '2026-03-02', { kind: 'visit', text: 'Besøg hos familien' }, ['Skriv tidsforbruget i minutter som et tal.'])],
    ['case with notes', withNotesOnCaseCard(caseCard(view, { locale }), '2026-001234', sampleUsage, 3)],
    ['notes summary', notesSummaryCard({ caseReference: '2026-001234', summary: 'Tre besøg; mor er træt, barnet trives i dagtilbuddet.', passages: [{ id: 'hpi.titel', why: 'Praktisk støtte i hjemmet.' }], producedBy: 'uden sprogmodel', method: 'extractive', noteCount: 3 })],
    ['note with a name', noteNameWarningCard(locale, '2026-001234', '6f1f3c1e-2b7a-4c55-9d1e-0a6b5c4d3e2f', { kind: 'visit', date: '2026-03-02', minutes: '45', text: 'Besøg hos Mette; Storm legede.' }, ['Mette', 'Storm'])],
    ['notes summary being made', notesSummaryPendingCard('2026-001234')],
    // The reminder card, posted in the case's thread: open, refused with what was typed, and handled.
    ['reminder', reminderCard(sampleReminder)],
    ['reminder refused', reminderCard({ ...sampleReminder, message: 'Notatet ser ud til at indeholde et CPR-nummer.', typedNote: 'Mødet gik godt.' })],
    ['reminder handled', reminderCard({ ...sampleReminder, handled: { byName: 'Anna Berg', at: new Date('2026-03-20T09:30:00Z'), action: 'continue' } })],
    ['notes summary failed', notesSummaryFailedCard('2026-001234')],
    // In a group or meeting chat: the prompt with nothing of the case, and the audience before a share.
    ['summary prompt', summaryPromptCard(locale, '2026-001234')],
    ['summary share confirmation', shareConfirmCard(locale, '2026-001234', { members: 6, outsideTeam: ['Ole Udenfor', 'Pia Psykolog'] })],
    ['error', errorCard('Sagsnummeret findes allerede.', { caseReference: { label: 'Sagsnummer', value: '2026-001234' } }, { locale, retry: { verb: VERBS.caseAccept, data: { draftId: 'd1' } } })],
  ];
}

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
        if (route!.door.rule === 'case') expect(route!.door.target(data), `${name}: ${verb} names its case`).toBeDefined();
        if (verb === VERBS.caseOpen) expect(parseCaseOpen(data), `${name}: ${verb} parses`).toMatchObject({ ok: true });
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
    for (const action of card['actions'] as Record<string, unknown>[]) {
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
    for (const stepId of STEP_IDS) {
      await renderer.render(intakeStepCard(stepId, full, { locale: 'da', draftId: 'draft-1' }));
      await renderer.click(stepId === 'special' ? 'Se anbefaling' : 'Næste');
      const sent = await renderer.sent();
      expect(sent, stepId).toHaveLength(1);
      expect(sent[0]?.type).toBe('Action.Execute');
      const parsed = parseStepSubmission(stepId, sent[0]?.data, collected);
      expect(parsed, stepId).toMatchObject({ ok: true });
      if (parsed.ok) collected = { ...collected, ...parsed.facts };
    }
    expect(collected).toEqual(full);
  });

  it('does not send a step while a required question is unanswered; "Ved ikke" is enough', async () => {
    await renderer.render(intakeStepCard('concern', {}, { locale: 'da', draftId: 'draft-1' }));
    await renderer.click('Næste');
    expect(await renderer.sent()).toEqual([]);
    expect(await renderer.visibleText()).toContain('«Ved ikke» er også et svar');
    await renderer.choose('concern', 'unknown');
    await renderer.choose('safetyConcern', 'unknown');
    await renderer.click('Næste');
    const [sent] = await renderer.sent();
    expect(parseStepSubmission('concern', sent?.data)).toEqual({ ok: true, facts: {}, unknown: ['concern', 'safetyConcern'] });
  });

  it('Acceptér: the filled case form parses as a case', async () => {
    await renderer.render(resultCard(f.level2Decision, { locale: 'da', draftId: 'draft-1', channels: f.channels }));
    await renderer.click('Acceptér');
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
    await renderer.click('Vælg andet udfald');
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
    const report = await renderer.render(intakeStepCard('concern', answers, { locale: 'da', draftId: 'draft-1' }));
    expect(report.text).toContain('Trin 2 af 7');
    expect(report.text).toContain('Kan barnet være i fare');
    await renderer.screenshot(`${SCREENSHOTS}intake-step.png`);
  });

  it('risk factors step: screenshot with all 24 factors in three groups', async () => {
    const report = await renderer.render(intakeStepCard('risk', answers, { locale: 'da', draftId: 'draft-1' }));
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

  it('result: tapping a reason shows the verbatim passage; screenshot of a real level 2 result', async () => {
    const decision = decide(f.level2Facts);
    expect(decision.outcome).toBe('level2');
    await renderer.render(resultCard(decision, { locale: 'da', draftId: 'draft-1', channels: f.channels }));
    const verbatim = passageById('pps.kriterier.2')!.text;
    expect(await renderer.visibleText()).not.toContain(verbatim.slice(0, 40));
    await renderer.click('pps.kriterier.2');
    expect(await renderer.visibleText()).toContain(verbatim.slice(0, 40));
    await renderer.click('Hvorfor ikke de andre udfald');
    expect(await renderer.visibleText()).toContain(decision.whyNot.level1![0]!.text);
    await renderer.screenshot(`${SCREENSHOTS}result-level2.png`);
  });

  it('result: the override form asks for a reason; screenshot', async () => {
    await renderer.render(resultCard(f.level2Decision, { locale: 'da', draftId: 'draft-1', channels: f.channels }));
    await renderer.click('Vælg andet udfald');
    expect(await renderer.visibleText()).toContain('Begrundelse');
    await renderer.screenshot(`${SCREENSHOTS}result-override.png`);
  });

  it('escalation: screenshot', async () => {
    const report = await renderer.render(escalationCard(f.escalateDecision, { locale: 'da', draftId: 'draft-1', channels: f.channels }));
    expect(report.text.indexOf('Barnet kan være i fare')).toBeLessThan(report.text.indexOf('Acceptér'));
    await renderer.screenshot(`${SCREENSHOTS}escalation.png`);
  });

  it('case created with an override: screenshot of recommendation and decision side by side', async () => {
    const report = await renderer.render(caseCreatedCard(view, f.level2Decision, override, { locale: 'da' }));
    expect(report.text).toContain('ANBEFALINGEN');
    expect(report.text).toContain(override.reason);
    await renderer.screenshot(`${SCREENSHOTS}case-created-override.png`);
  });
});
