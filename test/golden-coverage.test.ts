import { describe, expect, it } from 'vitest';
import { CITE } from '../rules/citations.js';
import { decide } from '../rules/decide.js';
import { REVIEW_KINDS } from '../rules/decision-types.js';
import { parseFacts, type Facts } from '../rules/facts.js';
import { loadGoldenCases, type GoldenCase } from './support/golden.js';

/**
 * The golden cases must prove the standards, not just exist: every passage the rules cite,
 * every review kind, every age limit from both sides, and every criterion flipped in a pair.
 */
const cases = loadGoldenCases();

function flatten(facts: unknown): Record<string, unknown> {
  const { child, ...rest } = facts as Facts;
  const flat: Record<string, unknown> = { ...rest };
  for (const [k, v] of Object.entries(child ?? {})) flat[`child.${k}`] = v;
  return flat;
}

function onlyDifference(a: GoldenCase, b: GoldenCase): string | undefined {
  if (a.parameterSet !== b.parameterSet) return undefined;
  const fa = flatten(a.facts);
  const fb = flatten(b.facts);
  const keys = new Set([...Object.keys(fa), ...Object.keys(fb)]);
  const differing = [...keys].filter((k) => JSON.stringify(fa[k]) !== JSON.stringify(fb[k]));
  return differing.length === 1 ? differing[0] : undefined;
}

function decided(c: GoldenCase): string {
  const parsed = parseFacts(c.facts);
  if (!parsed.ok) throw new Error(c.file);
  const { trace: _trace, ...rest } = decide(parsed.value);
  return JSON.stringify(rest);
}

describe('golden cases cover both standards', () => {
  it.each(Object.values(CITE))('some case proves %s', (passage) => {
    expect(cases.filter((c) => c.proves === passage).map((c) => c.file).length).toBeGreaterThan(0);
  });

  it.each([...REVIEW_KINDS])('some case expects a "%s" review with its due date', (kind) => {
    expect(cases.some((c) => c.expected.reviews?.some((r) => r.kind === kind))).toBe(true);
  });

  it.each([24, 25, 155, 156, 215, 216])('some case sits on the age limit %i months', (age) => {
    expect(cases.some((c) => flatten(c.facts)['child.ageMonths'] === age)).toBe(true);
  });

  const flippable = [
    'safetyConcern',
    'child.latePregnancy',
    'concern',
    'complexity',
    'problemDelimited',
    'familyResourcesCarry',
    'riskFactors',
    'riskToDevelopment',
    'investigation',
    'preliminaryPlan',
    'parentsNeedSupport',
    'benefitsFromFamilyTreatment',
    'solvableInLimitedPeriod',
    'intensiveNeeded',
    'parentalCapacityUnclear',
    'emotionalCareAdequate',
    'practicalCareSeriousDeficits',
    'parentsSeeNeed',
    'extraVisitsNeeded',
    'receivesVisitationSocial',
  ];
  it.each(flippable)('a pair of cases differs only in %s and the decision changes', (fact) => {
    const pairs = cases.flatMap((a, i) => cases.slice(i + 1).filter((b) => onlyDifference(a, b) === fact).map((b) => [a, b] as const));
    expect(pairs.length, `no pair of golden cases flips ${fact}`).toBeGreaterThan(0);
    expect(pairs.some(([a, b]) => decided(a) !== decided(b))).toBe(true);
  });
});
