import { CITE } from './citations.js';
import { addMonths, longDate } from './dates.js';
import type { Outcome, Review, ReviewKind, Variant, Warning } from './decision-types.js';
import { factContradictions, type Facts } from './facts.js';
import { factLabel } from './fact-labels.js';
import type { ParameterValues } from './parameters/ids.js';
import type { ResolvedParameters } from './parameters/resolve.js';
import { figureName, parameterWarnings } from './parameters/figures.js';
import type { ParameterSet } from './parameters/schema.js';

const LEVELS: readonly Outcome[] = ['level1', 'level2', 'level3'];

const TARGET_GROUP: Partial<Record<Outcome, string>> = { level1: CITE.maalgruppe1, level2: CITE.maalgruppe2, level3: CITE.maalgruppe3 };

const DUE_NAMES: Record<ReviewKind, { da: string; en: string }> = {
  'grant-end': { da: 'bevillingens udløb', en: 'the end of the grant' },
  handover: { da: 'afslutning og overlevering', en: 'closing and handover' },
  'step-down': { da: 'nedtrapning til 1 besøg om ugen', en: 'stepping down to 1 visit a week' },
  regrant: { da: 'ny bevilling', en: 'a new grant' },
  'follow-up': { da: 'opfølgning', en: 'follow-up' },
  'investigation-deadline': { da: 'den børnefaglige undersøgelses afslutning', en: 'completing the børnefaglig undersøgelse' },
  'course-end': { da: 'forløbets afslutning', en: 'the end of the course' },
};

