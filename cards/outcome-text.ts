import type { Decision, Outcome, ReviewKind, Scope, Variant } from '../rules/decision-types.js';
import { blockedLevel } from '../rules/explain.js';
import type { Locale, Localized } from './locale.js';
import { DEFAULT_STANDARD } from '../rules/standard/load.js';
import type { Standard } from '../rules/standard/schema.js';

/** Outcomes in plain words, as a caseworker would say them at a meeting. */
export const OUTCOME_TITLES: Record<Outcome, Localized> = {
  escalate: { da: 'Underretning – barnet kan være i fare', en: 'Underretning (report of concern) – the child may be in danger' },
  'needs-information': { da: 'Der mangler oplysninger', en: 'Information is missing' },
  preventive: { da: 'Hjemmepædagogisk indsats (forebyggende)', en: 'Hjemmepædagogisk indsats (preventive home support)' },
  level1: { da: 'Niveau 1: Praktisk pædagogisk støtte i hjemmet', en: 'Level 1: Praktisk pædagogisk støtte i hjemmet (practical pedagogical support)' },
  level2: { da: 'Niveau 2: Intensiv praktisk pædagogisk støtte', en: 'Level 2: Intensiv praktisk pædagogisk støtte (intensive support)' },
  level3: { da: 'Niveau 3: Kompenserende praktisk pædagogisk støtte i hjemmet', en: 'Level 3: Kompenserende praktisk pædagogisk støtte (compensatory support)' },
  none: { da: 'Ingen af indsatserne passer', en: 'None of the measures fits' },
};

/** Headings in the "why not" list, where needs-information is a question rather than an outcome. */
export const WHY_NOT_HEADINGS: Record<Outcome, Localized> = {
  ...OUTCOME_TITLES,
  'needs-information': { da: 'Mangler der oplysninger?', en: 'Is information missing?' },
};

/** Short names for lists and side-by-side columns. */
export const OUTCOME_SHORT: Record<Outcome, Localized> = {
  escalate: { da: 'Underretning', en: 'Underretning' },
  'needs-information': { da: 'Mangler oplysninger', en: 'Missing information' },
  preventive: { da: 'Hjemmepædagogisk indsats', en: 'Preventive home support' },
  level1: { da: 'Niveau 1', en: 'Level 1' },
  level2: { da: 'Niveau 2 (intensiv)', en: 'Level 2 (intensive)' },
  level3: { da: 'Niveau 3 (kompenserende)', en: 'Level 3 (compensatory)' },
  none: { da: 'Ingen indsats passer', en: 'No measure fits' },
};

const VARIANT_TEXT: Record<'1A' | '1B', Localized> = {
  '1A': { da: 'Variant 1A: ca. 1 kontakt om ugen i op til 9 + 3 måneder', en: 'Variant 1A: about 1 contact a week for up to 9 + 3 months' },
  '1B': { da: 'Variant 1B: op til 2 besøg om ugen i starten, derefter 1', en: 'Variant 1B: up to 2 visits a week at first, then 1' },
};

/**
 * A "none" where a level fits the family but its basis (the børnefaglig undersøgelse, the
 * foreløbig handleplan) is not there yet: the headline says so, not "none fits".
 */
export const BLOCKED_TITLES: Record<'level1' | 'level2' | 'level3', Localized> = {
  level1: { da: 'Niveau 1 kan ikke bevilges endnu – grundlaget mangler', en: 'Level 1 cannot be granted yet – its basis is missing' },
  level2: { da: 'Niveau 2 kan ikke bevilges endnu – grundlaget mangler', en: 'Level 2 cannot be granted yet – its basis is missing' },
  level3: { da: 'Niveau 3 kan ikke bevilges endnu – grundlaget mangler', en: 'Level 3 cannot be granted yet – its basis is missing' },
};

/**
 * A decision's headline: the blocked level's title when the "none" waits only on its basis, else the
 * outcome as `named` words it (the cards' titles, the summary's labels), so every place agrees.
 */
export function decisionHeadline(
  decision: Pick<Decision, 'outcome' | 'variant' | 'trace'>,
  locale: Locale,
  own: MeasureNames = {},
  named: (outcome: Outcome, variant: Variant, locale: Locale, own: MeasureNames) => string = outcomeTitle,
): string {
  const blocked = blockedLevel(decision.outcome, decision.trace);
  return blocked ? blockedTitle(blocked, locale, own) : named(decision.outcome, decision.variant, locale, own);
}

/**
 * A standard's own names for its measures, where they are not the seed's: the titles above spell
 * out the seed's names ("Niveau 1" is "Niveau 1: Praktisk pædagogisk støtte i hjemmet"), and a
 * municipality's own measure ("Familiestøtte i hjemmet") is shown by the name its standard gives.
 */
export type MeasureNames = Partial<Record<Outcome, Localized>>;

const names = new WeakMap<Standard, MeasureNames>();
export function measureNames(standard: Standard): MeasureNames {
  let known = names.get(standard);
  if (!known) {
    const seed = new Map(DEFAULT_STANDARD.measures.map((m) => [m.id, m.name]));
    const own = standard.measures.filter((m) => seed.get(m.id)?.da !== m.name.da || seed.get(m.id)?.en !== m.name.en);
    names.set(standard, (known = Object.fromEntries(own.map((m) => [m.id, { da: m.name.da, en: m.name.en }]))));
  }
  return known;
}

