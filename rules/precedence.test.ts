import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryAnsweredFacts, arbitraryFacts } from '../test/support/arbitrary-facts.js';
import { decide } from './decide.js';
import { OUTCOMES } from './decision-types.js';
import { evaluateMeasures } from './evaluate.js';
import { DEFAULT_PARAMETERS } from './parameters/default.js';
import { resolveParameters } from './parameters/resolve.js';
import { applyHitPolicy, HIT_POLICY, MEASURES } from './precedence.js';

const RUNS = { numRuns: 1500 };
const anyFacts = fc.oneof(arbitraryFacts, arbitraryAnsweredFacts);
const OFFERS = ['preventive', 'level1', 'level2', 'level3'] as const;

describe('precedence between outcomes (hit policy)', () => {
  it('names every outcome exactly once and ends in a row that always holds', () => {
    expect(HIT_POLICY.map((row) => row.outcome).sort()).toEqual([...OUTCOMES].sort());
    expect(HIT_POLICY.at(-1)?.when).toEqual({ otherwise: true });
    expect(HIT_POLICY[0]?.outcome).toBe('escalate');
  });

  it('never lets two measures both pass: their criteria are disjoint, so their order decides nothing', () => {
    fc.assert(
      fc.property(anyFacts, (facts) => {
        const results = evaluateMeasures(facts, resolveParameters(DEFAULT_PARAMETERS, facts.referenceDate).values);
        expect(OFFERS.filter((m) => results[m].result === 'pass').length).toBeLessThanOrEqual(1);
      }),
      RUNS,
    );
  });

  it('decides by the first row that holds and by no other', () => {
    fc.assert(
      fc.property(anyFacts, (facts) => {
        const results = evaluateMeasures(facts, resolveParameters(DEFAULT_PARAMETERS, facts.referenceDate).values);
        const { winner, matched } = applyHitPolicy(results);
        expect(matched[0]).toBe(winner.outcome);
        expect(decide(facts).outcome).toBe(winner.outcome);
      }),
      RUNS,
    );
  });

  it('explains every measure that did not win, so no input falls through unexplained', () => {
    fc.assert(
      fc.property(anyFacts, (facts) => {
        const d = decide(facts);
        for (const m of MEASURES) {
          if (m === d.outcome) continue;
          expect(d.whyNot[m]?.length ?? 0, `whyNot.${m} for ${d.outcome}`).toBeGreaterThan(0);
        }
        expect(d.reasons.length).toBeGreaterThan(0);
      }),
      RUNS,
    );
  });

  it('gives "none" only with a why-not for every measure and no open question', () => {
    fc.assert(
      fc.property(arbitraryAnsweredFacts, (facts) => {
        const d = decide(facts);
        if (d.outcome !== 'none') return;
        for (const m of MEASURES) expect(d.whyNot[m]?.every((c) => c.text.length > 0 && !c.text.startsWith('Kan ikke afgøres'))).toBe(true);
        expect(d.missing).toEqual([]);
      }),
      RUNS,
    );
  });

  it('reaches every outcome from some input', () => {
    const seen = new Set(fc.sample(anyFacts, { numRuns: 6000, seed: 7 }).map((f) => decide(f).outcome));
    expect([...seen].sort()).toEqual([...OUTCOMES].sort());
  });
});
