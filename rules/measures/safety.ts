import { CITE } from '../citations.js';
import type { Facts } from '../facts.js';
import { and, anyOf, criterion, expectBoolean, type CriterionResult, type MeasureResult, type Tri } from '../logic.js';
import type { ParameterValues } from '../parameters/ids.js';
import { preventiveAgeGroup } from './common.js';

/**
 * Underretning/escalation. Two grounds, either suffices:
 * - the caseworker's own flag that the child may be in danger;
 * - the preventive model's own duty (hpi.6.underretning): a child in the model's target group
 *   whose home needs more than a preventive course (bekymring or udpræget bekymring) while the
 *   family department has no børnefaglig undersøgelse under way or done.
 */
export function evaluateEscalation(facts: Facts, p: ParameterValues): MeasureResult {
  return anyOf('escalate', [
    expectBoolean('escalate.safety', CITE.underretning, 'safetyConcern', facts.safetyConcern, true, {
      pass: 'Der er markeret bekymring for barnets sikkerhed (vold, overgreb, alvorlig omsorgssvigt eller sagsbehandlerens egen vurdering): underret familieafdelingen nu.',
      fail: 'Der er ikke markeret bekymring for barnets sikkerhed.',
      ask: 'Er der tegn på, at barnet er i fare (vold, overgreb, alvorlig omsorgssvigt)?',
    }),
    beyondPreventive(facts, p),
  ]);
}

function beyondPreventive(facts: Facts, p: ParameterValues): CriterionResult {
  const age = preventiveAgeGroup('escalate.preventive-model', facts, p);
  const concern = facts.concern;
  const concernTri: Tri = concern === undefined ? 'unknown' : concern === 'concern' || concern === 'pronounced' ? 'pass' : 'fail';
  const investigation = facts.investigation;
  const investigationTri: Tri = investigation === undefined ? 'unknown' : investigation === 'none' ? 'pass' : 'fail';
  const result = and(age.result, concernTri, investigationTri);
  // Ask only for what is still open, and nothing once a known answer rules the ground out.
  const missing =
    result === 'unknown'
      ? [...age.missing, ...(concernTri === 'unknown' ? ['concern'] : []), ...(investigationTri === 'unknown' ? ['investigation'] : [])]
      : [];
  return criterion(
    'escalate.preventive-model',
    CITE.underretning,
    { ...age.facts, concern, investigation },
    result,
    {
      pass: 'Barnet er i den hjemmepædagogiske indsats’ målgruppe, men hjemmet kræver mere end en forebyggende indsats, og der er ingen børnefaglig undersøgelse: underret familieafdelingen.',
      fail: `Modellens pligt til underretning er ikke udløst: ${[
        age.result === 'fail' ? 'barnet er uden for den hjemmepædagogiske indsats’ målgruppe' : '',
        concernTri === 'fail' ? 'bekymringen kræver ikke mere end en forebyggende indsats' : '',
        investigationTri === 'fail' ? 'familieafdelingen har allerede en børnefaglig undersøgelse' : '',
      ]
        .filter(Boolean)
        .join('; ')}.`,
      ask: 'Der mangler svar for at afgøre, om hjemmet kræver en underretning til familieafdelingen.',
    },
    missing,
    age.parameters,
  );
}
