import type { Decision } from '../rules/decision-types.js';
import type { Facts } from '../rules/facts.js';
import { decide } from '../rules/decide.js';
import { DEFAULT_PARAMETERS } from '../rules/parameters/default.js';

/** The rules with the standard's default figures; a municipality's own set is bound the same way. */
export const decideWithDefaults = (facts: Facts): Decision => decide(facts, DEFAULT_PARAMETERS);
