import type { Outcome, Scope, Variant } from './decision-types.js';
import type { ParameterId, ParameterValues } from './parameters/ids.js';

export interface ScopeResult {
  scope: Scope;
  /** The figures read, by parameter id, for the trace. */
  used: Partial<Record<ParameterId, number>>;
}

/** The extent of the measure, from the municipality's figures. */
export function scopeFor(outcome: Outcome, variant: Variant, p: ParameterValues): ScopeResult {
  const used: Partial<Record<ParameterId, number>> = {};
  const read = (id: ParameterId): number => (used[id] = p[id]);
  const scope: Scope = {};
  switch (outcome) {
    case 'preventive':
      scope.maxWeeks = read('preventive.maxWeeks');
      break;
    case 'level1': {
      const weekly = read('level1.visitsPerWeek');
      scope.visitsPerWeek = { min: weekly, max: weekly };
      scope.grantMonths = read('level1.grantMonths');
      if (variant === '1A') scope.extraMonths = read('level1.extraMonths');
      if (variant === '1B') {
        scope.initialPhase = {
          visitsPerWeek: { min: weekly, max: read('level1b.initialVisitsPerWeekMax') },
          monthsMin: read('level1b.initialMonthsMin'),
          monthsMax: read('level1b.initialMonthsMax'),
        };
      }
      break;
    }
    case 'level2':
      scope.visitsPerWeek = { min: read('level2.visitsPerWeekMin'), max: read('level2.visitsPerWeekMax') };
      scope.grantMonths = read('level2.grantMonths');
      break;
    case 'level3':
      scope.hoursPerWeekMax = read('level3.hoursPerWeekMax');
      break;
    default:
      break;
  }
  return { scope, used };
}
