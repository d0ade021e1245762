import type { Decision, TraceEntry } from './decision-types.js';
import { whyNotFor, reasonsFor } from './explain.js';
import type { Facts } from './facts.js';
import { legalBasisFor } from './legal-basis.js';
import { unique, type CriterionResult } from './logic.js';
import { evaluateMeasures } from './evaluate.js';
import { level1Variant } from './measures/level1.js';
import { DEFAULT_PARAMETERS } from './parameters/default.js';
import { resolveParameters } from './parameters/resolve.js';
import type { ParameterSet } from './parameters/schema.js';
import { applyHitPolicy, HIT_POLICY, MEASURES, type MeasureResults } from './precedence.js';
import { schedule } from './schedule.js';
import { scopeFor } from './scope.js';
import { warningsFor } from './warnings.js';

/** The order questions are asked in: safety first, then as the interview runs. */
const ASK_ORDER = [
  'safetyConcern',
  'child.ageMonths',
  'child.latePregnancy',
  'concern',
  'complexity',
  'problemDelimited',
  'familyResourcesCarry',
  'riskFactors',
  'riskToDevelopment',
  'investigation',
  'preliminaryPlan',
  'parentsNeedSupport',
  'benefitsFromFamilyTreatment',
  'solvableInLimitedPeriod',
  'intensiveNeeded',
  'parentalCapacityUnclear',
  'emotionalCareAdequate',
  'practicalCareSeriousDeficits',
  'parentsSeeNeed',
  'extraVisitsNeeded',
  'olderChildReason',
];

/**
 * The recommendation for one case: a pure function of the facts and the municipality's
 * parameter set, read at the facts' reference date. No clock, no I/O; the same answers give
 * the same decision. A person decides; this recommends and explains.
 */
export function decide(facts: Facts, parameters: ParameterSet = DEFAULT_PARAMETERS): Decision {
  const resolved = resolveParameters(parameters, facts.referenceDate);
  const p = resolved.values;
  const results: MeasureResults = evaluateMeasures(facts, p);
  const { winner, matched } = applyHitPolicy(results);
  const outcome = winner.outcome;

  const missing =
    outcome === 'needs-information'
      ? unique(MEASURES.flatMap((m) => results[m].missing)).sort((a, b) => ASK_ORDER.indexOf(a) - ASK_ORDER.indexOf(b))
      : [];
  const variant = outcome === 'level1' ? level1Variant(facts, p) : null;
  const startDate = facts.startDate ?? facts.referenceDate;
  const alongside = outcome === 'level2' && facts.investigation === 'underway';
  const planned = schedule(outcome, variant, startDate, alongside, p);
  const { scope, used } = scopeFor(outcome, variant, p);

  const trace: TraceEntry[] = [
    ...MEASURES.flatMap((m) => results[m].criteria.map(toTrace)),
    {
      rule: 'hit-policy',
      result: 'pass',
      facts: { matched, decided: outcome, rowIndex: HIT_POLICY.indexOf(winner) },
    },
    { rule: `scope.${outcome}`, result: 'pass', facts: { variant }, parameters: used },
    ...planned.trace,
  ];

  return {
    outcome,
    variant,
    missing,
    scope,
    reviews: planned.reviews,
    reasons: reasonsFor(outcome, results, facts),
    whyNot: whyNotFor(outcome, results, missing),
    warnings: warningsFor(outcome, variant, facts, resolved, missing, planned.reviews, parameters),
    legalBasis: legalBasisFor(outcome, alongside),
    trace,
    referenceDate: facts.referenceDate,
    startDate,
    parameterSet: resolved.setName,
  };
}

function toTrace(c: CriterionResult): TraceEntry {
  const entry: TraceEntry = { rule: c.rule, result: c.result, facts: c.facts, passage: c.passage };
  if (c.parameters) entry.parameters = c.parameters;
  return entry;
}
