import { CHILD_PLAN_KIND } from '../../rules/child-plan.js';
import { addDays } from '../../rules/dates.js';
import { CHOOSABLE_OUTCOMES, OUTCOMES, type ChoosableOutcome, type Outcome, type Scope, type Variant } from '../../rules/decision-types.js';
import type { DueRow, OpenCaseRow, TeamOverviewRows } from '../storage/team-overview.js';
import type { MeasureNames } from '../../cards/outcome-text.js';
import type { Locale, Localized } from '../../cards/locale.js';
import { outcomeLabel } from '../summary/labels.js';
import { commonWords, type CommonWord } from './reason-words.js';

/**
 * The team's overview from the rows the SQL module read: pure, so the same rows and the same day
 * always give the same figures. Every figure carries the references of the cases behind it (and
 * nothing else about them), so the page can link each number to its cases.
 */

export interface Figure {
  /** How many cases. */
  count: number;
  /** Their references, sorted. */
  cases: string[];
}

export type DueCategory = 'review' | 'grant' | 'statutory' | 'child-plan';

export interface DueLine {
  category: DueCategory;
  label: string;
  overdue: Figure;
  next14: Figure;
  next30: Figure;
}

export type ScopeStanding = 'below' | 'within' | 'above' | 'no-limit' | 'no-notes';

export interface MeasureLine {
  outcome: Outcome;
  variant: Variant;
  label: string;
  cases: Figure;
}

export interface OverrideLine {
  outcome: Outcome;
  label: string;
  decisions: number;
  overridden: Figure;
  /** overridden decisions / decisions, 0–1. */
  share: number;
}

export interface TeamOverview {
  teamId: string;
  today: string;
  open: { total: Figure; byMeasure: MeasureLine[] };
  due: DueLine[];
  /** Open cases with support under § 32 whose stance on barnets plan is not taken yet (Barnets lov § 91). */
  childPlanUndecided: Figure;
  scope: { granted: number; lines: { standing: ScopeStanding; label: string; cases: Figure }[] };
  overrides: { decisions: number; overridden: Figure; byMeasure: OverrideLine[]; words: CommonWord[] };
}

export const DUE_LABEL: Record<DueCategory, Localized> = {
  review: { da: 'Gennemgange og opfølgninger', en: 'Reviews and follow-ups' },
  grant: { da: 'Bevillinger der udløber', en: 'Grants that run out' },
  statutory: {
    da: 'Lovbestemte frister (undersøgelsens frist, første opfølgning efter § 95)',
    en: "Statutory deadlines (the børnefaglig undersøgelse's deadline, the first follow-up under § 95)",
  },
  'child-plan': { da: 'Barnets plan, der skal foreligge (Barnets lov § 91)', en: 'Barnets plan to be in place (Barnets lov § 91)' },
};

export const SCOPE_LABEL: Record<ScopeStanding, Localized> = {
  below: { da: 'Under det bevilgede', en: 'Below what was granted' },
  within: { da: 'Inden for det bevilgede', en: 'Within what was granted' },
  above: { da: 'Over det bevilgede', en: 'Above what was granted' },
  'no-limit': { da: 'Bevilling uden ugentligt omfang', en: 'Grant without a weekly scope' },
  'no-notes': { da: 'Ingen notater endnu', en: 'No notes yet' },
};

/** How far ahead the overview looks: its longest window. */
export const HORIZON_DAYS = 30;

// Passage of Barnets lov § 95's first follow-up (rules/citations.ts, CITE.blOpfoelgning).
const FIRST_FOLLOW_UP_PASSAGE = 'bl.95';

export function dueCategory(row: Pick<DueRow, 'kind' | 'passage'>): DueCategory {
  if (row.kind === CHILD_PLAN_KIND) return 'child-plan';
  if (row.kind === 'investigation-deadline') return 'statutory';
  if (row.kind === 'follow-up' && row.passage === FIRST_FOLLOW_UP_PASSAGE) return 'statutory';
  if (row.kind === 'grant-end' || row.kind === 'regrant' || row.kind === 'course-end') return 'grant';
  return 'review';
}

export const DUE_CATEGORIES: readonly DueCategory[] = ['review', 'grant', 'statutory', 'child-plan'];

