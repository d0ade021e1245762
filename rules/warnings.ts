import { CITE } from './citations.js';
import { addMonths } from './dates.js';
import type { Outcome, Review, ReviewKind, Variant, Warning } from './decision-types.js';
import { factContradictions, type Facts } from './facts.js';
import { factLabel } from './fact-labels.js';
import type { ParameterValues } from './parameters/ids.js';
import type { ResolvedParameters } from './parameters/resolve.js';
import { figureName, parameterWarnings } from './parameters/figures.js';
import type { ParameterSet } from './parameters/schema.js';

const LEVELS: readonly Outcome[] = ['level1', 'level2', 'level3'];

const TARGET_GROUP: Partial<Record<Outcome, string>> = { level1: CITE.maalgruppe1, level2: CITE.maalgruppe2, level3: CITE.maalgruppe3 };

const DUE_NAMES: Record<ReviewKind, string> = {
  'grant-end': 'bevillingens udløb',
  handover: 'afslutning og overlevering',
  'step-down': 'nedtrapning til 1 besøg om ugen',
  regrant: 'ny bevilling',
  'follow-up': 'opfølgning',
  'investigation-deadline': 'den børnefaglige undersøgelses afslutning',
  'course-end': 'forløbets afslutning',
};

/** The answer a contradiction is about, as the sentence's subject (the field names are for the edge's callers). */
const CONTRADICTION_SUBJECT: Readonly<Record<string, string>> = {
  referenceDate: 'Dags dato',
  startDate: 'Startdatoen',
  'child.latePregnancy': 'Svaret «sidst i graviditeten»',
};

/** Things the caseworker must attend to beside the outcome itself. */
export function warningsFor(
  outcome: Outcome,
  variant: Variant,
  facts: Facts,
  resolved: ResolvedParameters,
  missing: readonly string[],
  reviews: readonly Review[] = [],
  set?: ParameterSet,
): Warning[] {
  const p: ParameterValues = resolved.values;
  const warnings: Warning[] = [];
  const isLevel = LEVELS.includes(outcome);

  if (outcome === 'escalate') {
    warnings.push({
      text: 'Underretningen går forud for alt andet i denne sag. Familieafdelingen vurderer den inden for 24 timer (Barnets lov § 136).',
      passage: CITE.bl24Timer,
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
      text: 'Servicestandarden er et udkast med rettelsesmarkeringer, så niveau 1 og 1A står som alternativer; kommunens valg af ekstra måneder til afslutning, overlevering eller revisitering afgør, om 1A er udgangspunktet.',
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
  if (isLevel) {
    warnings.push({ text: 'Afgørelsen skal angive formålet med indsatsen og den forventede varighed.', passage: CITE.blFormaalVarighed });
    // Level 2 started alongside the undersøgelse already has its plan warning (the foreløbig handleplan).
    if (!(outcome === 'level2' && facts.investigation === 'underway')) {
      warnings.push({
        text: 'Tag stilling til, om der skal udarbejdes en barnets plan; i givet fald skal den foreligge senest 3 måneder efter afgørelsen.',
        passage: CITE.blBarnetsPlan,
      });
    }
  }
  for (const problem of factContradictions(facts)) warnings.push({ text: `Oplysningerne hænger ikke sammen: ${CONTRADICTION_SUBJECT[problem.field] ?? factLabel(problem.field)} ${problem.message}.` });
  const adulthood = eighteenthBirthdayWarning(outcome, facts, reviews, p);
  if (adulthood) warnings.push(adulthood);
  // Whatever falls due before the reference date is already late: say so rather than list it as coming.
  for (const r of reviews.filter((r) => r.due < facts.referenceDate)) {
    warnings.push({ text: `Fristen for ${DUE_NAMES[r.kind]} (${r.due}) ligger før ${facts.referenceDate} og er overskredet.`, passage: r.passage });
  }
  for (const w of set ? parameterWarnings(set) : []) warnings.push({ text: `Kommunens parametre: ${w.message}`, passage: w.passage });
  if ((outcome === 'preventive' || isLevel) && facts.startDate === undefined) {
    warnings.push({ text: `Startdatoen er ikke oplyst; fristerne er regnet fra ${facts.referenceDate} (dags dato). Ret dem, når indsatsen starter.` });
  }
  for (const id of resolved.notYetInForce) {
    warnings.push({ text: `Kommunens tal ${figureName(set, id)} har ingen værdi, der gælder ${facts.referenceDate}; den tidligste værdi (fra ${resolved.effectiveFrom[id]}) er brugt.` });
  }
  return warnings;
}

/**
 * Support under the service standard is for children under 18 (all three levels). The standard
 * does not say what happens to a grant that runs past the 18th birthday, so the dates stay the
 * standard's figures and the caseworker is told, with the latest date the birthday can fall on:
 * a warning rather than a silently shortened grant (the grant length is the decision's own).
 * The age is known in whole months at the reference date, so the birthday lies within a month.
 */
function eighteenthBirthdayWarning(outcome: Outcome, facts: Facts, reviews: readonly Review[], p: ParameterValues): Warning | undefined {
  const age = facts.child?.ageMonths;
  const passage = TARGET_GROUP[outcome];
  if (!passage || typeof age !== 'number' || reviews.length === 0) return undefined;
  const limit = p['special.ageUnderMonths'];
  const earliest = addMonths(facts.referenceDate, limit - age - 1);
  const latest = addMonths(facts.referenceDate, limit - age);
  const last = reviews.reduce((a, b) => (b.due > a.due ? b : a));
  if (last.due <= earliest) return undefined;
  return {
    text: `Barnet fylder ${limit / 12} år senest ${latest}, og ${DUE_NAMES[last.kind]} ligger ${last.due}. Servicestandarden gælder børn og unge under ${limit / 12} år: lad bevillingen slutte senest dagen før ${limit / 12}-årsdagen, og planlæg afslutningen eller overgangen inden da.`,
    passage,
  };
}
