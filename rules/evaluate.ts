import type { Facts } from './facts.js';
import { evaluateLevel1 } from './measures/level1.js';
import { evaluateLevel2 } from './measures/level2.js';
import { evaluateLevel3 } from './measures/level3.js';
import { evaluatePreventive } from './measures/preventive.js';
import { evaluateEscalation } from './measures/safety.js';
import type { ParameterValues } from './parameters/ids.js';
import type { MeasureResults } from './precedence.js';

/** Every measure's criteria, evaluated on their own; the hit policy then picks the outcome. */
export function evaluateMeasures(facts: Facts, p: ParameterValues): MeasureResults {
  return {
    escalate: evaluateEscalation(facts, p),
    preventive: evaluatePreventive(facts, p),
    level1: evaluateLevel1(facts, p),
    level2: evaluateLevel2(facts, p),
    level3: evaluateLevel3(facts, p),
  };
}