/** The category's due dates before today. */
export function dueOverdue(due: readonly DueRow[], category: DueCategory, today: string): Figure {
  return figure(due.filter((d) => dueCategory(d) === category && d.due < today).map((d) => d.reference));
}

/** The category's due dates from today through `until` (YYYY-MM-DD, within the horizon read). */
export function dueUntil(due: readonly DueRow[], category: DueCategory, today: string, until: string): Figure {
  return figure(due.filter((d) => dueCategory(d) === category && d.due >= today && d.due <= until).map((d) => d.reference));
}

export function horizonOf(today: string): string {
  return addDays(today, HORIZON_DAYS);
}

function figure(references: Iterable<string>): Figure {
  const cases = [...new Set(references)].sort();
  return { count: cases.length, cases };
}

const isOutcome = (o: string): o is Outcome => (OUTCOMES as readonly string[]).includes(o);
const MEASURE_ORDER: readonly Outcome[] = ['preventive', 'level1', 'level2', 'level3', 'escalate', 'none', 'needs-information'];
const order = (o: Outcome, v: Variant) => MEASURE_ORDER.indexOf(o) * 10 + (v === '1B' ? 2 : v === '1A' ? 1 : 0);

/**
 * The names the standard with this hash (null: before standards were recorded) gives its measures;
 * the caller read the standards, so the figures stay pure. Absent, the seed's names.
 */
export type NamesOfStandard = (hash: string | null) => MeasureNames;

/** A measure named as the standards its cases were decided under name it; several names when they differ. */
function labelOf(outcome: Outcome, variant: Variant, hashes: readonly (string | null)[], namesOf: NamesOfStandard, locale: Locale): string {
  return [...new Set(hashes.map((h) => outcomeLabel(outcome, variant, locale, namesOf(h))))].sort().join(' / ');
}

/** `locale`: the reader's language for the labels (Danish when not given); the figures are the same in both. */
export function teamOverview(rows: TeamOverviewRows, q: { teamId: string; today: string; locale?: Locale }, namesOf: NamesOfStandard = () => ({})): TeamOverview {
  const { today } = q;
  const locale = q.locale ?? 'da';
  const in14 = addDays(today, 14);
  const in30 = addDays(today, HORIZON_DAYS);

  const measures = new Map<string, { outcome: Outcome; variant: Variant; refs: string[]; hashes: (string | null)[] }>();
  for (const c of rows.openCases) {
    if (!isOutcome(c.chosenOutcome)) continue;
    const key = `${c.chosenOutcome}/${c.chosenVariant ?? ''}`;
    const entry = measures.get(key) ?? { outcome: c.chosenOutcome, variant: c.chosenVariant, refs: [], hashes: [] };
    entry.refs.push(c.reference);
    entry.hashes.push(c.standardHash);
    measures.set(key, entry);
  }
  const byMeasure = [...measures.values()]
    .sort((a, b) => order(a.outcome, a.variant) - order(b.outcome, b.variant))
    .map((m): MeasureLine => ({ outcome: m.outcome, variant: m.variant, label: labelOf(m.outcome, m.variant, m.hashes, namesOf, locale), cases: figure(m.refs) }));

  const due = DUE_CATEGORIES.map((category): DueLine => ({
    category,
    label: DUE_LABEL[category][locale],
    overdue: dueOverdue(rows.due, category, today),
    next14: dueUntil(rows.due, category, today, in14),
    next30: dueUntil(rows.due, category, today, in30),
  }));

  const standings = new Map<ScopeStanding, string[]>();
  let granted = 0;
  for (const c of rows.openCases) {
    const standing = scopeStanding(c, today);
    if (!standing) continue;
    granted += 1;
    standings.set(standing, [...(standings.get(standing) ?? []), c.reference]);
  }
  const scopeLines = (['above', 'below', 'within', 'no-limit', 'no-notes'] as const)
    .filter((s) => standings.has(s))
    .map((standing) => ({ standing, label: SCOPE_LABEL[standing][locale], cases: figure(standings.get(standing)!) }));

  const byRecommended = new Map<Outcome, { decisions: number; refs: string[]; hashes: (string | null)[] }>();
  for (const d of rows.decisions) {
    if (!isOutcome(d.recommendedOutcome)) continue;
    const entry = byRecommended.get(d.recommendedOutcome) ?? { decisions: 0, refs: [], hashes: [] };
    entry.decisions += 1;
    entry.hashes.push(d.standardHash);
    if (d.overrideReason !== null) entry.refs.push(d.reference);
    byRecommended.set(d.recommendedOutcome, entry);
  }
  const overrideLines = [...byRecommended.entries()]
    .sort(([a], [b]) => MEASURE_ORDER.indexOf(a) - MEASURE_ORDER.indexOf(b))
    .map(([outcome, e]): OverrideLine => ({
      outcome,
      label: labelOf(outcome, null, e.hashes, namesOf, locale),
      decisions: e.decisions,
      overridden: figure(e.refs),
      share: e.decisions === 0 ? 0 : e.refs.length / e.decisions,
    }));
  const overridden = rows.decisions.filter((d) => d.overrideReason !== null);

  return {
    teamId: q.teamId,
    today,
    open: { total: figure(rows.openCases.map((c) => c.reference)), byMeasure },
    due,
    childPlanUndecided: figure(rows.childPlanUndecided.map((c) => c.reference)),
    scope: { granted, lines: scopeLines },
    overrides: {
      decisions: rows.decisions.length,
      overridden: figure(overridden.map((d) => d.reference)),
      byMeasure: overrideLines,
      words: commonWords(overridden.map((d) => ({ key: d.decisionId, reference: d.reference, text: d.overrideReason!, names: [d.childPseudonym, d.caseworkerName] }))),
    },
  };
}

