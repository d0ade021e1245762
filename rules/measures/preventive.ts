import { CITE } from '../citations.js';
import type { Facts } from '../facts.js';
import { allOf, criterion, expectBoolean, type MeasureResult, type Tri } from '../logic.js';
import type { ParameterValues } from '../parameters/ids.js';
import { concernName, preventiveAgeGroup } from './common.js';

/** Hjemmepædagogisk indsats: preventive, NOT special support (model section 3). */
export function evaluatePreventive(facts: Facts, p: ParameterValues): MeasureResult {
  const concern = facts.concern;
  const concernResult: Tri =
    concern === undefined ? 'unknown' : concern === 'risk' || concern === 'beginning' ? 'pass' : 'fail';
  const specialSupport = concern === 'concern' || concern === 'pronounced';
  const complexity = facts.complexity;
  const given = facts.riskFactors;
  // The "Barnet" checklist describes a born child (uroligt, svært trøstbart ...): for an unborn
  // child those answers cannot be true yet, so they do not count; the other two lists do.
  const unborn = facts.child?.ageMonths === null;
  const factors = given && unborn ? given.filter((id) => !id.startsWith('child-')) : given;
  const onlyChildFactorsUnborn = unborn && given !== undefined && given.length > 0 && factors?.length === 0;

  return allOf('preventive', [
    preventiveAgeGroup('preventive.age', facts, p),
    criterion(
      'preventive.concern',
      specialSupport ? CITE.ikkeSaerligStoette : CITE.spaend,
      { concern },
      concernResult,
      {
        pass: `Bekymringen er af forebyggende karakter (${concern ? concernName(concern) : ''}).`,
        fail: specialSupport
          ? `Der er ${concern ? concernName(concern) : ''}; bekymringen må ikke være af en karakter, så barnet eller familien har brug for særlig støtte. Se servicestandardens niveauer.`
          : 'Der er ingen bekymring; indsatsen forudsætter en risiko eller en begyndende bekymring.',
        ask: 'Hvor stor er bekymringen for barnet: ingen, risiko, begyndende, bekymring eller udpræget?',
      },
      ['concern'],
    ),
    criterion(
      'preventive.complexity',
      CITE.kompleksitet,
      { complexity },
      complexity === undefined ? 'unknown' : complexity === 'low' ? 'pass' : 'fail',
      {
        pass: 'Problemstillingen har en lav grad af kompleksitet.',
        fail: 'Problemstillingen har en høj grad af kompleksitet; målgruppen er karakteriseret ved lav kompleksitet.',
        ask: 'Har problemstillingen en lav eller høj grad af kompleksitet?',
      },
      ['complexity'],
    ),
    expectBoolean('preventive.delimited', CITE.afgraenset, 'problemDelimited', facts.problemDelimited, true, {
      pass: 'Problemet er konkret og afgrænset i karakter og tyngde.',
      fail: 'Problemet er ikke konkret og afgrænset i karakter og tyngde.',
      ask: 'Er problemet konkret og afgrænset, både i karakter og tyngde?',
    }),
    expectBoolean('preventive.resources', CITE.forudsaetninger, 'familyResourcesCarry', facts.familyResourcesCarry, true, {
      pass: 'Barnets eller familiens forudsætninger kan bære en forebyggende indsats.',
      fail: 'Barnets eller familiens forudsætninger kan ikke danne fundament for en forebyggende indsats.',
      ask: 'Kan barnets eller familiens forudsætninger danne fundament for en forebyggende indsats?',
    }),
    criterion(
      'preventive.risk-factors',
      CITE.risikofaktorer,
      { riskFactors: given },
      factors === undefined ? 'unknown' : factors.length > 0 ? 'pass' : 'fail',
      {
        pass: `Der er ${factors?.length ?? 0} risikofaktor(er) fra modellens lister.`,
        fail: onlyChildFactorsUnborn
          ? 'Barnet er ikke født, og de valgte risikofaktorer står alle på listen «Barnet», som først kan vurderes efter fødslen. Vælg blandt «Kommende forældre» eller «Forældre», eller vent til barnet er født.'
          : 'Der er ingen risikofaktorer fra modellens lister (kommende forældre, forældre, barnet).',
        ask: 'Hvilke risikofaktorer fra modellens lister er til stede (ingen er også et svar)?',
      },
      ['riskFactors'],
    ),
    expectBoolean('preventive.risk-to-development', CITE.risikofaktorer, 'riskToDevelopment', facts.riskToDevelopment, true, {
      pass: 'Risikofaktorerne er vurderet til at give risiko for, at barnet ikke følger udviklingskurven inden for normalområdet.',
      fail: 'Risikofaktorerne er ikke af en sådan karakter og kombination, at barnet risikerer ikke at følge udviklingskurven.',
      ask: 'Giver risikofaktorerne, i deres karakter og kombination, risiko for, at barnet ikke følger udviklingskurven inden for normalområdet?',
    }),
  ]);
}
