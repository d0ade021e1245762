import { describe, expect, it } from 'vitest';
import { cardButtons, cardText, executeActions } from '../test/support/card-json.js';
import * as f from '../test/support/card-fixtures.js';
import { escalationCard } from './escalation.js';
import { VERBS } from './verbs.js';

const ctx = { locale: 'da' as const, draftId: 'draft-1', channels: f.channels };

describe('the escalation card', () => {
  it('opens with the danger and what to do now, before anything else', () => {
    const card = escalationCard(f.escalateDecision, ctx);
    const first = (card['body'] as Record<string, unknown>[])[0]!;
    expect(first['style']).toBe('attention');
    const text = cardText(first);
    expect(text.indexOf('Barnet kan være i fare')).toBeLessThan(text.indexOf('Det skal du gøre nu'));
  });

  it('names the underretning, the skærpet underretningspligt (§ 133) and the 24-hour assessment (§ 136)', () => {
    const text = cardText(escalationCard(f.escalateDecision, ctx));
    expect(text).toMatch(/Underret kommunen i dag/);
    expect(text).toContain('skærpet underretningspligt');
    expect(text).toContain('Barnets lov § 133');
    expect(text).toContain('24 timer');
    expect(text).toContain('Barnets lov § 136');
    expect(text).toContain('ring 112');
  });

  it("cites the model's passage on the duty to report", () => {
    expect(cardText(escalationCard(f.escalateDecision, ctx))).toContain('hpi.6.underretning');
  });

  it('lets the caseworker create the case, correct the answer, or start over', () => {
    const card = escalationCard(f.escalateDecision, ctx);
    expect(cardButtons(card).map((a) => a['title'])).toEqual(['Følg anbefalingen', 'Ret svaret', 'Start forfra']);
    const verbs = executeActions(card).map((a) => a['verb']);
    expect(verbs).toEqual([VERBS.caseAccept, VERBS.intakeEdit, VERBS.intakeRestart]);
    expect(executeActions(card)[1]).toMatchObject({ data: { stepId: 'concern' }, associatedInputs: 'none' });
  });

  it('has fallback text that still says what to do', () => {
    expect(escalationCard(f.escalateDecision, ctx)['fallbackText']).toMatch(/underret.*§ 133.*24 timer/s);
  });

  it('speaks English for an English locale', () => {
    expect(cardText(escalationCard(f.escalateDecision, { ...ctx, locale: 'en' }))).toContain('The child may be in danger – report now');
  });
});
