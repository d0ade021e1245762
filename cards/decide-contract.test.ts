import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { questionsForFacts } from '../bot/intake/steps.js';
import { decide } from '../rules/decide.js';
import { arbitraryAnsweredFacts, arbitraryFacts } from '../test/support/arbitrary-facts.js';
import { cardText, strayActions } from '../test/support/card-json.js';
import * as f from '../test/support/card-fixtures.js';
import { escalationCard } from './escalation.js';
import { needsInformationCard } from './needs-information.js';
import { resultCard } from './result.js';
import { CARD_BUDGET_BYTES, cardBytes } from './template.js';
import { resultDetailsCard } from './result-details.js';

/**
 * The cards against the real rules: whatever decide() returns, the card for it fits Teams,
 * shows every reason with its passage, and a needs-information decision can be answered.
 */
const ctx = { locale: 'da' as const, draftId: 'draft-1', channels: f.channels };
const anyFacts = fc.oneof(arbitraryFacts, arbitraryAnsweredFacts);

describe('cards for real decisions', () => {
  it('every missing fact of a needs-information decision has a question to ask', () => {
    fc.assert(
      fc.property(anyFacts, (facts) => {
        const decision = decide(facts);
        expect(questionsForFacts(decision.missing).unasked).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('the result card and its background card stay within 12 KB in both languages, and between them show every reason, due date, warning, "why not" and legal basis', () => {
    fc.assert(
      fc.property(anyFacts, fc.constantFrom('da' as const, 'en' as const), (facts, locale) => {
        const decision = decide(facts);
        const card = resultCard(decision, { ...ctx, locale });
        expect(CARD_BUDGET_BYTES).toBe(12 * 1024);
        expect(cardBytes(card), `${decision.outcome} result (${locale})`).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
        expect(strayActions(card)).toEqual([]);
        expect(JSON.stringify(card)).not.toContain('${');
        if (decision.outcome === 'needs-information') return;
        const text = cardText(card);
        for (const r of decision.reasons) expect(text).toContain(r.passage);
        for (const r of decision.reviews) expect(text).toContain(r.passage);
        for (const w of decision.warnings) expect(text).toContain(locale === 'en' && w.en ? w.en : w.text);
        const details = resultDetailsCard(decision, { ...ctx, locale });
        expect(cardBytes(details), `${decision.outcome} background (${locale})`).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
        expect(strayActions(details)).toEqual([]);
        const background = cardText(details);
        for (const l of decision.legalBasis) expect(background).toContain(l.current);
        for (const list of Object.values(decision.whyNot)) for (const c of list ?? []) expect(background).toContain(c.passage);
      }),
      { numRuns: 400 },
    );
  });

  it('a safety concern always leads the result card with the escalation', () => {
    fc.assert(
      fc.property(arbitraryFacts, (facts) => {
        const decision = decide({ ...facts, safetyConcern: true });
        expect(decision.outcome).toBe('escalate');
        const first = (resultCard(decision, ctx)['body'] as unknown[])[0];
        expect(cardText(first)).toContain('Barnet kan være i fare');
        expect(cardText(escalationCard(decision, ctx))).toContain('Barnets lov § 133');
      }),
      { numRuns: 50 },
    );
  });

  it('the needs-information card asks at least one question for every undecided case', () => {
    fc.assert(
      fc.property(arbitraryFacts, (facts) => {
        const decision = decide(facts);
        if (decision.outcome !== 'needs-information') return;
        const card = needsInformationCard(decision, facts, ctx);
        expect(JSON.stringify(card)).toContain('Input.');
        expect(cardBytes(card)).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
      }),
      { numRuns: 200 },
    );
  });
});