/** The answer a contradiction is about, as the sentence's subject (the field names are for the edge's callers). */
const CONTRADICTION_SUBJECT: Readonly<Record<string, string>> = {
  referenceDate: 'Dags dato',
  startDate: 'Startdatoen',
  'child.latePregnancy': 'Svaret »sidst i graviditeten«',
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
      en: 'The underretning (report of concern) comes before everything else in this case. The family department assesses it within 24 hours (Barnets lov § 136).',
      passage: CITE.bl24Timer,
    });
  }
  if (missing.includes('olderChildReason')) {
    warnings.push({
      text: `Niveau 2 er som udgangspunkt til unge under ${p['level2.ageUnderMonths'] / 12} år; for et ældre barn skal det begrundes, hvorfor niveau 2 alligevel er det rette.`,
      en: `Level 2 is as a starting point for young people under ${p['level2.ageUnderMonths'] / 12}; for an older child, the reason why level 2 is nevertheless right must be given.`,
      passage: CITE.omfang2Alder,
    });
  }
  if (outcome === 'level2' && typeof facts.child?.ageMonths === 'number' && facts.child.ageMonths >= p['level2.ageUnderMonths']) {
    warnings.push({
      text: `Barnet er over udgangspunktet for niveau 2 (under ${p['level2.ageUnderMonths'] / 12} år); begrundelsen skal fremgå af afgørelsen.`,
      en: `The child is above the starting point for level 2 (under ${p['level2.ageUnderMonths'] / 12}); the decision must state the reason.`,
      passage: CITE.omfang2Alder,
    });
  }
  if (outcome === 'level2' && facts.investigation === 'underway') {
    warnings.push({
      text: 'Niveau 2 starter sideløbende med den børnefaglige undersøgelse: den foreløbige handleplan skal foreligge, og undersøgelsen skal afsluttes inden fristen.',
      en: 'Level 2 starts alongside the børnefaglig undersøgelse: the foreløbig handleplan must be in place, and the undersøgelse must be completed before the deadline.',
      passage: CITE.foreloebig,
    });
  }
  if (outcome === 'level1' && variant === '1A') {
    warnings.push({
      text: 'Ofte indebærer et forløb mere end 1 ugentligt møde i opstartsfasen og færre senere.',
      en: 'A course often means more than 1 meeting a week at the start and fewer later.',
      passage: CITE.omfang1aOpstart,
    });
  }
  if (outcome === 'level1') {
    warnings.push({
      text: 'Servicestandarden er et udkast med rettelsesmarkeringer, så niveau 1 og 1A står som alternativer; kommunens valg af ekstra måneder til afslutning, overlevering eller revisitering afgør, om 1A er udgangspunktet.',
      en: "The service standard is a draft with tracked changes, so level 1 and 1A stand as alternatives; the municipality's choice of extra months for closing, handover or re-assessment decides whether 1A is the starting point.",
      passage: CITE.redaktion,
    });
  }
  if (isLevel && facts.receivesVisitationSocial === true) {
    warnings.push({
      text: 'Forældrene modtager støtte fra Visitation Social: vær opmærksom på samarbejdet.',
      en: 'The parents receive support from Visitation Social: mind the cooperation.',
      passage: CITE.visitationSocial,
    });
  }
  if (isLevel && facts.receivesVisitationSocial === undefined) {
    warnings.push({
      text: 'Det er ikke oplyst, om forældrene modtager støtte fra Visitation Social; i så fald skal samarbejdet med dem tænkes ind.',
      en: 'It is not stated whether the parents receive support from Visitation Social; if they do, the cooperation with them must be planned for.',
      passage: CITE.visitationSocial,
    });
  }
  if (outcome === 'level1' || outcome === 'level2') {
    warnings.push({ text: 'Deltagelse i tværfaglige møder kan erstatte besøg.', en: 'Taking part in interdisciplinary meetings can replace visits.', passage: CITE.tvaerfagligeMoeder });
  }
  if (isLevel) {
    warnings.push({
      text: 'Afgørelsen skal angive formålet med indsatsen og den forventede varighed.',
      en: 'The decision must state the purpose of the measure and its expected duration.',
      passage: CITE.blFormaalVarighed,
    });
    // Level 2 started alongside the undersøgelse already has its plan warning (the foreløbig handleplan).
    if (!(outcome === 'level2' && facts.investigation === 'underway')) {
      warnings.push({
        text: 'Tag stilling til, om der skal udarbejdes en barnets plan; i givet fald skal den foreligge senest 3 måneder efter afgørelsen.',
        en: 'Decide whether a barnets plan is to be drawn up; if so, it must be in place at the latest 3 months after the decision.',
        passage: CITE.blBarnetsPlan,
      });
    }
  }
  for (const problem of factContradictions(facts)) {
    const subject = CONTRADICTION_SUBJECT[problem.field] ?? factLabel(problem.field);
    warnings.push({ text: `Oplysningerne hænger ikke sammen: ${subject} ${problem.message}.`, en: `The information does not fit together: ${subject} ${problem.en ?? problem.message}.` });
  }
  const adulthood = eighteenthBirthdayWarning(outcome, facts, reviews, p);
  if (adulthood) warnings.push(adulthood);
  // Whatever falls due before the reference date is already late: say so rather than list it as coming.
  for (const r of reviews.filter((r) => r.due < facts.referenceDate)) {
    warnings.push({
      text: `Fristen for ${DUE_NAMES[r.kind].da} (${longDate(r.due, 'da')}) ligger før ${longDate(facts.referenceDate, 'da')} og er overskredet.`,
      en: `The deadline for ${DUE_NAMES[r.kind].en} (${longDate(r.due, 'en')}) lies before ${longDate(facts.referenceDate, 'en')} and has passed.`,
      passage: r.passage,
    });
  }
  // The parameter checker's own message is Danish (the municipality's file is written in Danish).
  for (const w of set ? parameterWarnings(set) : []) {
    warnings.push({ text: `Kommunens parametre: ${w.message}`, en: `The municipality's parameters: ${w.message}`, passage: w.passage });
  }
  if ((outcome === 'preventive' || isLevel) && facts.startDate === undefined) {
    warnings.push({
      text: `Startdatoen er ikke oplyst; fristerne er regnet fra ${longDate(facts.referenceDate, 'da')} (dags dato). Ret dem, når indsatsen starter.`,
      en: `The start date is not given; the deadlines are counted from ${longDate(facts.referenceDate, 'en')} (today). Correct them when the measure starts.`,
    });
  }
  for (const id of resolved.notYetInForce) {
    warnings.push({
      text: `Kommunens tal ${figureName(set, id)} har ingen værdi, der gælder ${longDate(facts.referenceDate, 'da')}; den tidligste værdi (fra ${longDate(resolved.effectiveFrom[id] ?? '', 'da')}) er brugt.`,
      en: `The municipality's figure ${figureName(set, id)} has no value in force on ${longDate(facts.referenceDate, 'en')}; the earliest value (from ${longDate(resolved.effectiveFrom[id] ?? '', 'en')}) is used.`,
    });
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
    text: `Barnet fylder ${limit / 12} år senest ${latest}, og ${DUE_NAMES[last.kind].da} ligger ${last.due}. Servicestandarden gælder børn og unge under ${limit / 12} år: lad bevillingen slutte senest dagen før ${limit / 12}-årsdagen, og planlæg afslutningen eller overgangen inden da.`,
    en: `The child turns ${limit / 12} on ${latest} at the latest, and ${DUE_NAMES[last.kind].en} falls on ${last.due}. The service standard applies to children and young people under ${limit / 12}: let the grant end at the latest the day before the ${limit / 12}th birthday, and plan the closing or the transition before then.`,
    passage,
  };
}