/**
 * Scope used against granted, as the case summary judges it (bot/summary/scope-usage.ts): the
 * average visits per week since the start against the granted range, and the average hours
 * against the level 3 maximum; from the note totals rather than the notes themselves. Null when
 * the standing measure grants no scope (an underretning, no measure).
 */
export function scopeStanding(c: OpenCaseRow, today: string): ScopeStanding | null {
  const grant = grantOf(c);
  if (!grant) return null;
  if (c.notesInPeriod === 0) return 'no-notes';
  const DAY = 86_400_000;
  const weeks = Math.max(1, ((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${grant.startDate}T00:00:00Z`)) / DAY + 1) / 7);
  let standing: ScopeStanding = 'no-limit';
  const visits = grant.outcome === 'preventive' ? undefined : grantedVisits(grant, today);
  if (visits) {
    const perWeek = c.contacts / weeks;
    standing = perWeek < visits.min ? 'below' : perWeek > visits.max + 0.05 ? 'above' : 'within';
  }
  const hoursMax = grant.scope.hoursPerWeekMax;
  if (hoursMax !== undefined) {
    // As the rules round the average (rules/scope-usage.ts).
    const hours = Math.round((c.supportMinutes / 60 / weeks) * 100) / 100;
    if (hours > hoursMax + 0.05) standing = 'above';
    else if (standing === 'no-limit') standing = 'within';
  }
  return standing;
}

interface StandingGrant {
  outcome: ChoosableOutcome;
  variant: Variant;
  scope: Scope;
  startDate: string;
}

function grantOf(c: OpenCaseRow): StandingGrant | null {
  const outcome = c.chosenOutcome;
  if (!(CHOOSABLE_OUTCOMES as readonly string[]).includes(outcome)) return null;
  const chosen = outcome as ChoosableOutcome;
  if (chosen !== 'preventive' && chosen !== 'level1' && chosen !== 'level2' && chosen !== 'level3') return null;
  // The scope stored with the decision; an override from before it was stored has none to judge by.
  if (!c.chosenScope) return null;
  return { outcome: chosen, variant: c.overridden ? c.chosenVariant : (c.chosenVariant ?? c.recommendedVariant), scope: c.chosenScope, startDate: c.startDate };
}

/** 1B's higher rate holds in its first months (the longest initial phase), as the rules count it. */
function grantedVisits(grant: StandingGrant, today: string): { min: number; max: number } | undefined {
  const phase = grant.scope.initialPhase;
  if (phase) {
    // The same day arithmetic as rules/scope-usage.ts, so a month end falls where it falls there.
    const start = new Date(`${grant.startDate}T00:00:00Z`);
    const phaseEnd = Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + phase.monthsMax, start.getUTCDate());
    if (Date.parse(`${today}T00:00:00Z`) < phaseEnd) return phase.visitsPerWeek;
  }
  return grant.scope.visitsPerWeek;
}
