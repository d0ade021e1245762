import { CITE } from '../citations.js';
import type { Facts } from '../facts.js';
import { allOf, criterion, expectBoolean, type CriterionResult, type MeasureResult, type Tri } from '../logic.js';
import type { ParameterValues } from '../parameters/ids.js';
import { concernIs, underAgeLimit } from './common.js';

/** Intensiv praktisk pædagogisk støtte, niveau 2. */
export function evaluateLevel2(facts: Facts, p: ParameterValues): MeasureResult {
  return allOf('level2', [
    underAgeLimit('level2.age', CITE.maalgruppe2, facts, p),
    concernIs('level2.concern', CITE.maalgruppe2, facts, 'pronounced', 'Se niveau 1 eller den hjemmepædagogiske indsats.'),
    expectBoolean('level2.intensive', CITE.kriterier2, 'intensiveNeeded', facts.intensiveNeeded, true, {
      pass: 'Der er behov for en intensiv indsats, hvis udviklingen skal vendes.',
      fail: 'Der er ikke vurderet et behov for en intensiv indsats.',
      ask: 'Er det vurderet, at der er behov for en intensiv indsats, hvis udviklingen skal vendes?',
    }),
    expectBoolean('level2.capacity-to-test', CITE.kriterier2, 'parentalCapacityUnclear', facts.parentalCapacityUnclear, true, {
      pass: 'Det skal afprøves, om forældrene kan udvikle sig på baggrund af råd, vejledning og praktisk støtte.',
      fail: 'Forældrenes formåen er allerede afdækket; niveau 2 er til afprøvning af, om forældrene kan udvikle sig.',
      ask: 'Skal det afprøves, om forældrene kan udvikle sig på baggrund af råd, vejledning og praktisk støtte?',
    }),
    investigationCriterion(facts),
    startingPointAge(facts, p),
  ]);
}

/** Completed, or (in special cases) under way with a foreløbig handleplan. */
function investigationCriterion(facts: Facts): CriterionResult {
  const { investigation, preliminaryPlan } = facts;
  let result: Tri;
  let missing = ['investigation'];
  if (investigation === undefined) result = 'unknown';
  else if (investigation === 'completed') result = 'pass';
  else if (investigation === 'none') result = 'fail';
  else {
    result = preliminaryPlan === undefined ? 'unknown' : preliminaryPlan ? 'pass' : 'fail';
    missing = ['preliminaryPlan'];
  }
  return criterion(
    'level2.investigation',
    CITE.foreloebig,
    { investigation, preliminaryPlan },
    result,
    {
      pass:
        investigation === 'completed'
          ? 'Den børnefaglige undersøgelse er afsluttet.'
          : 'Den børnefaglige undersøgelse er i gang, og der foreligger en foreløbig handleplan.',
      fail:
        investigation === 'none'
          ? 'Der er ingen børnefaglig undersøgelse. Start den (Barnets lov § 20); i særlige tilfælde kan niveau 2 starte sideløbende med undersøgelsen, når der foreligger en foreløbig handleplan.'
          : 'Undersøgelsen er i gang, men der foreligger ingen foreløbig handleplan. Udarbejd den foreløbige handleplan; så kan niveau 2 i særlige tilfælde starte sideløbende med undersøgelsen.',
      ask:
        missing[0] === 'preliminaryPlan'
          ? 'Foreligger der en foreløbig handleplan?'
          : 'Er der en børnefaglig undersøgelse: ingen, i gang eller afsluttet?',
    },
    missing,
  );
}

/** Under 13 as a starting point; older only with a stated reason. */
function startingPointAge(facts: Facts, p: ParameterValues): CriterionResult {
  const age = facts.child?.ageMonths;
  const limit = p['level2.ageUnderMonths'];
  const reason = facts.olderChildReason;
  let result: Tri;
  let missing = ['child.ageMonths'];
  if (age === undefined) result = 'unknown';
  else if (age === null || age < limit) result = 'pass';
  else if (reason !== undefined) result = 'pass';
  else {
    result = 'unknown';
    missing = ['olderChildReason'];
  }
  const older = typeof age === 'number' && age >= limit;
  return criterion(
    'level2.starting-point-age',
    CITE.omfang2Alder,
    { 'child.ageMonths': age, olderChildReason: reason },
    result,
    {
      pass: older
        ? `Barnet er ${String(age)} måneder, over udgangspunktet (under ${limit / 12} år); begrundelse: ${String(reason)}`
        : `Barnet er under ${limit / 12} år, som er udgangspunktet for niveau 2.`,
      fail: '',
      ask: older
        ? `Barnet er ${String(age)} måneder; niveau 2 er som udgangspunkt til unge under ${limit / 12} år. Hvorfor er niveau 2 alligevel det rette?`
        : 'Hvor gammelt er barnet (i hele måneder)?',
    },
    missing,
    { 'level2.ageUnderMonths': limit },
  );
}
