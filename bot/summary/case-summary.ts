import { addDays } from '../../rules/dates.js';
import { nextDue } from '../../rules/next-due.js';
import { CHILD_PLAN_KIND, childPlanDue } from '../../rules/child-plan.js';
import type { Decision, Outcome, Override, PassageId, Review } from '../../rules/decision-types.js';
import type { PlanSummary } from '../storage/plan-summary.js';
import { maskCpr } from '../privacy/cpr.js';
import { worded, type Locale } from '../../cards/locale.js';
import { PROGRESS_TEXT } from '../../cards/plan-text.js';
import { decisionLabel, outcomeLabel, reviewLabel } from './labels.js';
import { measureNames, standardLabel, standardNote } from '../../cards/outcome-text.js';
import type { CaseStandards } from '../standards/case-standards.js';
import type { LoadedStandard } from '../standards/standard-ref.js';

const labelOf = ({ standard, ref }: LoadedStandard) => standardLabel(standard, ref.hash);
import { scopeUsage, type ContactNote, type ScopeUsage } from './scope-usage.js';
import type { WellbeingArea } from '../../rules/parameters/schema.js';
import type { Assessment } from '../storage/wellbeing.js';
import { wellbeingLine } from './wellbeing-line.js';

/**
 * The one case summary: the tab, the summary card and the journal text all read this shape,
 * so a meeting sees the same facts wherever it looks. Pure: the caller passes `today` and
 * everything it read; nothing here touches storage, the clock or Teams.
 */

export interface SummaryCaseRecord {
  tenantId: string;
  teamId: string;
  reference: string;
  /** Initials or pseudonym; never a name. */
  label?: string;
  caseworkerId: string;
  status: 'open' | 'closed';
}

export interface PassageText {
  id: PassageId;
  /** e.g. "Servicestandard for praktisk pædagogisk støtte i hjemmet" */
  source: string;
  heading: string;
  /** Verbatim text of the standard. */
  text: string;
}

export type PassageLookup = (id: PassageId) => PassageText | undefined;

/** The notes summary as the notes work produces it; `producedBy` says who or what wrote it. */
export interface NotesDigest {
  text: string;
  producedBy: string;
  /** `producedBy` in English, where the source words it; the summary carries the reader's one alone. */
  producedByEn?: string;
  /**
   * Whether a language model wrote the text: a card showing it is then labelled AI-generated.
   * Its own field, because `producedBy` is wording for the reader and says so in many ways.
   */
  byModel: boolean;
  /** ISO timestamp */
  at: string;
  noteCount: number;
}

/** The digest as its reader sees it: who wrote it in their language, any CPR number masked. */
function notesDigestIn(digest: NotesDigest, locale: Locale): NotesDigest {
  const { producedByEn, ...rest } = digest;
  return { ...rest, text: maskCpr(digest.text), producedBy: worded(digest.producedBy, producedByEn, locale) };
}

export interface CaseSummaryInput {
  case: SummaryCaseRecord;
  decision: Decision | null;
  override: Override | null;
  /** Who confirmed the decision (a person always decides), display name or id. */
  decidedBy?: string;
  notes: readonly ContactNote[];
  notesSummary: NotesDigest | null;
  /** The case plan with its goals' latest progress, when one was written. */
  plan?: PlanSummary | null;
  /** The wellbeing scores (1–5) given at intake and at reviews, and the municipality's areas. */
  wellbeing?: { course: readonly Assessment[]; areas: readonly WellbeingArea[] } | null;
  passage: PassageLookup;
  /** YYYY-MM-DD */
  today: string;
  /** The reader's language for the labels (Danish when not given); the journal text is always Danish. */
  locale?: Locale;
  /** Barnets plan to be made and not yet made (Barnets lov § 91): the day it must be in place by. */
  childPlanDue?: string | null;
  /** The standard the case was decided under and the one in force: its names, and a note when they differ. */
  standards?: CaseStandards;
}

export interface CitedPassage {
  text: string;
  passage: PassageText | { id: PassageId; source: ''; heading: ''; text: '' };
}

export interface DueDate {
  kind: Review['kind'] | typeof CHILD_PLAN_KIND;
  label: string;
  due: string;
  daysLeft: number;
  overdue: boolean;
  text: string;
  passage: CitedPassage['passage'];
}

export interface CaseSummary {
  reference: string;
  label: string;
  teamId: string;
  status: 'open' | 'closed';
  today: string;
  decision: null | {
    outcome: Outcome;
    recommendation: string;
    /** What stands: the caseworker's choice when overridden, else the recommendation. */
    standing: string;
    reasons: CitedPassage[];
    warnings: CitedPassage[];
    legalBasis: Decision['legalBasis'];
    startDate: string;
    decidedBy: string | null;
    /** "Afgjort efter … version X; gældende er Y" when the case was decided under another standard than the one in force. */
    standardNote: string | null;
  };
  override: null | { recommended: string; chosen: string; reason: string; by: string; at: string };
  dueDates: DueDate[];
  /** The earliest date not yet passed (past dates may already be handled); sorts "due soon first". */
  nextDue: string | null;
  scope: ScopeUsage | null;
  notesSummary: NotesDigest | null;
  plan: null | {
    purpose: string;
    goals: { text: string; agreedWithParents: boolean; progress: string; since: string | null }[];
    /** YYYY-MM-DD and what it is for, or null when the course is closed. */
    nextReview: { due: string; label: string } | null;
    lastReview: { date: string; label: string } | null;
  };
  /** The wellbeing course, oldest first per area, and the same as one compact line. */
  wellbeing: null | { line: string; areas: { id: string; label: string; points: { date: string; score: number; reason: string }[] }[] };
}

