import { passageById } from '../passages/index.js';
import { longDate } from '../dates.js';
import type { ParameterId } from './ids.js';
import type { ParameterSet } from './schema.js';

/**
 * The figure each parameter's cited passage states, in the passage's own words. A municipality
 * that sets another value still cites the standard's passage (the schema keeps the citation), so
 * the decision would show "0-24 måneder" beside a rule that uses 60: the check warns about it.
 * `words` must occur in the passage; a test holds them against the passages data.
 */
export const FIGURE_IN_PASSAGE: Readonly<Partial<Record<ParameterId, { figure: number; words: string }>>> = {
  'special.ageUnderMonths': { figure: 216, words: 'under 18 år' },
  'preventive.ageMaxMonths': { figure: 24, words: '0-24 måneder' },
  'preventive.maxWeeks': { figure: 40, words: '40 uger' },
  'preventive.followUpAtAgeMonths': { figure: 36, words: 'tredje år' },
  'level1.visitsPerWeek': { figure: 1, words: '1 ugentligt besøg' },
  'level1.grantMonths': { figure: 9, words: 'op til 9 mdr.' },
  'level1.extraMonths': { figure: 3, words: '9 + 3 måneder' },
  'level1b.initialVisitsPerWeekMax': { figure: 2, words: 'op til 2 ugentlige besøg' },
  'level1b.initialMonthsMin': { figure: 3, words: '3-6 måneder' },
  'level1b.initialMonthsMax': { figure: 6, words: '3-6 måneder' },
  'level2.visitsPerWeekMin': { figure: 2, words: '2-3 ugentlige besøg' },
  'level2.visitsPerWeekMax': { figure: 3, words: '2-3 ugentlige besøg' },
  'level2.grantMonths': { figure: 3, words: '3 måneder ad gangen' },
  'level2.ageUnderMonths': { figure: 156, words: 'under 13 år' },
  'level2.investigationDeadlineMonths': { figure: 4, words: 'senest 4 måneder' },
  'level3.hoursPerWeekMax': { figure: 5, words: 'op til 5 timer pr. uge' },
  'level3.followUpMonths': { figure: 6, words: 'hver 6 måned' },
  'followUp.firstMonths': { figure: 3, words: 'senest 3 måneder' },
  'childPlan.withinMonths': { figure: 3, words: 'senest 3 måneder' },
};

export interface ParameterWarning {
  /** Dotted path, as the parse problems name fields: "parameters.preventive.ageMaxMonths.values.2000-01-01". */
  field: string;
  /** Danish. */
  message: string;
  passage: string;
}

/**
 * A figure as a caseworker reads it: the municipality's own description of it, quoted, never its
 * setting id (the id is for the file's author, in `field`).
 */
export function figureName(set: ParameterSet | undefined, id: ParameterId): string {
  const description = set?.parameters[id].description.replace(/\.$/u, '');
  return description ? `»${description}«` : 'for en af indsatsens frister eller omfang';
}

const WARNINGS = new WeakMap<ParameterSet, readonly ParameterWarning[]>();

/**
 * Every dated value that differs from the figure its cited passage states. Not an error: the
 * municipality may mean it. Worked out once per set (a set is not changed once parsed): every
 * decision under the set repeats them.
 */
export function parameterWarnings(set: ParameterSet): readonly ParameterWarning[] {
  let warnings = WARNINGS.get(set);
  if (!warnings) {
    warnings = Object.freeze(collectParameterWarnings(set).map((w) => Object.freeze(w)));
    WARNINGS.set(set, warnings);
  }
  return warnings;
}

function collectParameterWarnings(set: ParameterSet): ParameterWarning[] {
  const warnings: ParameterWarning[] = [];
  for (const [id, stated] of Object.entries(FIGURE_IN_PASSAGE) as [ParameterId, { figure: number; words: string }][]) {
    const def = set.parameters[id];
    for (const [date, value] of Object.entries(def.values)) {
      if (value === stated.figure) continue;
      const heading = passageById(def.passage)?.heading ?? def.passage;
      warnings.push({
        field: `parameters.${id}.values.${date}`,
        passage: def.passage,
        message: `${figureName(set, id)} er sat til ${value} (fra ${longDate(date, 'da')}), men den citerede passage (${heading}) siger »${stated.words}«. Begrundelserne citerer standardens tekst for en anden værdi; henvis til kommunens egen servicestandard for dette tal.`,
      });
    }
  }
  return warnings;
}
