import type { ChoosableOutcome, Scope, Variant } from './decision-types.js';
import type { KnownPassageId } from './passages/index.js';

/**
 * Scope used against scope granted, from the case's notes: visits per week (levels 1, 1B and
 * 2), hours per week (level 3), and weeks used of the course (the preventive model). Pure: the
 * day to measure at is an argument, never the clock.
 */

export type UsageNoteKind = 'visit' | 'phone' | 'meeting' | 'interdisciplinary-meeting' | 'observation';

export interface UsageNote {
  /** ÅÅÅÅ-MM-DD */
  readonly date: string;
  readonly kind: UsageNoteKind;
  readonly minutes: number;
}

export interface Grant {
  readonly outcome: ChoosableOutcome;
  readonly variant: Variant;
  readonly scope: Scope;
  /** ÅÅÅÅ-MM-DD: the day the support started. */
  readonly startDate: string;
}

export interface WeeklyUsage {
  /** In the week (Monday to Sunday) that holds the day measured at. */
  readonly thisWeek: number;
  /** Over the whole weeks and the part week since the start. */
  readonly averagePerWeek: number;
  readonly grantedMin?: number;
  readonly grantedMax: number;
  /** This week's figure is above what is granted. */
  readonly overThisWeek: boolean;
  readonly passage: KnownPassageId;
}

export interface ScopeUsage {
  readonly visits?: WeeklyUsage & {
    /** How many of the visits were interdisciplinary meetings, which may replace visits. */
    readonly meetingsCountedAsVisits: number;
    readonly meetingsPassage: KnownPassageId;
  };
  readonly hours?: WeeklyUsage;
  readonly weeks?: { readonly used: number; readonly max: number; readonly over: boolean; readonly passage: KnownPassageId };
}

const DAY = 86_400_000;
const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;
/** Monday of the ISO week holding the day. */
const weekStart = (day: number) => day - ((new Date(day * DAY).getUTCDay() + 6) % 7);

// Support time: what is done with or for the family; an observation is not.
const SUPPORT_KINDS: ReadonlySet<UsageNoteKind> = new Set(['visit', 'phone', 'meeting', 'interdisciplinary-meeting']);
// "Deltagelse i tværfaglige møder kan erstatte besøg." (pps.saerlige.tvaerfaglige-moeder)
const VISIT_KINDS: ReadonlySet<UsageNoteKind> = new Set(['visit', 'interdisciplinary-meeting']);

/** Does a note of this kind count as a visit against the granted visits a week? */
export const countsAsVisit = (kind: UsageNoteKind): boolean => VISIT_KINDS.has(kind);

function visitPassage(grant: Grant): KnownPassageId {
  if (grant.outcome === 'level2') return 'pps.omfang.2';
  if (grant.variant === '1B') return 'pps.omfang.1b';
  if (grant.variant === '1A') return 'pps.omfang.1a';
  return 'pps.omfang.1';
}

/** 1B's higher rate holds in the first months; the longest initial phase is given the benefit of the doubt. */
function grantedVisits(grant: Grant, asOf: number): { min: number; max: number } | undefined {
  const phase = grant.scope.initialPhase;
  if (phase) {
    const start = new Date(dayNumber(grant.startDate) * DAY);
    const phaseEnd = Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + phase.monthsMax, start.getUTCDate()) / DAY;
    if (asOf < phaseEnd) return phase.visitsPerWeek;
  }
  return grant.scope.visitsPerWeek;
}

export function scopeUsage(notes: readonly UsageNote[], grant: Grant, asOfDate: string): ScopeUsage {
  const start = dayNumber(grant.startDate);
  const asOf = dayNumber(asOfDate);
  const inCourse = notes.filter((n) => dayNumber(n.date) >= start && dayNumber(n.date) <= asOf);
  const thisWeek = inCourse.filter((n) => dayNumber(n.date) >= Math.max(weekStart(asOf), start));
  const weeksElapsed = Math.max(1, (asOf - start + 1) / 7);
  const round = (x: number) => Math.round(x * 100) / 100;
  const usage: { -readonly [K in keyof ScopeUsage]: ScopeUsage[K] } = {};

  const visitsGranted = grantedVisits(grant, asOf);
  if (visitsGranted && grant.outcome !== 'preventive') {
    const visits = thisWeek.filter((n) => VISIT_KINDS.has(n.kind)).length;
    usage.visits = {
      thisWeek: visits,
      averagePerWeek: round(inCourse.filter((n) => VISIT_KINDS.has(n.kind)).length / weeksElapsed),
      grantedMin: visitsGranted.min,
      grantedMax: visitsGranted.max,
      overThisWeek: visits > visitsGranted.max,
      passage: visitPassage(grant),
      meetingsCountedAsVisits: inCourse.filter((n) => n.kind === 'interdisciplinary-meeting').length,
      meetingsPassage: 'pps.saerlige.tvaerfaglige-moeder',
    };
  }

  const hoursMax = grant.scope.hoursPerWeekMax;
  if (hoursMax !== undefined) {
    const hours = (ns: readonly UsageNote[]) => ns.filter((n) => SUPPORT_KINDS.has(n.kind)).reduce((sum, n) => sum + n.minutes, 0) / 60;
    const week = round(hours(thisWeek));
    usage.hours = {
      thisWeek: week,
      averagePerWeek: round(hours(inCourse) / weeksElapsed),
      grantedMax: hoursMax,
      overThisWeek: week > hoursMax,
      passage: 'pps.omfang.3',
    };
  }

  const maxWeeks = grant.scope.maxWeeks;
  if (maxWeeks !== undefined) {
    const used = Math.max(0, Math.ceil((asOf - start + 1) / 7));
    usage.weeks = { used, max: maxWeeks, over: used > maxWeeks, passage: 'hpi.4.varighed' };
  }
  return usage;
}
