import type { Outcome } from './decision-types.js';

/**
 * Three-valued logic for criteria: an unanswered fact makes a criterion UNKNOWN, never false,
 * and an unknown criterion names the facts that would settle it.
 */
export type Tri = 'pass' | 'fail' | 'unknown';

export interface CriterionResult {
  /** Stable rule id, e.g. "level2.investigation". */
  rule: string;
  result: Tri;
  passage: string;
  /** Danish: the reason (pass), the why-not (fail) or the question (unknown). */
  text: string;
  /** The same in English, where the criterion has it. */
  en?: string;
  facts: Record<string, unknown>;
  parameters?: Record<string, number>;
  /** With unknown: the fact names to ask for. */
  missing: string[];
}

export interface MeasureResult {
  outcome: Outcome;
  result: Tri;
  criteria: CriterionResult[];
  /** Facts that would settle an unknown result; empty unless result is unknown. */
  missing: string[];
}

export interface CriterionTexts {
  pass: string;
  fail: string;
  ask: string;
}

export function criterion(
  rule: string,
  passage: string,
  facts: Record<string, unknown>,
  result: Tri,
  texts: CriterionTexts,
  missing: string[] = [],
  parameters?: Record<string, number>,
): CriterionResult {
  const text = result === 'pass' ? texts.pass : result === 'fail' ? texts.fail : texts.ask;
  const entry: CriterionResult = { rule, result, passage, text, facts, missing: result === 'unknown' ? missing : [] };
  if (parameters) entry.parameters = parameters;
  return entry;
}

/** A yes/no fact that must have the expected answer. */
export function expectBoolean(
  rule: string,
  passage: string,
  fact: string,
  value: boolean | undefined,
  expected: boolean,
  texts: CriterionTexts,
): CriterionResult {
  const result: Tri = value === undefined ? 'unknown' : value === expected ? 'pass' : 'fail';
  return criterion(rule, passage, { [fact]: value }, result, texts, [fact]);
}

/**
 * All criteria must hold. One known failure settles it (the unknowns beside it no longer
 * matter, so nobody is asked for them); otherwise any unknown leaves it open.
 */
export function allOf(outcome: Outcome, criteria: CriterionResult[]): MeasureResult {
  if (criteria.some((c) => c.result === 'fail')) return { outcome, result: 'fail', criteria, missing: [] };
  const unknown = criteria.filter((c) => c.result === 'unknown');
  if (unknown.length > 0) return { outcome, result: 'unknown', criteria, missing: unique(unknown.flatMap((c) => c.missing)) };
  return { outcome, result: 'pass', criteria, missing: [] };
}

/** Any one ground suffices (escalation): one pass settles it; otherwise any unknown leaves it open. */
export function anyOf(outcome: Outcome, criteria: CriterionResult[]): MeasureResult {
  if (criteria.some((c) => c.result === 'pass')) return { outcome, result: 'pass', criteria, missing: [] };
  const unknown = criteria.filter((c) => c.result === 'unknown');
  if (unknown.length > 0) return { outcome, result: 'unknown', criteria, missing: unique(unknown.flatMap((c) => c.missing)) };
  return { outcome, result: 'fail', criteria, missing: [] };
}

/** Three-valued AND of sub-results inside one criterion. */
export function and(...results: Tri[]): Tri {
  if (results.includes('fail')) return 'fail';
  if (results.includes('unknown')) return 'unknown';
  return 'pass';
}

export function unique(items: string[]): string[] {
  return [...new Set(items)];
}
