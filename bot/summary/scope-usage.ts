import { CHOOSABLE_OUTCOMES, type ChoosableOutcome, type Outcome, type Scope, type Variant } from '../../rules/decision-types.js';
import { countsAsVisit, scopeUsage as usageAgainstGrant, type UsageNote } from '../../rules/scope-usage.js';
import type { Locale } from '../../cards/locale.js';
import { danishNumber } from './labels.js';

/** One note as the scope count reads it: its day, kind and minutes. The rules decide what counts. */
export type ContactNote = UsageNote;

export interface ScopeUsage {
  weeks: number;
  /** Visits and the interdisciplinary meetings that count as visits. */
  contacts: number;
  visitsPerWeek: number;
  hoursPerWeek: number | null;
  grantedVisits: { min: number; max: number } | null;
  grantedHoursMax: number | null;
  /** The average against the granted range: below it, within it, above it. */
  status: 'below' | 'within' | 'above' | 'no-limit';
  /** Danish one-liner, e.g. "2,4 besøg om ugen af bevilget 2–3 (12 besøg og tværfaglige møder på 5 uger)". */
  text: string;
}

const DAY_MS = 86_400_000;

/**
 * The summary's view of scope used against granted: averages since the start, computed by the same
 * rules as the case card's (rules/scope-usage.ts), so a meeting sees the figures the caseworker sees.
 */
export function scopeUsage(
  grant: { outcome: Outcome; variant: Variant; scope: Scope; startDate: string },
  notes: readonly ContactNote[],
  today: string,
  locale: Locale = 'da',
): ScopeUsage | null {
  const en = locale === 'en';
  const num = (v: number) => (en ? v.toFixed(1).replace(/\.0$/, '') : danishNumber(v));
  if (!(CHOOSABLE_OUTCOMES as readonly string[]).includes(grant.outcome)) return null;
  const inPeriod = notes.filter((n) => n.date >= grant.startDate && n.date <= today);
  if (inPeriod.length === 0) return null;
  const usage = usageAgainstGrant(inPeriod, { ...grant, outcome: grant.outcome as ChoosableOutcome }, today);
  const weeks = Math.max(1, ((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${grant.startDate}T00:00:00Z`)) / DAY_MS + 1) / 7);
  const contacts = inPeriod.filter((n) => countsAsVisit(n.kind)).length;
  const visitsPerWeek = contacts / weeks;
  const grantedVisits = usage.visits ? { min: usage.visits.grantedMin ?? usage.visits.grantedMax, max: usage.visits.grantedMax } : null;
  const hoursPerWeek = usage.hours ? usage.hours.averagePerWeek : null;
  const grantedHoursMax = usage.hours?.grantedMax ?? null;

  let status: ScopeUsage['status'] = 'no-limit';
  const parts: string[] = [];
  if (grantedVisits) {
    status = visitsPerWeek < grantedVisits.min ? 'below' : visitsPerWeek > grantedVisits.max + 0.05 ? 'above' : 'within';
    const range = grantedVisits.min === grantedVisits.max ? `${grantedVisits.max}` : `${grantedVisits.min}–${grantedVisits.max}`;
    parts.push(en ? `${num(visitsPerWeek)} visits a week of ${range} granted` : `${num(visitsPerWeek)} besøg om ugen af bevilget ${range}`);
  }
  if (grantedHoursMax !== null && hoursPerWeek !== null) {
    if (hoursPerWeek > grantedHoursMax + 0.05) status = 'above';
    else if (status === 'no-limit') status = 'within';
    parts.push(en ? `${num(hoursPerWeek)} hours a week of at most ${num(grantedHoursMax)}` : `${num(hoursPerWeek)} timer om ugen af højst ${num(grantedHoursMax)}`);
  }
  if (usage.weeks) parts.push(en ? `week ${usage.weeks.used} of ${usage.weeks.max}` : `uge ${usage.weeks.used} af ${usage.weeks.max}`);
  if (parts.length === 0) parts.push(en ? `${num(visitsPerWeek)} visits a week` : `${num(visitsPerWeek)} besøg om ugen`);
  const text = en
    ? `${parts.join('; ')} (${contacts} visits and interdisciplinary meetings in ${num(weeks)} weeks)`
    : `${parts.join('; ')} (${contacts} besøg og tværfaglige møder på ${num(weeks)} uger)`;
  return { weeks, contacts, visitsPerWeek, hoursPerWeek, grantedVisits, grantedHoursMax, status, text };
}
