import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DecisionSchema } from '../bot/storage/decision-schema.js';
import { decide } from '../rules/decide.js';
import { arbitraryAnsweredFacts, arbitraryFacts } from './support/arbitrary-facts.js';

describe('a decision survives storage', () => {
  it('parses, after a JSON round trip, as the stored decision schema for any facts', () => {
    fc.assert(
      fc.property(fc.oneof(arbitraryFacts, arbitraryAnsweredFacts), (facts) => {
        const stored: unknown = JSON.parse(JSON.stringify(decide(facts)));
        expect(DecisionSchema.safeParse(stored).success).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
