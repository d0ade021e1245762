import type { CaseSummary } from '../bot/summary/case-summary.js';
import { wordsTable, type Locale, type Localized } from './locale.js';
import { formatDate } from './outcome-text.js';
import { cardBytes, expand, type CardJson } from './template.js';
import template from './templates/summary-card.json' with { type: 'json' };

export { cardBytes };

/**
 * The case summary as an Adaptive Card, for "resumé <reference>" in any chat and for the
 * message extension. Same data as the tab (bot/summary/case-summary.ts), shorter: long free
 * text is cut so the card stays well inside Teams' size limit.
 */

/** Teams refuses larger cards; the tab shows everything, the card need not. */
const MAX_NOTES_CHARS = 1500;
const MAX_REASON_CHARS = 600;

/** The card's own words; bound as `s` so the template holds no language. The summary's labels come in the same language. */
const SUMMARY_TEXT = {
  kicker: { da: 'Sagsresumé', en: 'Case summary' },
  case: { da: 'Sag', en: 'Case' },
  closed: { da: 'Sagen er lukket.', en: 'The case is closed.' },
  noDecision: { da: 'Der er ikke truffet en afgørelse i sagen endnu.', en: 'No decision has been made in the case yet.' },
  note: { da: 'Bemærk', en: 'Note' },
  recommendation: { da: 'Anbefaling efter servicestandarden', en: 'Recommendation under the service standard' },
  chosen: { da: 'Valgt af sagsbehandler', en: 'Chosen by the caseworker' },
  reason: { da: 'Begrundelse', en: 'Reason' },
  reasonsForRecommendation: { da: 'Begrundelse for anbefalingen', en: 'Reasons for the recommendation' },
  overriddenBy: { da: 'Afveget af', en: 'Departed from by' },
  decision: { da: 'Afgørelse', en: 'Decision' },
  decidedBy: { da: 'Besluttet af', en: 'Decided by' },
  start: { da: 'Start', en: 'Start' },
  nextDue: { da: 'Næste frist', en: 'Next due date' },
  noNextDue: { da: 'ingen kommende frist', en: 'no coming due date' },
  showText: { da: 'Vis standardens tekst', en: "Show the standard's text" },
  passage: { da: 'Afsnit i standarden', en: 'Passage in the standard' },
  toggle: { da: 'vis/skjul teksten', en: 'show/hide the text' },
  noText: { da: 'Teksten findes ikke i standarden.', en: 'The text is not in the standard.' },
  noSource: { da: 'uden kilde', en: 'no source' },
  dueDates: { da: 'Frister', en: 'Due dates' },
  scope: { da: 'Omfang: brugt mod bevilget', en: 'Scope: used against granted' },
  plan: { da: 'Plan og mål', en: 'Plan and goals' },
  purpose: { da: 'Formål', en: 'Purpose' },
  agreed: { da: 'aftalt med forældrene', en: 'agreed with the parents' },
  nextReview: { da: 'Næste gennemgang', en: 'Next review' },
  courseClosed: { da: 'Forløbet er afsluttet.', en: 'The course is closed.' },
  notes: { da: 'Resumé af notater', en: 'Summary of notes' },
  open: { da: 'Åbn sagsresuméet', en: 'Open the case summary' },
} satisfies Record<string, Localized>;

const wordsFor = wordsTable(SUMMARY_TEXT);

/** "Udarbejdet af X ud fra 3 notater, 1. marts 2026." in the reader's language. */
function notesBy(producedBy: string, count: number, at: string, locale: Locale): string {
  const date = formatDate(at.slice(0, 10), locale);
  return locale === 'en'
    ? `Written by ${producedBy} from ${count} ${count === 1 ? 'note' : 'notes'}, ${date}.`
    : `Udarbejdet af ${producedBy} ud fra ${count} ${count === 1 ? 'notat' : 'notater'}, ${date}.`;
}

