import type { Locale } from '../../cards/locale.js';
import { decisionHeadline, type MeasureNames } from '../../cards/outcome-text.js';
import type { Decision, Outcome, ReviewKind } from '../../rules/decision-types.js';

/** Danish names for what the rules return; the tab, the card and the journal text share them. */
export const OUTCOME_LABEL: Record<Outcome, string> = {
  escalate: 'Underretning: barnet kan være i fare',
  'needs-information': 'Mangler oplysninger',
  preventive: 'Hjemmepædagogisk indsats (forebyggende)',
  level1: 'Niveau 1: praktisk pædagogisk støtte',
  level2: 'Niveau 2: intensiv praktisk pædagogisk støtte',
  level3: 'Niveau 3: kompenserende praktisk pædagogisk støtte',
  none: 'Ingen af indsatserne passer',
};

export const REVIEW_LABEL: Record<ReviewKind, string> = {
  'grant-end': 'Bevillingen udløber',
  handover: 'Afslutning og overlevering',
  'step-down': 'Nedtrapning til 1 besøg om ugen',
  regrant: 'Ny bevilling',
  'follow-up': 'Opfølgning',
  'investigation-deadline': 'Børnefaglig undersøgelse afsluttet',
  'course-end': 'Forløbet slutter',
};

/** The same in English, for a reader whose Teams is English; the journal text stays Danish. */
export const OUTCOME_LABEL_EN: Record<Outcome, string> = {
  escalate: 'Underretning: the child may be in danger',
  'needs-information': 'Information is missing',
  preventive: 'Hjemmepædagogisk indsats (preventive home support)',
  level1: 'Level 1: practical pedagogical support',
  level2: 'Level 2: intensive practical pedagogical support',
  level3: 'Level 3: compensatory practical pedagogical support',
  none: 'None of the measures fits',
};

export const REVIEW_LABEL_EN: Record<ReviewKind, string> = {
  'grant-end': 'The grant ends',
  handover: 'Closing and handover',
  'step-down': 'Stepping down to 1 visit a week',
  regrant: 'New grant',
  'follow-up': 'Follow-up',
  'investigation-deadline': 'Børnefaglig undersøgelse concluded',
  'course-end': 'The course ends',
};

/** `names`: the standard's own names for its measures (cards/outcome-text.ts measureNames), which go first. */
export function outcomeLabel(outcome: Outcome, variant?: string | null, locale: Locale = 'da', names: MeasureNames = {}): string {
  const label = names[outcome]?.[locale] ?? (locale === 'en' ? OUTCOME_LABEL_EN : OUTCOME_LABEL)[outcome];
  return variant ? `${label} (${variant})` : label;
}

/**
 * A stored decision's label: the result card's headline logic, so a level that waits only on its
 * basis reads "Niveau 2 kan ikke bevilges endnu" here too, not "Ingen af indsatserne passer".
 */
export function decisionLabel(decision: Pick<Decision, 'outcome' | 'variant' | 'trace'>, locale: Locale = 'da', names: MeasureNames = {}): string {
  return decisionHeadline(decision, locale, names, (outcome, variant, l, own) => outcomeLabel(outcome, variant, l, own));
}

export function reviewLabel(kind: ReviewKind, locale: Locale = 'da'): string {
  return (locale === 'en' ? REVIEW_LABEL_EN : REVIEW_LABEL)[kind];
}

/** "2,5" rather than "2.5": the readers are Danish. */
export function danishNumber(value: number, decimals = 1): string {
  return value.toFixed(decimals).replace('.', ',').replace(/,0+$/, '');
}
