import type { Scope } from '../../rules/decision-types.js';
import { danishNumber } from './labels.js';

/** One logged contact with the family, as the notes give it. */
export interface ContactNote {
  /** YYYY-MM-DD */
  date: string;
  kind: 'visit' | 'meeting' | 'call' | 'other';
  hours?: number;
}

export interface ScopeUsage {
  weeks: number;
  contacts: number;
  visitsPerWeek: number;
  hoursPerWeek: number | null;
  grantedVisits: { min: number; max: number } | null;
  grantedHoursMax: number | null;
  /** Against the granted range: below it, within it, above it. */
  status: 'below' | 'within' | 'above' | 'no-limit';
  /** Danish one-liner, e.g. "2,4 besøg om ugen af bevilget 2–3 (12 besøg på 5 uger)". */
  text: string;
}

const DAY_MS = 86_400_000;

function days(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/**
 * How much support was given against what was granted, from the notes since the start.
 * Interdisciplinary meetings count as visits: the standard lets them replace visits
 * (pps.saerlige.tvaerfaglige-moeder). Calls and other notes do not.
 */
export function scopeUsage(scope: Scope, notes: readonly ContactNote[], startDate: string, today: string): ScopeUsage | null {
  const inPeriod = notes.filter((n) => n.date >= startDate && n.date <= today);
  if (inPeriod.length === 0) return null;
  const weeks = Math.max(1, days(startDate, today) / 7);
  const contacts = inPeriod.filter((n) => n.kind === 'visit' || n.kind === 'meeting').length;
  const hoursLogged = inPeriod.some((n) => n.hours !== undefined);
  const hours = inPeriod.reduce((sum, n) => sum + (n.hours ?? 0), 0);
  const visitsPerWeek = contacts / weeks;
  const hoursPerWeek = hoursLogged ? hours / weeks : null;
  const grantedVisits = currentVisitRange(scope, startDate, today);
  const grantedHoursMax = scope.hoursPerWeekMax ?? null;

  let status: ScopeUsage['status'] = 'no-limit';
  const parts: string[] = [];
  if (grantedVisits) {
    status = visitsPerWeek < grantedVisits.min ? 'below' : visitsPerWeek > grantedVisits.max + 0.05 ? 'above' : 'within';
    const range = grantedVisits.min === grantedVisits.max ? `${grantedVisits.max}` : `${grantedVisits.min}–${grantedVisits.max}`;
    parts.push(`${danishNumber(visitsPerWeek)} besøg om ugen af bevilget ${range}`);
  }
  if (grantedHoursMax !== null && hoursPerWeek !== null) {
    if (hoursPerWeek > grantedHoursMax + 0.05) status = 'above';
    else if (status === 'no-limit') status = 'within';
    parts.push(`${danishNumber(hoursPerWeek)} timer om ugen af højst ${danishNumber(grantedHoursMax)}`);
  }
  if (parts.length === 0) parts.push(`${danishNumber(visitsPerWeek)} besøg om ugen`);
  const text = `${parts.join('; ')} (${contacts} besøg og møder på ${danishNumber(weeks)} uger)`;
  return { weeks, contacts, visitsPerWeek, hoursPerWeek, grantedVisits, grantedHoursMax, status, text };
}

/** 1B grants a higher rate in its first months; the range that applies is the one for today. */
function currentVisitRange(scope: Scope, startDate: string, today: string): { min: number; max: number } | null {
  const phase = scope.initialPhase;
  if (phase && days(startDate, today) < phase.monthsMax * 30.4) {
    const rate = scope.visitsPerWeek ?? phase.visitsPerWeek;
    // Within the initial phase either rate is within the grant: the step-down may come from month monthsMin.
    return { min: Math.min(rate.min, phase.visitsPerWeek.min), max: phase.visitsPerWeek.max };
  }
  return scope.visitsPerWeek ?? null;
}