const cut = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`);

export interface SummaryCardOptions {
  /** A deep link to the tab, when the app id is known. */
  tabUrl?: string;
  /** The reader's language; the summary should have been built in it too (its labels). */
  locale?: Locale;
}

export function summaryCard(s: CaseSummary, options: SummaryCardOptions = {}): CardJson {
  const locale = options.locale ?? 'da';
  const w = wordsFor(locale);
  const date = (iso: string) => formatDate(iso.slice(0, 10), locale);
  const d = s.decision;
  const title = `${w.case} ${s.reference}${s.label ? ` (${s.label})` : ''}`;
  const data = {
    s: w,
    title,
    speak: d ? `${title}. ${d.standing}.` : title,
    closed: s.status === 'closed',
    noDecision: !d,
    hasDecision: Boolean(d),
    standing: d?.standing ?? '',
    hasDecidedBy: Boolean(d?.decidedBy) && !s.override,
    decidedBy: d?.decidedBy ?? '',
    startDate: d ? date(d.startDate) : '',
    nextDue: s.nextDue ? date(s.nextDue) : w.noNextDue,
    // "Afgjort efter ‹standard› version X; gældende er version Y", as the case card and the tab say it (cards/outcome-text.ts standardNote).
    hasStandardNote: Boolean(d?.standardNote),
    standardNote: d?.standardNote ?? '',
    hasWarnings: (d?.warnings.length ?? 0) > 0,
    warnings: (d?.warnings ?? []).map((w) => ({ text: cut(w.text, MAX_REASON_CHARS), passageId: w.passage.id || wordsFor(locale).noSource })),
    hasOverride: Boolean(s.override),
    override: s.override && {
      recommended: s.override.recommended,
      chosen: s.override.chosen,
      // The caseworker's own (Danish) words: an English card quotes them, so they do not read as the card's.
      reason: locale === 'en' ? `»${cut(s.override.reason, MAX_REASON_CHARS)}«` : cut(s.override.reason, MAX_REASON_CHARS),
      byAndWhen: `${s.override.by}, ${date(s.override.at)}`,
    },
    hasReasons: (d?.reasons.length ?? 0) > 0,
    reasonsHeading: s.override ? w.reasonsForRecommendation : w.reason,
    reasons: reasonItems(d?.reasons ?? [], w),
    hasDueDates: s.dueDates.length > 0,
    dueDates: s.dueDates.map((r) => ({ due: date(r.due), what: `${r.label}: ${r.text} (${r.passage.id})` })),
    hasScope: Boolean(s.scope),
    scope: s.scope?.text ?? '',
    hasPlan: Boolean(s.plan),
    plan: s.plan && {
      purpose: `${w.purpose}: ${cut(s.plan.purpose, MAX_REASON_CHARS)}`,
      goals: s.plan.goals.map((g, i) => ({
        text: `${i + 1}. ${cut(g.text, MAX_REASON_CHARS)}${g.agreedWithParents ? ` (${w.agreed})` : ''}`,
        progress: g.since ? `${g.progress} (${date(g.since)})` : g.progress,
      })),
      nextReview: s.plan.nextReview ? `${w.nextReview}: ${date(s.plan.nextReview.due)} – ${s.plan.nextReview.label}` : w.courseClosed,
    },
    // The wellbeing course as one line: a card has no room for a chart (the tab draws it).
    hasWellbeing: Boolean(s.wellbeing),
    wellbeing: s.wellbeing?.line ?? '',
    hasNotes: Boolean(s.notesSummary),
    notes: s.notesSummary && {
      text: cut(s.notesSummary.text, MAX_NOTES_CHARS),
      by: notesBy(s.notesSummary.producedBy, s.notesSummary.noteCount, s.notesSummary.at, locale),
    },
    hasTabUrl: Boolean(options.tabUrl),
    tabUrl: options.tabUrl ?? '',
  };
  return expand(template, data);
}

/**
 * Each reason with the passage it rests on. A passage several reasons rest on is quoted once: the
 * later reasons' source lines open the first one's copy, so no text stands twice on the card.
 */
function reasonItems(reasons: NonNullable<CaseSummary['decision']>['reasons'], w: { noSource: string; noText: string }) {
  const quoted = new Map<string, string>();
  return reasons.map((r, i) => {
    const earlier = r.passage.id ? quoted.get(r.passage.id) : undefined;
    const toggleId = earlier ?? `passage-${i + 1}`;
    if (r.passage.id && !earlier) quoted.set(r.passage.id, toggleId);
    return {
      text: cut(r.text, MAX_REASON_CHARS),
      passageId: r.passage.id || w.noSource,
      toggleId,
      quote: earlier === undefined,
      heading: r.passage.heading ? `${r.passage.source} › ${r.passage.heading}` : '',
      verbatim: r.passage.text || w.noText,
    };
  });
}
