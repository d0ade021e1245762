import type { Outcome, Scope, Variant } from './decision-types.js';
import type { ParameterValues } from './parameters/ids.js';

/** The extent of the measure, from the municipality's figures. */
export function scopeFor(outcome: Outcome, variant: Variant, p: ParameterValues): Scope {
  const weekly = p['level1.visitsPerWeek'];
  switch (outcome) {
    case 'preventive':
      return { maxWeeks: p['preventive.maxWeeks'] };
    case 'level1': {
      const scope: Scope = { visitsPerWeek: { min: weekly, max: weekly }, grantMonths: p['level1.grantMonths'] };
      if (variant === '1A') scope.extraMonths = p['level1.extraMonths'];
      if (variant === '1B') {
        scope.initialPhase = {
          visitsPerWeek: { min: weekly, max: p['level1b.initialVisitsPerWeekMax'] },
          monthsMin: p['level1b.initialMonthsMin'],
          monthsMax: p['level1b.initialMonthsMax'],
        };
      }
      return scope;
    }
    case 'level2':
      return {
        visitsPerWeek: { min: p['level2.visitsPerWeekMin'], max: p['level2.visitsPerWeekMax'] },
        grantMonths: p['level2.grantMonths'],
      };
    case 'level3':
      return { hoursPerWeekMax: p['level3.hoursPerWeekMax'] };
    default:
      return {};
  }
}
