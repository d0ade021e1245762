import { describeIssues, type FieldProblem, type ParseResult } from '../facts.js';
import { DEFAULT_PARAMETERS } from './default.js';
import { PARAMETER_IDS, type ParameterId } from './ids.js';
import { resolveParameters } from './resolve.js';
import { MunicipalityParametersSchema, type ParameterSet } from './schema.js';

/** Pairs whose values must keep their order on every date either changes. */
const ORDERED_PAIRS: ReadonlyArray<[lower: ParameterId, upper: ParameterId, message: string]> = [
  ['level2.visitsPerWeekMin', 'level2.visitsPerWeekMax', 'skal være mindst lige så stor som level2.visitsPerWeekMin'],
  ['level1b.initialMonthsMin', 'level1b.initialMonthsMax', 'skal være mindst lige så stor som level1b.initialMonthsMin'],
  ['preventive.handoverWeeksBeforeEnd', 'preventive.maxWeeks', 'skal være større end preventive.handoverWeeksBeforeEnd'],
];

/**
 * Reads a municipality's parameter file (already JSON-parsed): the figures it sets replace the
 * standard's values for those figures, the rest stay the standard's. Problems are Danish and
 * name the field, as for the facts.
 */
export function parseMunicipalityParameters(input: unknown, base: ParameterSet = DEFAULT_PARAMETERS): ParseResult<ParameterSet> {
  const parsed = MunicipalityParametersSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) return { ok: false, problems: describeIssues(parsed.error.issues) };

  const parameters = { ...base.parameters };
  for (const id of PARAMETER_IDS) {
    const own = parsed.data.parameters[id];
    if (own) parameters[id] = { ...base.parameters[id], values: own.values };
  }
  const set: ParameterSet = { name: parsed.data.name, parameters, wellbeingAreas: parsed.data.wellbeingAreas ?? base.wellbeingAreas };
  const problems = orderProblems(set);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: set };
}

function orderProblems(set: ParameterSet): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const [lower, upper, message] of ORDERED_PAIRS) {
    const dates = new Set([...Object.keys(set.parameters[lower].values), ...Object.keys(set.parameters[upper].values)]);
    for (const date of [...dates].sort()) {
      const { values } = resolveParameters(set, date);
      const strict = upper === 'preventive.maxWeeks';
      if (strict ? values[upper] <= values[lower] : values[upper] < values[lower]) {
        problems.push({ field: `parameters.${upper}.values.${date}`, message: `${message} (gælder fra ${date})` });
        break;
      }
    }
  }
  return problems;
}
