import type { Decision, Outcome, TraceEntry, Variant } from '../decision-types.js';
import type { Facts } from '../facts.js';
import { legalBasisFor } from '../legal-basis.js';
import type { CriterionResult } from '../logic.js';
import { resolveParameters } from '../parameters/resolve.js';
import type { ParameterSet } from '../parameters/schema.js';
import { warningsFor } from '../warnings.js';
import { applyStandardHitPolicy, evaluateStandard, missingInOrder, variantOf } from './evaluate.js';
import { standardReasons, standardWhyNot } from './explain.js';
import { planFor } from './plan.js';
import type { Standard } from './schema.js';

/**
 * The recommendation for one case under one standard file: a pure function of the standard,
 * the facts and the municipality's parameter set, read at the facts' reference date.
 */
export function decideWithStandard(standard: Standard, facts: Facts, parameters: ParameterSet): Decision {
  const resolved = resolveParameters(parameters, facts.referenceDate);
  const p = resolved.values;
  const results = evaluateStandard(standard, facts, p);
  const { winner, matched } = applyStandardHitPolicy(standard, results);
  // A file that passed the check always has a row that holds; one that did not gets "none", said so.
  const outcome = (winner?.outcome ?? 'none') as Outcome;

  const missing = outcome === 'needs-information' ? missingInOrder(standard, results) : [];
  const variant = (outcome === 'needs-information' ? null : variantOf(standard, outcome, facts, p)) as Variant;
  const startDate = facts.startDate ?? facts.referenceDate;
  const alongside = outcome === 'level2' && facts.investigation === 'underway';
  const planned = planFor(standard, outcome, variant, startDate, facts, p);

  const trace: TraceEntry[] = [];
  for (const m of standard.measures) for (const c of results[m.id]?.criteria ?? []) trace.push(toTrace(c));
  trace.push(
    {
      rule: 'hit-policy',
      result: 'pass',
      facts: { matched, decided: outcome, rowIndex: winner ? standard.hitPolicy.indexOf(winner) : -1 },
    },
    { rule: `scope.${outcome}`, result: 'pass', facts: { variant }, parameters: planned.used },
  );
  for (const t of planned.trace) trace.push(t);

  return {
    outcome,
    variant,
    missing,
    scope: planned.scope,
    reviews: planned.reviews,
    reasons: standardReasons(standard, outcome, results, facts, p),
    whyNot: standardWhyNot(standard, outcome, results, missing),
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
