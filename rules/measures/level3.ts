import { CITE } from '../citations.js';
import type { Facts } from '../facts.js';
import { allOf, criterion, expectBoolean, type CriterionResult, type MeasureResult, type Tri } from '../logic.js';
import type { ParameterValues } from '../parameters/ids.js';
import { concernIs, underAgeLimit } from './common.js';

/** Kompenserende praktisk pædagogisk støtte, niveau 3: the parents' capacity is established. */
export function evaluateLevel3(facts: Facts, p: ParameterValues): MeasureResult {
  return allOf('level3', [
    underAgeLimit('level3.age', CITE.maalgruppe3, facts, p),
    concernIs('level3.concern', CITE.maalgruppe3, facts, 'pronounced', 'Se niveau 1 eller den hjemmepædagogiske indsats.'),
    // Where the capacity is still to be tested, level 2 is the fit; level 3 presumes it afdækket.
    expectBoolean('level3.capacity-established', CITE.kriterier3, 'parentalCapacityUnclear', facts.parentalCapacityUnclear, false, {
      pass: 'Forældrenes formåen er afdækket.',
      fail: 'Forældrenes formåen er endnu ikke afdækket; niveau 3 forudsætter, at den er. Skal det afprøves, hvad forældrene kan, peger standarden på niveau 2.',
      ask: 'Er det afdækket, hvad forældrene kan, eller skal det først afprøves?',
    }),
    expectBoolean('level3.emotional-care', CITE.kriterier3, 'emotionalCareAdequate', facts.emotionalCareAdequate, true, {
      pass: 'Forældrene er i stand til at yde følelsesmæssig omsorg.',
      fail: 'Forældrene er ikke i stand til at yde følelsesmæssig omsorg; kompenserende praktisk støtte forudsætter, at de er.',
      ask: 'Er forældrene i stand til at yde følelsesmæssig omsorg?',
    }),
    expectBoolean('level3.practical-deficits', CITE.kriterier3, 'practicalCareSeriousDeficits', facts.practicalCareSeriousDeficits, true, {
      pass: 'Forældrene har alvorlige mangler i forhold til at udføre den praktiske omsorg.',
      fail: 'Forældrene har ikke alvorlige mangler i den praktiske omsorg.',
      ask: 'Har forældrene alvorlige mangler i forhold til at udføre den praktiske omsorg?',
    }),
    expectBoolean('level3.parents-see-need', CITE.kriterier3, 'parentsSeeNeed', facts.parentsSeeNeed, true, {
      pass: 'Forældrene viser vilje og evne til at se behovet for støtte.',
      fail: 'Forældrene viser ikke vilje og evne til at se behovet for støtte.',
      ask: 'Viser forældrene vilje og evne til at se behovet for støtte?',
    }),
    basisEstablished(facts),
  ]);
}

/**
 * "Det er afdækket, at forældrene ..." (pps.kriterier.3): level 3 rests on what the parents can,
 * so it needs the basis done. Barnets lov § 32, stk. 4 lets support start on an afdækning (§ 19)
 * or a børnefaglig undersøgelse (§ 20), but an afdækning looks at one or more matters, while
 * compensatory support for serious deficits in practical care is the serious case the
 * undersøgelse is for; and the seed lets only intensive support (level 2) start alongside it
 * (pps.saerlige.foreloebig). So: completed passes; under way or none does not, and says what to do.
 */
export const LEVEL3_BASIS_RULE = 'level3.basis';

function basisEstablished(facts: Facts): CriterionResult {
  const investigation = facts.investigation;
  const result: Tri = investigation === undefined ? 'unknown' : investigation === 'completed' ? 'pass' : 'fail';
  const passage = investigation === 'underway' ? CITE.foreloebig : investigation === 'none' ? CITE.blAfdaekning : CITE.blGrundlag;
  return criterion(
    LEVEL3_BASIS_RULE,
    passage,
    { investigation },
    result,
    {
      pass: 'Grundlaget er på plads: den børnefaglige undersøgelse er afsluttet.',
      fail:
        investigation === 'underway'
          ? 'Den børnefaglige undersøgelse er i gang, så det er endnu ikke afdækket, hvad forældrene kan. Afslut undersøgelsen, før niveau 3 bevilges. Skal der støttes imens, kan niveau 2 i særlige tilfælde starte sideløbende med undersøgelsen, når der foreligger en foreløbig handleplan.'
          : 'Der er ingen børnefaglig undersøgelse, så det er ikke afdækket, hvad forældrene kan. En afdækning efter Barnets lov § 19 belyser et eller flere forhold og er ikke nok til kompenserende støtte. Start en børnefaglig undersøgelse (Barnets lov § 20).',
      ask: 'Er der en børnefaglig undersøgelse: ingen, i gang eller afsluttet?',
    },
    ['investigation'],
  );
}
