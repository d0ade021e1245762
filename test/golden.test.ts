import { describe, expect, it } from 'vitest';
import { decide } from '../rules/decide.js';
import { parseFacts } from '../rules/facts.js';
import { DEFAULT_PARAMETERS } from '../rules/parameters/default.js';
import { loadGoldenCases } from './support/golden.js';
import { loadFixtureParameters } from './support/parameter-fixtures.js';
import { isPassageId } from '../rules/passages/index.js';
import { passagesIn } from './support/passages-in.js';

const cases = loadGoldenCases();

describe('golden cases', () => {
  it.each(cases)('$name ($file)', (golden) => {
    const parsed = parseFacts(golden.facts);
    if (!parsed.ok) throw new Error(`facts do not parse: ${JSON.stringify(parsed.problems)}`);
    const parameters = golden.parameterSet ? loadFixtureParameters(golden.parameterSet) : DEFAULT_PARAMETERS;
    const decision = decide(parsed.value, parameters);
    const { expected } = golden;

    expect(decision.outcome).toBe(expected.outcome);
    if (expected.variant !== undefined) expect(decision.variant).toBe(expected.variant);
    if (expected.scope) expect(decision.scope).toEqual(expected.scope);
    if (expected.missing) expect(decision.missing).toEqual(expected.missing);
    if (expected.reviews) {
      const actual = decision.reviews.map((r, i) =>
        expected.reviews?.[i]?.passage ? { kind: r.kind, due: r.due, passage: r.passage } : { kind: r.kind, due: r.due },
      );
      expect(actual).toEqual(expected.reviews);
    }
    for (const passage of expected.warningPassages ?? []) {
      expect(decision.warnings.map((w) => w.passage)).toContain(passage);
    }
    if (expected.firstReason) {
      expect(decision.reasons[0]?.text).toContain(expected.firstReason.contains);
      expect(decision.reasons[0]?.passage).toBe(expected.firstReason.passage);
    }
    const shown = [...decision.reasons, ...decision.warnings].map((c) => c.text).join('\n');
    for (const fragment of expected.notInText ?? []) expect(shown).not.toContain(fragment);
    // The case proves its passage only if the decision actually cites it.
    expect(isPassageId(golden.proves)).toBe(true);
    expect(passagesIn(decision)).toContain(golden.proves);
  });
});
