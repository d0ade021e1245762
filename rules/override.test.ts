import { describe, expect, it } from 'vitest';
import { decide } from './decide.js';
import type { Facts } from './facts.js';
import { choosableUnder, validateOverride } from './override.js';
import { DEFAULT_STANDARD } from './standard/load.js';

const facts: Facts = {
  referenceDate: '2025-03-01',
  safetyConcern: false,
  child: { ageMonths: 100 },
  concern: 'concern',
  parentsNeedSupport: true,
  benefitsFromFamilyTreatment: false,
  investigation: 'completed',
  solvableInLimitedPeriod: true,
  extraVisitsNeeded: false,
};
const decision = decide(facts);
const valid = {
  recommended: 'level1',
  chosen: 'level2',
  reason: 'Familien har brug for flere besøg end niveau 1 giver, jf. netværksmødet.',
  by: 'sagsbehandler-17',
  at: '2025-03-01T10:15:00Z',
};
const codes = (proposed: Record<string, unknown>) => validateOverride(decision, proposed).map((p) => p.code);

describe('a caseworker’s override', () => {
  it('is accepted with the rules’ recommendation, a choosable outcome and a written reason', () => {
    expect(decision.outcome).toBe('level1');
    expect(validateOverride(decision, valid)).toEqual([]);
    expect(codes({ ...valid, chosen: 'level1', chosenVariant: '1B' })).toEqual([]);
  });

  it('must quote the recommendation the rules actually gave', () => {
    expect(codes({ ...valid, recommended: 'level3' })).toEqual(['recommended-mismatch']);
  });

  it('needs a reason that says something, not blanks or a word', () => {
    expect(codes({ ...valid, reason: undefined })).toEqual(['reason-missing']);
    expect(codes({ ...valid, reason: '      ' })).toEqual(['reason-missing']);
    expect(codes({ ...valid, reason: '  kort  ' })).toEqual(['reason-too-short']);
    expect(codes({ ...valid, reason: '  123456789 ' })).toEqual(['reason-too-short']);
    expect(codes({ ...valid, reason: '1234567890' })).toEqual([]);
  });

  it('cannot choose "needs-information" or an unknown outcome', () => {
    expect(codes({ ...valid, chosen: 'needs-information' })).toEqual(['chosen-not-choosable']);
    expect(codes({ ...valid, chosen: 'level4' })).toEqual(['chosen-not-choosable']);
  });

  it('allows a variant only with level 1', () => {
    expect(codes({ ...valid, chosen: 'level2', chosenVariant: '1A' })).toEqual(['variant-not-allowed']);
    expect(codes({ ...valid, chosen: 'level1', chosenVariant: '2B' })).toEqual(['variant-not-allowed']);
  });

  it('says who and when, and reports every problem at once in Danish', () => {
    const problems = validateOverride(decision, {});
    expect(problems.map((p) => p.field).sort()).toEqual(['at', 'by', 'chosen', 'reason', 'recommended']);
    expect(problems.every((p) => /[a-zæøå]/i.test(p.message))).toBe(true);
    expect(codes({ ...valid, at: '2025-02-30T10:00:00Z' })).toEqual(['at-invalid']);
  });

  it('never changes the decision it checks', () => {
    const before = JSON.stringify(decision);
    validateOverride(decision, { ...valid, recommended: 'none' });
    expect(JSON.stringify(decision)).toBe(before);
  });

  it('refuses a measure the decision’s standard does not have, naming the measures it has, in Danish and English', () => {
    const twoLevels = { ...DEFAULT_STANDARD, measures: DEFAULT_STANDARD.measures.filter((m) => m.id !== 'level3') };
    expect(choosableUnder(twoLevels)).toEqual(['escalate', 'preventive', 'level1', 'level2', 'none']);
    const [problem, ...rest] = validateOverride(decision, { ...valid, chosen: 'level3' }, twoLevels);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ code: 'chosen-not-in-standard', field: 'chosen' });
    expect(problem!.message).toContain('Niveau 2');
    expect(problem!.message).not.toContain('Niveau 3');
    expect(problem!.en).toContain('has no such measure');
    expect(validateOverride(decision, { ...valid, chosen: 'level2' }, twoLevels)).toEqual([]);
    expect(validateOverride(decision, { ...valid, chosen: 'level3' })).toEqual([]);
  });
});
