import type { Decision } from './decision-types.js';
import type { Facts } from './facts.js';
import { DEFAULT_PARAMETERS } from './parameters/default.js';
import type { ParameterSet } from './parameters/schema.js';
import { decideWithStandard } from './standard/decide.js';
import { DEFAULT_STANDARD } from './standard/load.js';

/**
 * The recommendation for one case: a pure function of the facts and the municipality's
 * parameter set, read at the facts' reference date. No clock, no I/O; the same answers give
 * the same decision. A person decides; this recommends and explains. The criteria, the hit
 * policy and the measures' scope and due dates are the standard file's (rules/standards/).
 */
export function decide(facts: Facts, parameters: ParameterSet = DEFAULT_PARAMETERS): Decision {
  return decideWithStandard(DEFAULT_STANDARD, facts, parameters);
}
