import type { Outcome } from './decision-types.js';
import type { MeasureResult, Tri } from './logic.js';
import { applyStandardHitPolicy } from './standard/evaluate.js';
import { DEFAULT_STANDARD } from './standard/load.js';

/** The outcomes decided by their own criteria in the seed standard (the rest follow from these). */
export const MEASURES = ['escalate', 'preventive', 'level1', 'level2', 'level3'] as const;
export type Measure = (typeof MEASURES)[number];

export type MeasureResults = Record<Measure, MeasureResult>;

type Condition = { measure: Measure; is: Tri } | { anyMeasureIs: Tri } | { otherwise: true };

export interface HitPolicyRow {
  outcome: Outcome;
  when: Condition;
  why: string;
}

// The types above name the seed standard's measures; the file must name the same, in this order.
const fileMeasures = DEFAULT_STANDARD.measures.map((m) => m.id).join(',');
if (fileMeasures !== MEASURES.join(',')) throw new Error(`Standardfilens indsatser (${fileMeasures}) er ikke ${MEASURES.join(',')}`);

/**
 * The hit policy (DMN "priority") of the seed standard, as its file states it: rows are read top
 * to bottom and the first whose condition holds decides. Safety first; then, while any question
 * that could change the answer is open, the answer is "ask"; then the measures, whose criteria
 * are disjoint (the precedence test and check-standard prove no two can pass at once); else none.
 */
export const HIT_POLICY: readonly HitPolicyRow[] = DEFAULT_STANDARD.hitPolicy as readonly HitPolicyRow[];

/** The row that decides, and every row whose condition held (for the trace and the tests). */
export function applyHitPolicy(results: MeasureResults): { winner: HitPolicyRow; matched: Outcome[] } {
  const { winner, matched } = applyStandardHitPolicy(DEFAULT_STANDARD, results);
  // The seed's last row always holds, so there is always a first match.
  return { winner: winner as HitPolicyRow, matched: matched as Outcome[] };
}
