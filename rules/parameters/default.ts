import defaults from './default.json' with { type: 'json' };
import { ParameterSetSchema, type ParameterSet } from './schema.js';

/**
 * The seeds' figures, parsed through the same schema a municipality's file passes, so a broken
 * default fails at start-up rather than inside a decision.
 */
export const DEFAULT_PARAMETERS: ParameterSet = ParameterSetSchema.parse(defaults);
