import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyPlanForm, formFromSubmission, formToPlanInput } from '../../bot/plan/plan-form.js';
import { emptyReviewForm, reviewFormFromSubmission, reviewFormToInput } from '../../bot/plan/review-form.js';
import { parseReviewInput } from '../../bot/plan/review-input.js';
import { parsePlanInput } from '../../bot/plan/schema.js';
import { planCard } from '../../cards/plan-card.js';
import { planReviewCard } from '../../cards/plan-review-card.js';
import { VERBS } from '../../cards/verbs.js';
import { CardRenderer } from '../support/card-renderer.js';
import { caseId, goalIds, reviewBase, samplePlanCard, sampleReviewCard } from '../support/plan-fixtures.js';

/**
 * The plan and review cards in the real Adaptive Cards renderer (headless Chromium, Teams-like host
 * config): no complaint from its parser or validator, what a person fills in is what the parsers
 * receive, and the README's screenshots come from these renders.
 */

const SCREENSHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
let renderer: CardRenderer;
beforeAll(async () => {
  renderer = await CardRenderer.start();
  mkdirSync(SCREENSHOTS, { recursive: true });
});
afterAll(async () => renderer?.close());

describe('the plan card in the Adaptive Cards renderer', () => {
  it('shows the model\'s tasks verbatim with their passage ids, and no complaint', async () => {
    const { problems, text } = await renderer.render(samplePlanCard());
    expect(problems).toEqual([]);
    expect(text).toContain('understøtte forældrene til at udvikle rammer for dagligdagen');
    expect(text).toContain('(hpi.4.relationer.4)');
    expect(text).toContain('Planen er gemt (version 1).');
    await renderer.screenshot(`${SCREENSHOTS}plan.png`);
  });

  it('sends what the person sees and changes, and that parses into the plan', async () => {
    await renderer.render(samplePlanCard());
    await renderer.fill('Formål med indsatsen', 'Ro om aftenen og leg i hverdagen.');
    await renderer.choose('tasks_daycare', 'daycare-1');
    await renderer.click('Gem ændringer');
    const [sent] = await renderer.sent();
    expect(sent?.verb).toBe(VERBS.planSave);
    const parsed = parsePlanInput(formToPlanInput(formFromSubmission(sent!.data)), { preventive: true, preventiveMaxWeeks: 40 });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.value).toMatchObject({
      purpose: 'Ro om aftenen og leg i hverdagen.',
      expectedDuration: { value: 40, unit: 'weeks' },
      goals: [
        { id: goalIds[0], text: 'Faste sovetider, der holder', agreedWithParents: true },
        { id: goalIds[1], text: 'Mere leg på gulvet', agreedWithParents: false },
      ],
      tasks: ['relations-4', 'wellbeing-4', 'wellbeing-5', 'daycare-1'],
      visitationSocial: { receives: true, contactRole: 'housing-support' },
    });
  });

  it('for special support asks for no focus points, and shows a refused save above the person\'s own values', async () => {
    const form = emptyPlanForm({ value: 9, unit: 'months' });
    form.purpose = 'Familien får støtte til rammer om hverdagen.';
    const card = planCard({ locale: 'da', caseId, reference: '2026-001234', outcomeLabel: 'Niveau 1: praktisk pædagogisk støtte', preventive: false, showDaycare: false, form, version: 0, durationHint: '', problems: ['Mål: skriv mindst ét mål'] });
    const { problems, text } = await renderer.render(card);
    expect(problems).toEqual([]);
    expect(text).toContain('Planen er ikke gemt');
    expect(text).toContain('Mål: skriv mindst ét mål');
    expect(text).not.toContain('Fokuspunkter');
  });
});

describe('the review card in the Adaptive Cards renderer', () => {
  it('shows each goal with its latest progress and the due date it answers', async () => {
    const { problems, text } = await renderer.render(sampleReviewCard());
    expect(problems).toEqual([]);
    expect(text).toContain('Seneste: Noget (10. april 2026)');
    expect(text).toContain('Forlæng ved ny bevilling');
    expect(text).toContain('Frist 10. juli 2026');
    await renderer.screenshot(`${SCREENSHOTS}plan-review.png`);
  });

  it('holds a review back until every goal has its progress', async () => {
    await renderer.render(sampleReviewCard());
    await renderer.select('Fremskridt', 'Tydeligt');
    await renderer.choose('decision', 'continue');
    await renderer.click('Gem gennemgang');
    expect((await renderer.sent()).filter((a) => a.type === 'Action.Execute')).toEqual([]);
    expect(await renderer.visibleText()).toContain('Vælg fremskridt for målet.');
  });

  it('after a save shows what was recorded and no inputs', async () => {
    const form = { ...emptyReviewForm(2, '2026-07-08'), progress: ['clear', 'some'], decision: 'continue' };
    const card = planReviewCard({ ...reviewBase, form, result: [{ title: 'Næste gennemgang', value: '08.10.2026' }] });
    const { problems, text } = await renderer.render(card);
    expect(problems).toEqual([]);
    expect(text).toContain('Gennemgangen er gemt');
    expect(text).toContain('Fremskridt: Tydeligt');
    expect(JSON.stringify(card)).not.toContain('Input.');
  });
});

describe('review submissions from the card', () => {
  it('parse into progress per plan goal and the changed facts', () => {
    const data = { goal1Progress: 'clear', goal2Progress: 'some', goal2Note: 'Leg hver dag', decision: 'change-level', reviewDate: '2026-07-08', fact_emotionalCareAdequate: 'yes', fact_concern: 'pronounced' };
    const parsed = parseReviewInput(reviewFormToInput(reviewFormFromSubmission(data, 2), goalIds), { goalIds });
    expect(parsed).toEqual({
      ok: true,
      value: {
        date: '2026-07-08',
        goals: [
          { goalId: goalIds[0], progress: 'clear' },
          { goalId: goalIds[1], progress: 'some', note: 'Leg hver dag' },
        ],
        decision: 'change-level',
        factChanges: { concern: 'pronounced', emotionalCareAdequate: true },
      },
    });
  });
});
