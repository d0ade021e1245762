import { describe, expect, it } from 'vitest';
import { FactsSchema, RISK_FACTOR_IDS } from '../../rules/facts.js';
import { INTAKE_STEPS, nextStepId, previousStepId, questionsForFacts, STEP_IDS, stepForFact, stepNumber, stepsShown, visibleQuestions } from './steps.js';
import { STANDARD_INTAKE_FIGURES } from '../../test/support/rules.js';

const allQuestions = INTAKE_STEPS.flatMap((s) => s.questions);

const FIGURES = { olderChildMonths: 156, level1Visits: 1, level1bVisits: 2, level1bMonths: { min: 3, max: 6 } };

describe('the intake interview', () => {
  it('runs in the order a caseworker thinks: child, concern and safety, family, risk factors, assessment, parents, special', () => {
    expect(STEP_IDS).toEqual(['child', 'concern', 'family', 'risk', 'investigation', 'parents', 'special']);
    expect(INTAKE_STEPS.map((s) => s.id)).toEqual([...STEP_IDS]);
    expect(stepNumber('risk')).toBe(4);
  });

  it('asks the safety question in step 2, right after the concern level', () => {
    expect(stepForFact('safetyConcern')).toBe('concern');
    expect(INTAKE_STEPS[1]?.questions.map((q) => q.id)).toEqual(['concern', 'safetyConcern']);
  });

  it('has a question for every fact except the reference date, which the bot sets', () => {
    const facts = Object.keys(FactsSchema.shape).filter((f) => f !== 'referenceDate' && f !== 'child');
    const asked = new Set(allQuestions.flatMap((q) => q.asks));
    for (const fact of [...facts, 'child.ageMonths', 'child.latePregnancy']) expect(asked, fact).toContain(fact);
  });

  it('gives every question Danish and English text and a help text', () => {
    for (const q of allQuestions) {
      expect(q.label.da.length, q.id).toBeGreaterThan(3);
      expect(q.label.en.length, q.id).toBeGreaterThan(3);
      expect(q.help.da.length, q.id).toBeGreaterThan(3);
      expect(q.help.en.length, q.id).toBeGreaterThan(3);
      expect(q.label.da, q.id).not.toBe(q.label.en);
    }
  });

  it('offers "Ved ikke" on every choice question', () => {
    for (const q of allQuestions) if (q.kind === 'choice') expect(q.options.map((o) => o.value), q.id).toContain('unknown');
  });

  it('covers the three checklists of the model (5 + 11 + 8 risk factors) in the risk step', () => {
    const groups = INTAKE_STEPS[3]?.questions.filter((q) => q.kind === 'riskFactors').map((q) => (q.kind === 'riskFactors' ? q.group : ''));
    expect(groups).toEqual(['expecting', 'parent', 'child']);
    expect(RISK_FACTOR_IDS).toHaveLength(24);
  });

  it('leaves out the checklists for 0–24 months for an older child, and counts the steps without them', () => {
    const risk = INTAKE_STEPS[3]!;
    expect(visibleQuestions(risk, { child: { ageMonths: 24 } }, STANDARD_INTAKE_FIGURES)).toHaveLength(risk.questions.length);
    expect(visibleQuestions(risk, { child: { ageMonths: null } }, STANDARD_INTAKE_FIGURES)).toHaveLength(risk.questions.length);
    expect(visibleQuestions(risk, {}, STANDARD_INTAKE_FIGURES)).toHaveLength(risk.questions.length);
    expect(visibleQuestions(risk, { child: { ageMonths: 25 } }, STANDARD_INTAKE_FIGURES)).toEqual([]);
    const older = { child: { ageMonths: 30 } };
    expect(stepsShown(undefined, older)).toEqual(['child', 'concern', 'family', 'investigation', 'parents', 'special']);
    expect(nextStepId('family', undefined, older)).toBe('investigation');
    expect(previousStepId('investigation', undefined, older)).toBe('family');
    expect(stepNumber('investigation', undefined, older)).toBe(4);
    expect(nextStepId('family', undefined, { child: { ageMonths: 10 } })).toBe('risk');
  });

  it('asks why level 2 fits an older child only when the child is 13 or older', () => {
    const special = INTAKE_STEPS[6]!;
    expect(visibleQuestions(special, { child: { ageMonths: 155 } }, FIGURES).map((q) => q.id)).not.toContain('olderChildReason');
    expect(visibleQuestions(special, { child: { ageMonths: 156 } }, FIGURES).map((q) => q.id)).toContain('olderChildReason');
    expect(visibleQuestions(special, {}, FIGURES).map((q) => q.id)).not.toContain('olderChildReason');
  });

  it('maps the missing facts of a needs-information decision to exactly the questions that fill them', () => {
    const { questions, unasked } = questionsForFacts(['child.ageMonths', 'parentsSeeNeed', 'riskFactors']);
    expect(questions.map((q) => q.question.id)).toEqual([
      'childBorn',
      'childAgeYears',
      'childAgeMonths',
      'riskFactors_expecting',
      'riskFactors_parent',
      'riskFactors_child',
      'riskFactorsReviewed',
      'parentsSeeNeed',
    ]);
    expect(unasked).toEqual([]);
  });

  it('reports a missing fact no question can fill instead of dropping it', () => {
    expect(questionsForFacts(['referenceDate', 'concern']).unasked).toEqual(['referenceDate']);
  });
});
