import type { Outcome, ReviewKind } from '../../rules/decision-types.js';

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

export function outcomeLabel(outcome: Outcome, variant?: string | null): string {
  return variant ? `${OUTCOME_LABEL[outcome]} (${variant})` : OUTCOME_LABEL[outcome];
}

/** "2,5" rather than "2.5": the readers are Danish. */
export function danishNumber(value: number, decimals = 1): string {
  return value.toFixed(decimals).replace('.', ',').replace(/,0+$/, '');
}
