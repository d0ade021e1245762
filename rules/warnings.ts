import { CITE } from './citations.js';
import type { Outcome, Variant, Warning } from './decision-types.js';
import type { Facts } from './facts.js';
import type { ParameterValues } from './parameters/ids.js';
import type { ResolvedParameters } from './parameters/resolve.js';

const LEVELS: readonly Outcome[] = ['level1', 'level2', 'level3'];

/** Things the caseworker must attend to beside the outcome itself. */
export function warningsFor(
  outcome: Outcome,
  variant: Variant,
  facts: Facts,
  resolved: ResolvedParameters,
  missing: readonly string[],
): Warning[] {
  const p: ParameterValues = resolved.values;
  const warnings: Warning[] = [];
  const isLevel = LEVELS.includes(outcome);

  if (outcome === 'escalate') {
    warnings.push({
      text: 'Underretningen går forud for alt andet i denne sag. Familieafdelingen vurderer den inden for 24 timer (Barnets lov § 136).',
      passage: CITE.underretning,
    });
  }
  if (missing.includes('olderChildReason')) {
    warnings.push({
      text: `Niveau 2 er som udgangspunkt til unge under ${p['level2.ageUnderMonths'] / 12} år; for et ældre barn skal det begrundes, hvorfor niveau 2 alligevel er det rette.`,
      passage: CITE.omfang2Alder,
    });
  }
  if (outcome === 'level2' && typeof facts.child?.ageMonths === 'number' && facts.child.ageMonths >= p['level2.ageUnderMonths']) {
    warnings.push({
      text: `Barnet er over udgangspunktet for niveau 2 (under ${p['level2.ageUnderMonths'] / 12} år); begrundelsen skal fremgå af afgørelsen.`,
      passage: CITE.omfang2Alder,
    });
  }
  if (outcome === 'level2' && facts.investigation === 'underway') {
    warnings.push({
      text: 'Niveau 2 starter sideløbende med den børnefaglige undersøgelse: den foreløbige handleplan skal foreligge, og undersøgelsen skal afsluttes inden fristen.',
      passage: CITE.foreloebig,
    });
  }
  if (outcome === 'level1' && variant === '1A') {
    warnings.push({ text: 'Ofte indebærer et forløb mere end 1 ugentligt møde i opstartsfasen og færre senere.', passage: CITE.omfang1aOpstart });
  }
  if (outcome === 'level1') {
    warnings.push({
      text: 'Servicestandarden er et udkast med rettelsesmarkeringer, så niveau 1 og 1A står som alternativer; kommunens parameter level1.extraMonths afgør, om 1A (ekstra måneder) er udgangspunktet.',
      passage: CITE.redaktion,
    });
  }
  if (isLevel && facts.receivesVisitationSocial === true) {
    warnings.push({ text: 'Forældrene modtager støtte fra Visitation Social: vær opmærksom på samarbejdet.', passage: CITE.visitationSocial });
  }
  if (isLevel && facts.receivesVisitationSocial === undefined) {
    warnings.push({ text: 'Det er ikke oplyst, om forældrene modtager støtte fra Visitation Social; i så fald skal samarbejdet med dem tænkes ind.', passage: CITE.visitationSocial });
  }
  if (outcome === 'level1' || outcome === 'level2') {
    warnings.push({ text: 'Deltagelse i tværfaglige møder kan erstatte besøg.', passage: CITE.tvaerfagligeMoeder });
  }
  if ((outcome === 'preventive' || isLevel) && facts.startDate === undefined) {
    warnings.push({ text: `Startdatoen er ikke oplyst; fristerne er regnet fra referencedatoen ${facts.referenceDate}. Ret dem, når indsatsen starter.` });
  }
  for (const id of resolved.notYetInForce) {
    warnings.push({ text: `Parameteren ${id} har ingen værdi gældende på ${facts.referenceDate}; den tidligste værdi (fra ${resolved.effectiveFrom[id]}) er brugt.` });
  }
  return warnings;
}
