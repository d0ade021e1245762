import type { Decision } from '../rules/decision-types.js';
import type { Facts } from '../rules/facts.js';
import { DEFAULT_PARAMETERS } from '../rules/parameters/default.js';
import { decideWithStandard } from '../rules/standard/decide.js';
import { DEFAULT_STANDARD } from '../rules/standard/load.js';
import type { Standard } from '../rules/standard/schema.js';

/**
 * The rules with the standard's default figures; a municipality's own set is bound the same way.
 * The standard is the tenant's (bot/standards/), the seed when none is given.
 */
export const decideWithDefaults = (facts: Facts, standard: Standard = DEFAULT_STANDARD): Decision => decideWithStandard(standard, facts, DEFAULT_PARAMETERS);
