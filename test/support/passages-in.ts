import type { Decision } from '../../rules/decision-types.js';

/** Every passage id a decision cites, wherever it sits. */
export function passagesIn(decision: Decision): string[] {
  return [
    ...decision.reasons.map((c) => c.passage),
    ...Object.values(decision.whyNot).flatMap((list) => (list ?? []).map((c) => c.passage)),
    ...decision.warnings.flatMap((w) => (w.passage ? [w.passage] : [])),
    ...decision.reviews.map((r) => r.passage),
    ...decision.trace.flatMap((t) => (t.passage ? [t.passage] : [])),
  ];
}