const DAY_MS = 86_400_000;

const CHILD_PLAN_LABEL: Record<Locale, string> = { da: 'Barnets plan', en: 'Barnets plan (the child’s plan)' };

export function buildCaseSummary(input: CaseSummaryInput): CaseSummary {
  const { decision, override, today } = input;
  const locale = input.locale ?? 'da';
  const cite = (text: string, id: PassageId | undefined): CitedPassage => ({
    text,
    passage: (id && input.passage(id)) || { id: id ?? '', source: '', heading: '', text: '' },
  });
  // The decision's own due dates, and barnets plan's beside them while one is to be made.
  const dated = [...(decision?.reviews ?? []), ...(input.childPlanDue ? [childPlanDue(input.childPlanDue)] : [])];
  const dueDates = dated
    .map((r): DueDate => {
      const daysLeft = Math.round((Date.parse(`${r.due}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS);
      const text = worded(r.text, r.en, locale);
      const label = r.kind === CHILD_PLAN_KIND ? CHILD_PLAN_LABEL[locale] : reviewLabel(r.kind, locale);
      return { kind: r.kind, label, due: r.due, daysLeft, overdue: daysLeft < 0, text, passage: cite(text, r.passage).passage };
    })
    .sort((a, b) => a.due.localeCompare(b.due));

  const names = input.standards ? measureNames(input.standards.decidedUnder.standard) : {};
  const recommendation = decision ? decisionLabel(decision, locale, names) : '';
  return {
    reference: input.case.reference,
    label: input.case.label ?? '',
    teamId: input.case.teamId,
    status: input.case.status,
    today,
    decision: decision && {
      outcome: override?.chosen ?? decision.outcome,
      recommendation,
      standing: override ? outcomeLabel(override.chosen, override.chosenVariant, locale, names) : recommendation,
      standardNote: (input.standards && standardNote({ decidedUnder: labelOf(input.standards.decidedUnder), inForce: labelOf(input.standards.inForce) }, locale)) ?? null,
      // In the reader's language; the journal text is built from the Danish summary.
      reasons: decision.reasons.map((r) => cite(worded(r.text, r.en, locale), r.passage)),
      warnings: decision.warnings.map((w) => cite(worded(w.text, w.en, locale), w.passage)),
      legalBasis: decision.legalBasis,
      startDate: decision.startDate,
      decidedBy: input.decidedBy ?? override?.by ?? null,
    },
    override: override && {
      recommended: decision?.outcome === override.recommended ? recommendation : outcomeLabel(override.recommended, null, locale, names),
      chosen: outcomeLabel(override.chosen, override.chosenVariant, locale, names),
      reason: maskCpr(override.reason),
      by: override.by,
      at: override.at,
    },
    dueDates,
    // What is due next, as every door counts it (rules/next-due.ts): today's is still to come.
    nextDue: nextDue(dated, addDays(today, -1))?.due ?? null,
    scope: decision && input.notes.length > 0 ? scopeUsage(decision, input.notes, today, locale) : null,
    notesSummary: input.notesSummary && notesDigestIn(input.notesSummary, locale),
    plan: input.plan
      ? {
          purpose: input.plan.purpose,
          goals: input.plan.goals.map((g) => ({
            text: g.text,
            agreedWithParents: g.agreedWithParents,
            progress: g.latest ? PROGRESS_TEXT[g.latest.progress][locale] : locale === 'en' ? 'Not reviewed yet' : 'Ikke gennemgået endnu',
            since: g.latest?.date ?? null,
          })),
          nextReview: input.plan.nextReview && { due: input.plan.nextReview.due, label: reviewLabel(input.plan.nextReview.kind, locale) },
          lastReview: input.plan.lastReview && { date: input.plan.lastReview.date, label: input.plan.lastReview.label },
        }
      : null,
    wellbeing: wellbeingCourse(input.wellbeing, locale),
  };
}

/** Cases with a coming due date first, earliest first; then the rest by reference. */
export function dueSoonFirst<T extends { nextDue: string | null; reference: string }>(a: T, b: T): number {
  if (a.nextDue && b.nextDue) return a.nextDue.localeCompare(b.nextDue) || a.reference.localeCompare(b.reference);
  if (a.nextDue) return -1;
  if (b.nextDue) return 1;
  return a.reference.localeCompare(b.reference);
}

/** Each area's scores over time (the tab draws them), and the compact line (card, journal text). */
function wellbeingCourse(w: CaseSummaryInput['wellbeing'], locale: Locale): CaseSummary['wellbeing'] {
  // In the reader's language, like the rest of the summary; the journal text is built from the Danish one.
  const line = w ? wellbeingLine(w.course, w.areas, locale) : null;
  if (!w || !line) return null;
  const ids = [...new Set([...w.areas.map((a) => a.id), ...w.course.flatMap((a) => a.scores.map((s) => s.area))])];
  return {
    line,
    areas: ids
      .map((id) => ({
        id,
        label: w.areas.find((a) => a.id === id)?.[locale] ?? id,
        points: w.course.flatMap((a) => a.scores.filter((s) => s.area === id).map((s) => ({ date: a.date, score: s.score, reason: maskCpr(s.reason) }))),
      }))
      .filter((a) => a.points.length > 0),
  };
}
