import type { Outcome, Scope, Variant } from './decision-types.js';
import type { ParameterId, ParameterValues } from './parameters/ids.js';
import { DEFAULT_STANDARD } from './standard/load.js';
import { planFor } from './standard/plan.js';

export interface ScopeResult {
  scope: Scope;
  /** The figures read, by parameter id, for the trace. */
  used: Partial<Record<ParameterId, number>>;
}

/** The extent of the measure, from the standard file's scope and the municipality's figures. */
export function scopeFor(outcome: Outcome, variant: Variant, p: ParameterValues): ScopeResult {
  // Scope reads no answers; the reference date only satisfies the facts' shape.
  const { scope, used } = planFor(DEFAULT_STANDARD, outcome, variant, '2000-01-01', { referenceDate: '2000-01-01' }, p);
  return { scope, used: used as Partial<Record<ParameterId, number>> };
}
