import { CITE } from '../citations.js';
import type { Facts } from '../facts.js';
import { anyOf, expectBoolean, type MeasureResult } from '../logic.js';
import type { ParameterValues } from '../parameters/ids.js';

/**
 * Underretning/escalation: a real safety concern only (violence, abuse, serious neglect, or the
 * caseworker's own flag that the child may be in danger).
 *
 * The model's duty to report (hpi.6.underretning) is the pedagogue's, towards the family
 * department, when the home needs more than the preventive course. The caseworker who answers
 * this interview IS the family department: she does not report to herself. A young child with
 * bekymring and no undersøgelse therefore gets what a 25-month-old with the same facts gets: more
 * than preventive support is needed, so start the børnefaglig undersøgelse (level 1's basis).
 * The parameters are not read here; the signature stays that of every measure.
 */
export function evaluateEscalation(facts: Facts, _p: ParameterValues): MeasureResult {
  return anyOf('escalate', [
    expectBoolean('escalate.safety', CITE.underretning, 'safetyConcern', facts.safetyConcern, true, {
      pass: 'Der er markeret bekymring for barnets sikkerhed (vold, overgreb, alvorlig omsorgssvigt eller sagsbehandlerens egen vurdering): underret familieafdelingen nu.',
      fail: 'Der er ikke markeret bekymring for barnets sikkerhed.',
      ask: 'Er der tegn på, at barnet er i fare (vold, overgreb, alvorlig omsorgssvigt)?',
    }),
  ]);
}
