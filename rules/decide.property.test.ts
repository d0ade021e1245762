import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryAnsweredFacts, arbitraryFacts } from '../test/support/arbitrary-facts.js';
import { isPassageId } from './passages/index.js';
import { passagesIn } from '../test/support/passages-in.js';
import { decide } from './decide.js';
import { OUTCOMES } from './decision-types.js';
import type { Facts } from './facts.js';

const RUNS = { numRuns: 1500 };
const anyFacts = fc.oneof(arbitraryFacts, arbitraryAnsweredFacts);

function isAnswered(facts: Facts, name: string): boolean {
  const value = name.startsWith('child.') ? (facts.child as Record<string, unknown> | undefined)?.[name.slice(6)] : (facts as Record<string, unknown>)[name];
  return value !== undefined;
}

describe('decide over generated facts', () => {
  it('gives the same decision for the same facts (deterministic, no clock)', () => {
    fc.assert(fc.property(anyFacts, (facts) => {
        expect(decide(structuredClone(facts))).toEqual(decide(facts));
      }), RUNS);
  });

  it('never throws and always gives exactly one known outcome', () => {
    fc.assert(
      fc.property(anyFacts, (facts) => {
        const d = decide(facts);
        expect(OUTCOMES.filter((o) => o === d.outcome)).toHaveLength(1);
        expect(d.variant === null || d.outcome === 'level1').toBe(true);
      }),
      RUNS,
    );
  });

  it('cites only passages that exist', () => {
    fc.assert(
      fc.property(anyFacts, (facts) => {
        const unknown = passagesIn(decide(facts)).filter((id) => !isPassageId(id));
        expect(unknown).toEqual([]);
      }),
      RUNS,
    );
  });

  it('escalates whenever a safety concern is flagged, whatever else is answered', () => {
    fc.assert(
      fc.property(anyFacts, (facts) => {
        const d = decide({ ...facts, safetyConcern: true });
        expect(d.outcome).toBe('escalate');
        expect(d.reasons[0]?.passage).toBe('hpi.6.underretning');
        expect(d.reviews).toEqual([]);
      }),
      RUNS,
    );
  });

  it('asks only for facts that were not answered, and asks whenever it cannot decide', () => {
    fc.assert(
      fc.property(anyFacts, (facts) => {
        const d = decide(facts);
        expect(d.missing.length > 0).toBe(d.outcome === 'needs-information');
        expect(d.missing.filter((name) => isAnswered(facts, name))).toEqual([]);
      }),
      RUNS,
    );
  });

  it('answering what was asked never leads to the same question again', () => {
    fc.assert(
      fc.property(arbitraryFacts, arbitraryAnsweredFacts, (partial, answers) => {
        const first = decide(partial);
        if (first.outcome !== 'needs-information') return;
        const filled: Facts = { ...partial, child: { ...answers.child, ...partial.child } };
        for (const name of first.missing) {
          if (name.startsWith('child.')) continue;
          (filled as Record<string, unknown>)[name] =
            name === 'olderChildReason' ? 'Den unge er udviklingsmæssigt langt bagud.' : (answers as Record<string, unknown>)[name];
        }
        const again = decide(filled);
        expect(again.missing.filter((name) => first.missing.includes(name) && name !== 'child.latePregnancy')).toEqual([]);
      }),
      RUNS,
    );
  });

  it('dates reviews on or after the start and only for measures', () => {
    fc.assert(
      fc.property(anyFacts, (facts) => {
        const d = decide(facts);
        const measure = ['preventive', 'level1', 'level2', 'level3'].includes(d.outcome);
        expect(d.reviews.length > 0).toBe(measure);
        for (const r of d.reviews) expect(r.due > d.startDate).toBe(true);
      }),
      RUNS,
    );
  });
});