export function outcomeTitle(outcome: Outcome, variant: Variant, locale: Locale, own: MeasureNames = {}): string {
  const title = (own[outcome] ?? OUTCOME_TITLES[outcome])[locale];
  return variant ? `${title} (${variant})` : title;
}

export function outcomeShort(outcome: Outcome, locale: Locale, own: MeasureNames = {}): string {
  return (own[outcome] ?? OUTCOME_SHORT[outcome])[locale];
}

export function whyNotHeading(outcome: Outcome, locale: Locale, own: MeasureNames = {}): string {
  return (own[outcome] ?? WHY_NOT_HEADINGS[outcome])[locale];
}

export function blockedTitle(level: keyof typeof BLOCKED_TITLES, locale: Locale, own: MeasureNames = {}): string {
  const name = own[level];
  if (!name) return BLOCKED_TITLES[level][locale];
  return locale === 'da' ? `${name.da} kan ikke bevilges endnu – grundlaget mangler` : `${name.en} cannot be granted yet – its basis is missing`;
}

export function variantText(variant: Variant, locale: Locale): string {
  return variant ? VARIANT_TEXT[variant][locale] : '';
}

export const REVIEW_KIND_TITLES: Record<ReviewKind, Localized> = {
  'grant-end': { da: 'Bevillingen udløber', en: 'The grant ends' },
  handover: { da: 'Afslutning og overlevering', en: 'Closing and handover' },
  'step-down': { da: 'Ned til 1 besøg om ugen', en: 'Down to 1 visit a week' },
  regrant: { da: 'Ny bevilling: har indsatsen effekt?', en: 'Re-grant: does the support work?' },
  'follow-up': { da: 'Opfølgning', en: 'Follow-up' },
  'investigation-deadline': { da: 'Børnefaglig undersøgelse afsluttet', en: 'Børnefaglig undersøgelse concluded' },
  'course-end': { da: 'Forløbet slutter', en: 'The course ends' },
};

/** "2026-03-12" → "12. marts 2026" / "12 March 2026": the rules' one way of writing a date. */
export { longDate as formatDate } from '../rules/dates.js';

function range(r: { min: number; max: number }): string {
  return r.min === r.max ? String(r.min) : `${r.min}–${r.max}`;
}

/** The scope as label/value lines, only for what the decision states. */
export function scopeFacts(scope: Scope, locale: Locale): { title: string; value: string }[] {
  const da = locale === 'da';
  const lines: { title: string; value: string }[] = [];
  if (scope.visitsPerWeek) lines.push({ title: da ? 'Besøg' : 'Visits', value: da ? `${range(scope.visitsPerWeek)} om ugen` : `${range(scope.visitsPerWeek)} a week` });
  if (scope.initialPhase) {
    const p = scope.initialPhase;
    lines.push({
      title: da ? 'I starten' : 'At first',
      value: da
        ? `op til ${range(p.visitsPerWeek)} besøg om ugen de første ${range({ min: p.monthsMin, max: p.monthsMax })} måneder`
        : `up to ${range(p.visitsPerWeek)} visits a week for the first ${range({ min: p.monthsMin, max: p.monthsMax })} months`,
    });
  }
  if (scope.hoursPerWeekMax !== undefined) lines.push({ title: da ? 'Timer' : 'Hours', value: da ? `op til ${scope.hoursPerWeekMax} timer om ugen` : `up to ${scope.hoursPerWeekMax} hours a week` });
  if (scope.grantMonths !== undefined) {
    const extra = scope.extraMonths
      ? da
        ? ` + ${scope.extraMonths} måneder til afslutning, overlevering eller revisitering`
        : ` + ${scope.extraMonths} months for closing, handover or re-assessment`
      : '';
    lines.push({ title: da ? 'Bevilling' : 'Grant', value: da ? `op til ${scope.grantMonths} måneder${extra}` : `up to ${scope.grantMonths} months${extra}` });
  }
  if (scope.maxWeeks !== undefined) lines.push({ title: da ? 'Varighed' : 'Duration', value: da ? `op til ${scope.maxWeeks} uger` : `up to ${scope.maxWeeks} weeks` });
  return lines;
}

/** A standard as a card names it. */
export interface StandardLabel {
  name: Localized;
  version: string;
  hash: string;
}

export function standardLabel(standard: Pick<Standard, 'name' | 'version'>, hash: string): StandardLabel {
  return { name: { da: standard.name.da, en: standard.name.en }, version: standard.version, hash };
}

/**
 * A case decided under another standard (or version) than the one in force says so: it is shown
 * and reviewed under the one it was decided under until a review decides under the new one.
 */
export function standardNote(s: { decidedUnder: StandardLabel; inForce: StandardLabel }, locale: Locale): string | undefined {
  if (s.decidedUnder.hash === s.inForce.hash) return undefined;
  const [decided, now] = [s.decidedUnder, s.inForce];
  const sameName = decided.name.da === now.name.da;
  const edited = decided.version === now.version;
  if (locale === 'da') {
    return `Afgjort efter ${decided.name.da} version ${decided.version}; gældende er ${sameName ? '' : `${now.name.da} `}version ${now.version}${edited ? ' (med ændret indhold)' : ''}.`;
  }
  return `Decided under ${decided.name.en} version ${decided.version}; in force is ${sameName ? '' : `${now.name.en} `}version ${now.version}${edited ? ' (with changed content)' : ''}.`;
}
