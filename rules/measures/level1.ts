import { CITE } from '../citations.js';
import type { Variant } from '../decision-types.js';
import type { Facts } from '../facts.js';
import { allOf, criterion, expectBoolean, type MeasureResult, type Tri } from '../logic.js';
import type { ParameterValues } from '../parameters/ids.js';
import { concernIs, underAgeLimit } from './common.js';

/** Praktisk pædagogisk støtte i hjemmet, niveau 1 (målgruppe and kriterier Ad. 1). */
export function evaluateLevel1(facts: Facts, p: ParameterValues): MeasureResult {
  const investigation = facts.investigation;
  const investigationResult: Tri = investigation === undefined ? 'unknown' : investigation === 'completed' ? 'pass' : 'fail';
  return allOf('level1', [
    underAgeLimit('level1.age', CITE.maalgruppe1, facts, p),
    concernIs(
      'level1.concern',
      CITE.maalgruppe1,
      facts,
      'concern',
      facts.concern === 'pronounced' ? 'Udpræget bekymring peger på niveau 2 eller 3.' : 'Se den hjemmepædagogiske indsats, hvis barnet er 0-24 måneder.',
    ),
    expectBoolean('level1.parents-need-support', CITE.maalgruppe1, 'parentsNeedSupport', facts.parentsNeedSupport, true, {
      pass: 'Forældrene skønnes at have brug for støtte til at drage omsorg for barnets udvikling.',
      fail: 'Forældrene skønnes ikke at have brug for støtte til at drage omsorg for barnets udvikling.',
      ask: 'Skønnes forældrene at have brug for støtte til i tilstrækkelig grad at drage omsorg for barnets udvikling?',
    }),
    expectBoolean(
      'level1.not-family-treatment',
      CITE.maalgruppe1,
      'benefitsFromFamilyTreatment',
      facts.benefitsFromFamilyTreatment,
      false,
      {
        pass: 'Det er vurderet, at forældrene ikke vil kunne profitere af familiebehandling.',
        fail: 'Forældrene vurderes at kunne profitere af familiebehandling; så peger standarden på familiebehandling frem for praktisk pædagogisk støtte.',
        ask: 'Er det vurderet, om forældrene vil kunne profitere af familiebehandling?',
      },
    ),
    criterion(
      'level1.investigation',
      CITE.kriterier1,
      { investigation },
      investigationResult,
      {
        pass: 'Den børnefaglige undersøgelse er afsluttet.',
        fail:
          investigation === 'underway'
            ? 'Niveau 1 tildeles med udgangspunkt i den børnefaglige undersøgelse, som endnu ikke er afsluttet.'
            : 'Niveau 1 tildeles med udgangspunkt i en børnefaglig undersøgelse, og der er ingen. Start en børnefaglig undersøgelse (Barnets lov § 20).',
        ask: 'Er der en børnefaglig undersøgelse: ingen, i gang eller afsluttet?',
      },
      ['investigation'],
    ),
    expectBoolean('level1.limited-period', CITE.kriterier1, 'solvableInLimitedPeriod', facts.solvableInLimitedPeriod, true, {
      pass: 'Problemerne vurderes at kunne løses inden for en afgrænset periode.',
      fail: 'Problemerne vurderes ikke at kunne løses inden for en afgrænset periode.',
      ask: 'Viser undersøgelsen, at problemerne kan løses inden for en afgrænset periode?',
    }),
    // Either answer fits level 1; the answer picks the variant, so it is asked, not assumed.
    criterion(
      'level1.extra-visits',
      CITE.omfang1b,
      { extraVisitsNeeded: facts.extraVisitsNeeded },
      facts.extraVisitsNeeded === undefined ? 'unknown' : 'pass',
      {
        pass: facts.extraVisitsNeeded
          ? 'Der er særlige grunde til op til 2 ugentlige besøg i opstarten (1B).'
          : 'Der er ikke behov for flere end 1 ugentligt besøg i opstarten.',
        fail: '',
        ask: 'Er der i dette særlige tilfælde brug for op til 2 ugentlige besøg de første 3-6 måneder (1B)?',
      },
      ['extraVisitsNeeded'],
    ),
  ]);
}

/**
 * 1B when the special case applies; otherwise the municipality's figure decides: extra months
 * (the draft's proposed 1A, 9 + 3 months) give 1A, none gives plain level 1.
 */
export function level1Variant(facts: Facts, p: ParameterValues): Variant {
  if (facts.extraVisitsNeeded) return '1B';
  return p['level1.extraMonths'] > 0 ? '1A' : null;
}
