import type { Outcome } from './decision-types.js';
import type { MeasureResult, Tri } from './logic.js';

/** The outcomes decided by their own criteria (the rest follow from these). */
export const MEASURES = ['escalate', 'preventive', 'level1', 'level2', 'level3'] as const;
export type Measure = (typeof MEASURES)[number];

export type MeasureResults = Record<Measure, MeasureResult>;

type Condition = { measure: Measure; is: Tri } | { anyMeasureIs: Tri } | { otherwise: true };

export interface HitPolicyRow {
  outcome: Outcome;
  when: Condition;
  why: string;
}

/**
 * The hit policy (DMN "priority"): rows are read top to bottom and the first whose condition
 * holds decides. Safety first; then, while any question that could change the answer is open,
 * the answer is "ask"; then the measures, whose criteria are disjoint (the precedence test
 * proves no two can pass at once, so their order here never decides anything); else none.
 */
export const HIT_POLICY: readonly HitPolicyRow[] = [
  { outcome: 'escalate', when: { measure: 'escalate', is: 'pass' }, why: 'Barnets sikkerhed går forud for alt andet.' },
  { outcome: 'needs-information', when: { anyMeasureIs: 'unknown' }, why: 'Et ubesvaret spørgsmål kan ændre svaret; ukendt er ikke nej.' },
  { outcome: 'preventive', when: { measure: 'preventive', is: 'pass' }, why: 'Den forebyggende indsats passer.' },
  { outcome: 'level1', when: { measure: 'level1', is: 'pass' }, why: 'Niveau 1 passer.' },
  { outcome: 'level2', when: { measure: 'level2', is: 'pass' }, why: 'Niveau 2 passer.' },
  { outcome: 'level3', when: { measure: 'level3', is: 'pass' }, why: 'Niveau 3 passer.' },
  { outcome: 'none', when: { otherwise: true }, why: 'Ingen indsats passer, og intet spørgsmål er åbent.' },
];

function holds(condition: Condition, results: MeasureResults): boolean {
  if ('otherwise' in condition) return true;
  if ('anyMeasureIs' in condition) return MEASURES.some((m) => results[m].result === condition.anyMeasureIs);
  return results[condition.measure].result === condition.is;
}

/** The row that decides, and every row whose condition held (for the trace and the tests). */
export function applyHitPolicy(results: MeasureResults): { winner: HitPolicyRow; matched: Outcome[] } {
  const matched = HIT_POLICY.filter((row) => holds(row.when, results));
  // The last row always holds, so there is always a first match.
  return { winner: matched[0] as HitPolicyRow, matched: matched.map((row) => row.outcome) };
}
