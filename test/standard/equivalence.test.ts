import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decide } from '../../rules/decide.js';
import type { Decision } from '../../rules/decision-types.js';
import { parseFacts } from '../../rules/facts.js';
import { DEFAULT_PARAMETERS } from '../../rules/parameters/default.js';
import { decideWithStandard } from '../../rules/standard/decide.js';
import { DEFAULT_STANDARD } from '../../rules/standard/load.js';
import { arbitraryAnsweredFacts, arbitraryFacts } from '../support/arbitrary-facts.js';
import { loadGoldenCases } from '../support/golden.js';
import { loadFixtureParameters } from '../support/parameter-fixtures.js';

/**
 * The one known difference: the trace names every answer a criterion read. The TypeScript
 * preventive.risk-factors criterion read the child's age (an unborn child's "Barnet" factors do not
 * count) but did not record it; the file's criterion records it. Everything else must be equal.
 */
function same(actual: Decision, expected: Decision): void {
  const trace = actual.trace.map((t, i) => {
    const old = expected.trace[i];
    if (!old || t.rule !== 'preventive.risk-factors') return t;
    const { 'child.ageMonths': _age, ...facts } = t.facts;
    return { ...t, facts };
  });
  const normalised = { ...actual, trace };
  // Canonical JSON first (fast over many cases); the deep comparison only to show a difference.
  if (canonical(normalised) !== canonical(expected)) expect(normalised).toEqual(expected);
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );
}

describe('the standard file decides as the TypeScript measures did', () => {
  it.each(loadGoldenCases())('$file', (golden) => {
    const parsed = parseFacts(golden.facts);
    if (!parsed.ok) throw new Error(golden.file);
    const parameters = golden.parameterSet ? loadFixtureParameters(golden.parameterSet) : DEFAULT_PARAMETERS;
    same(decideWithStandard(DEFAULT_STANDARD, parsed.value, parameters), decide(parsed.value, parameters));
  });

  it('over generated facts', () => {
    fc.assert(
      fc.property(fc.oneof(arbitraryFacts, arbitraryAnsweredFacts), (facts) => {
        same(decideWithStandard(DEFAULT_STANDARD, facts, DEFAULT_PARAMETERS), decide(facts, DEFAULT_PARAMETERS));
      }),
      { numRuns: 20000, seed: 17 },
    );
  }, 300_000);
});
