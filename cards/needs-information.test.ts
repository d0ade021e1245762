import { describe, expect, it } from 'vitest';
import { cardText, executeActions, inputIds } from '../test/support/card-json.js';
import * as f from '../test/support/card-fixtures.js';
import { needsInformationCard } from './needs-information.js';
import { CARD_BUDGET_BYTES, cardBytes } from './template.js';
import { VERBS } from './verbs.js';

const ctx = { locale: 'da' as const, draftId: 'draft-1' };

describe('the needs-information card', () => {
  it('too many questions for one card: within CARD_BUDGET_BYTES, it sends the person through the interview\'s steps from the first one missing an answer', async () => {
    const { decide } = await import('../rules/decide.js');
    const decision = decide({ referenceDate: '2026-01-15', safetyConcern: false });
    for (const locale of ['da', 'en'] as const) {
      const card = needsInformationCard(decision, {}, { ...ctx, locale });
      expect(cardBytes(card), locale).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
      expect(inputIds(card)).toEqual([]);
      const [step] = executeActions(card);
      expect(step).toMatchObject({ verb: VERBS.intakeEdit, data: { verb: VERBS.intakeEdit, draftId: 'draft-1', stepId: 'child' }, fallback: { type: 'Action.Submit' } });
      // Why each fact is needed is still said.
      for (const r of decision.reasons) expect(cardText(card)).toContain(r.passage);
    }
    // A few questions stay on the card itself.
    expect(executeActions(needsInformationCard(f.needsInfoDecision, {}, ctx)).map((a) => a['verb'])).toContain(VERBS.intakeMissing);
  });


  it("asks exactly the questions for the decision's missing facts", () => {
    const card = needsInformationCard(f.needsInfoDecision, {}, ctx);
    expect(inputIds(card)).toEqual([
      'childBorn',
      'childAgeYears',
      'childAgeMonths',
      'safetyConcern',
      'riskFactors_expecting',
      'riskFactors_parent',
      'riskFactors_child',
      'riskFactorsReviewed',
    ]);
  });

  it('says that unknown is not a no, and why the information is needed', () => {
    const text = cardText(needsInformationCard(f.needsInfoDecision, {}, ctx));
    expect(text).toContain('et ubesvaret spørgsmål er ikke et nej');
    expect(text).toContain('Uden barnets alder kan målgruppen ikke afgøres.');
  });

  it('prefills what the draft already holds', () => {
    const card = needsInformationCard({ ...f.needsInfoDecision, missing: ['riskToDevelopment', 'concern'] }, { concern: 'risk' }, ctx);
    expect(JSON.stringify(card)).toContain('"value":"risk"');
  });

  it('sends the answers with the intake.missing verb', () => {
    expect(executeActions(needsInformationCard(f.needsInfoDecision, {}, ctx))[0]).toMatchObject({ verb: VERBS.intakeMissing, data: { draftId: 'draft-1' } });
  });

  it('names a missing fact no question can fill instead of hiding it', () => {
    const text = cardText(needsInformationCard({ ...f.needsInfoDecision, missing: ['referenceDate'] }, {}, ctx));
    // In words, not by its field name.
    expect(text).toContain('Oplysningen »dags dato« kan ikke besvares her');
    expect(text).not.toContain('referenceDate');
  });
});
