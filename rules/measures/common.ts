import { CITE } from '../citations.js';
import type { Facts } from '../facts.js';
import { criterion, type CriterionResult, type Tri } from '../logic.js';
import type { ParameterValues } from '../parameters/ids.js';

/** Børn og unge under 18 år (all three levels). An unborn child is outside the servicestandard. */
export function underAgeLimit(rule: string, passage: string, facts: Facts, p: ParameterValues): CriterionResult {
  const age = facts.child?.ageMonths;
  const limit = p['special.ageUnderMonths'];
  const result: Tri = age === undefined ? 'unknown' : age !== null && age < limit ? 'pass' : 'fail';
  return criterion(
    rule,
    passage,
    { 'child.ageMonths': age },
    result,
    {
      pass: `Barnet er under ${limit / 12} år (${String(age)} måneder).`,
      fail:
        age === null
          ? 'Barnet er endnu ikke født; servicestandarden gælder børn og unge under 18 år. Se den hjemmepædagogiske indsats, som kan begynde sidst i graviditeten.'
          : `Barnet er ${String(age)} måneder; servicestandarden gælder børn og unge under ${limit / 12} år.`,
      ask: 'Hvor gammelt er barnet (i hele måneder)?',
    },
    ['child.ageMonths'],
    { 'special.ageUnderMonths': limit },
  );
}

/** 0-24 months, or late in pregnancy (the model's target group). */
export function preventiveAgeGroup(rule: string, facts: Facts, p: ParameterValues): CriterionResult {
  const age = facts.child?.ageMonths;
  const late = facts.child?.latePregnancy;
  const max = p['preventive.ageMaxMonths'];
  let result: Tri;
  let missing: string[] = [];
  if (typeof age === 'number') result = age <= max ? 'pass' : 'fail';
  else if (late === true) result = 'pass';
  else if (age === null) {
    result = late === false ? 'fail' : 'unknown';
    missing = ['child.latePregnancy'];
  } else {
    result = 'unknown';
    missing = ['child.ageMonths'];
  }
  return criterion(
    rule,
    CITE.alder,
    { 'child.ageMonths': age, 'child.latePregnancy': late },
    result,
    {
      pass: typeof age === 'number' ? `Barnet er ${age} måneder (målgruppen er 0-${max} måneder).` : 'Moren er sidst i graviditeten; indsatsen kan begynde her.',
      fail:
        typeof age === 'number'
          ? `Barnet er ${age} måneder; den hjemmepædagogiske indsats er målrettet børn i alderen 0-${max} måneder.`
          : 'Barnet er ikke født, og graviditeten er ikke i sin sidste del; indsatsen kan tidligst begynde sidst i graviditeten.',
      ask: missing[0] === 'child.latePregnancy' ? 'Er moren sidst i graviditeten?' : 'Hvor gammelt er barnet (i hele måneder)? Er det ikke født, så angiv null.',
    },
    missing,
    { 'preventive.ageMaxMonths': max },
  );
}

const CONCERN_NAMES: Record<NonNullable<Facts['concern']>, string> = {
  none: 'ingen bekymring',
  risk: 'bekymring for, at familiens trivsel på sigt kan skade barnet',
  beginning: 'begyndende bekymring',
  concern: 'bekymring for trivsel og udvikling',
  pronounced: 'udpræget bekymring',
};

export function concernName(concern: NonNullable<Facts['concern']>): string {
  return CONCERN_NAMES[concern];
}

/** The level of concern a level of the servicestandard is for. */
export function concernIs(
  rule: string,
  passage: string,
  facts: Facts,
  wanted: NonNullable<Facts['concern']>,
  elsewhere: string,
): CriterionResult {
  const concern = facts.concern;
  const result: Tri = concern === undefined ? 'unknown' : concern === wanted ? 'pass' : 'fail';
  return criterion(
    rule,
    passage,
    { concern },
    result,
    {
      pass: `Der er ${concernName(wanted)}.`,
      fail: `Niveauet forudsætter ${concernName(wanted)}; her er der ${concern ? concernName(concern) : ''}. ${elsewhere}`.trim(),
      ask: 'Hvor stor er bekymringen for barnet: ingen, risiko, begyndende, bekymring eller udpræget?',
    },
    ['concern'],
  );
}
