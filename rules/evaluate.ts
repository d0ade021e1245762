import type { Facts } from './facts.js';
import type { ParameterValues } from './parameters/ids.js';
import type { MeasureResults } from './precedence.js';
import { evaluateStandard } from './standard/evaluate.js';
import { DEFAULT_STANDARD } from './standard/load.js';

/** Every measure's criteria, evaluated on their own; the hit policy then picks the outcome. */
export function evaluateMeasures(facts: Facts, p: ParameterValues): MeasureResults {
  return evaluateStandard(DEFAULT_STANDARD, facts, p) as MeasureResults;
}
