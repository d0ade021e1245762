import { CITE } from '../citations.js';
import type { Facts } from '../facts.js';
import { allOf, expectBoolean, type MeasureResult } from '../logic.js';
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
      fail: 'Forældrenes formåen er endnu ikke afdækket; så er niveau 2 (afprøvning) det rette, ikke niveau 3.',
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
  ]);
}
