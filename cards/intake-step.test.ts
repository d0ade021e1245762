import { describe, expect, it } from 'vitest';
import { STEP_IDS } from '../bot/intake/steps.js';
import { cardText, deepFreeze, executeActions, inputIds, ofType, strayActions } from '../test/support/card-json.js';
import { intakeStepCard } from './intake-step.js';
import { cardBytes } from './template.js';
import { VERBS } from './verbs.js';

const ctx = { locale: 'da' as const, draftId: 'draft-1', figures: { olderChildMonths: 156, level1Visits: 1, level1bVisits: 2, level1bMonths: { min: 3, max: 6 } } };

describe('the intake step card', () => {
  it('shows the progress as "Trin 3 af 7" and the step title', () => {
    const text = cardText(intakeStepCard('family', {}, ctx));
    expect(text).toContain('Trin 3 af 7');
    expect(text).toContain('Familiens situation');
  });

  it('speaks English when the Teams locale is English', () => {
    const text = cardText(intakeStepCard('family', {}, { ...ctx, locale: 'en' }));
    expect(text).toContain('Step 3 of 7');
    expect(text).toContain("The family's situation");
    expect(text).not.toContain('Trin 3 af 7');
  });

  it('offers Ja / Nej / Ved ikke for every yes/no question, and requires an answer with a message', () => {
    const card = intakeStepCard('parents', {}, ctx);
    const sets = ofType(card, 'Input.ChoiceSet');
    expect(sets).toHaveLength(8);
    for (const set of sets) {
      expect((set['choices'] as { title: string }[]).map((c) => c.title)).toEqual(['Ja', 'Nej', 'Ved ikke']);
      expect(set['isRequired']).toBe(true);
      expect(set['errorMessage']).toMatch(/Ved ikke/);
      expect(set['label']).toBeTruthy();
    }
  });

  it('prefills saved answers and "Ved ikke" so going back loses nothing', () => {
    const card = intakeStepCard('concern', { concern: 'pronounced' }, { ...ctx, unknown: ['safetyConcern'] });
    const byId = Object.fromEntries(ofType(card, 'Input.ChoiceSet').map((s) => [s['id'], s['value']]));
    expect(byId).toEqual({ concern: 'pronounced', safetyConcern: 'unknown' });
  });

  it('prefills the child step for an unborn child and for a born child', () => {
    const unborn = intakeStepCard('child', { child: { ageMonths: null, latePregnancy: true } }, ctx);
    expect(ofType(unborn, 'Input.ChoiceSet').map((s) => s['value'])).toEqual(['unborn', 'true']);
    const born = intakeStepCard('child', { child: { ageMonths: 14 } }, ctx);
    // 14 months is shown as 1 year and 2 months; a baby's age as months alone.
    expect(ofType(born, 'Input.Number').map((n) => [n['id'], n['value']])).toEqual([['childAgeYears', 1], ['childAgeMonths', 2]]);
    const baby = intakeStepCard('child', { child: { ageMonths: 8 } }, ctx);
    expect(ofType(baby, 'Input.Number').map((n) => n['value'] ?? null)).toEqual([null, 8]);
  });

  it('lists all 24 risk factors in the three groups of the model, ticked as saved', () => {
    const card = intakeStepCard('risk', { riskFactors: ['parent-3', 'child-1', 'child-8'] }, ctx);
    const lists = ofType(card, 'Input.ChoiceSet').filter((s) => s['isMultiSelect'] === true);
    expect(lists.map((l) => (l['choices'] as unknown[]).length)).toEqual([5, 11, 8]);
    expect(lists.map((l) => l['value'] ?? '')).toEqual(['', 'parent-3', 'child-1,child-8']);
    const text = cardText(card);
    for (const title of ['Kommende forældre', 'Forældre', 'Barnet']) expect(text).toContain(title);
    expect(ofType(card, 'Input.ChoiceSet').find((s) => s['id'] === 'riskFactorsReviewed')?.['value']).toBe('reviewed');
  });

  it('shows what was typed in a refused submission together with the Danish problems', () => {
    const card = intakeStepCard('child', {}, {
      ...ctx,
      typed: { childBorn: 'born', childAgeMonths: '400' },
      problems: [{ field: 'childAgeMonths', message: 'Barnets alder i hele måneder: skal være et helt tal fra 0 til 360' }],
    });
    expect(cardText(card)).toContain('skal være et helt tal fra 0 til 360');
    expect(ofType(card, 'Input.Number').find((n) => n['id'] === 'childAgeMonths')?.['value']).toBe(400);
    expect(ofType(card, 'Input.ChoiceSet')[0]?.['value']).toBe('born');
  });

  it('has Næste, Tilbage and Start forfra; Tilbage sends no inputs; Start forfra asks first', () => {
    const card = intakeStepCard('family', {}, ctx);
    const actions = card['actions'] as Record<string, unknown>[];
    expect(actions.map((a) => a['title'])).toEqual(['Næste', 'Tilbage', 'Start forfra']);
    const [nextAction, back, restart] = actions;
    expect(nextAction).toMatchObject({ type: 'Action.Execute', verb: VERBS.intakeNext, data: { verb: VERBS.intakeNext, draftId: 'draft-1', stepId: 'family' } });
    expect(back).toMatchObject({ verb: VERBS.intakeBack, associatedInputs: 'none' });
    expect(restart?.['type']).toBe('Action.ShowCard');
    expect(executeActions(restart).map((a) => a['verb'])).toEqual([VERBS.intakeRestart]);
  });

  it('has no Tilbage on the first step and says "Se anbefaling" on the last', () => {
    expect((intakeStepCard('child', {}, ctx)['actions'] as { title: string }[]).map((a) => a.title)).toEqual(['Næste', 'Start forfra']);
    expect((intakeStepCard('special', {}, ctx)['actions'] as { title: string }[])[0]?.title).toBe('Se anbefaling');
  });

  it.each(STEP_IDS)('builds step %s as a schema 1.5 card with fallback text, unique ids, Action.Submit only as fallback, no unbound ${…}', (stepId) => {
    const card = intakeStepCard(stepId, {}, ctx);
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json' });
    expect(card['fallbackText']).toMatch(/Trin \d af 7/);
    const ids = inputIds(card);
    expect(new Set(ids).size).toBe(ids.length);
    expect(JSON.stringify(card)).not.toContain('${');
    expect(cardBytes(card)).toBeLessThan(28_000);
    expect(strayActions(card)).toEqual([]);
    for (const a of executeActions(card)) expect(a['fallback']).toMatchObject({ type: 'Action.Submit', data: a['data'] });
  });

  it('does not change the answers or context it is given', () => {
    const answers = deepFreeze({ child: { ageMonths: 14 }, riskFactors: ['child-1'] });
    const frozenCtx = deepFreeze({ ...ctx, unknown: ['safetyConcern'] });
    expect(() => STEP_IDS.forEach((s) => intakeStepCard(s, answers, frozenCtx))).not.toThrow();
  });
});
