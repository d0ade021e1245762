import * as ACData from 'adaptivecards-templating';
import type { CaseSummary } from '../bot/summary/case-summary.js';
import { cardBytes, type CardJson } from './template.js';
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

// Built once: constructing a Template is the expensive part of binding (it prepares every
// expression); expanding leaves the template untouched, so one instance serves every card.
const TEMPLATE = new ACData.Template(template);

const DATE = new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const danishDate = (iso: string) => DATE.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));
const cut = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`);

export interface SummaryCardOptions {
  /** A deep link to the tab, when the app id is known. */
  tabUrl?: string;
}

export function summaryCard(s: CaseSummary, options: SummaryCardOptions = {}): CardJson {
  const d = s.decision;
  const title = `Sag ${s.reference}${s.label ? ` (${s.label})` : ''}`;
  const data = {
    title,
    speak: d ? `${title}. ${d.standing}.` : title,
    closed: s.status === 'closed',
    noDecision: !d,
    hasDecision: Boolean(d),
    standing: d?.standing ?? '',
    hasDecidedBy: Boolean(d?.decidedBy) && !s.override,
    decidedBy: d?.decidedBy ?? '',
    startDate: d ? danishDate(d.startDate) : '',
    nextDue: s.nextDue ? danishDate(s.nextDue) : 'ingen kommende frist',
    hasWarnings: (d?.warnings.length ?? 0) > 0,
    warnings: (d?.warnings ?? []).map((w) => ({ text: cut(w.text, MAX_REASON_CHARS), passageId: w.passage.id || 'uden kilde' })),
    hasOverride: Boolean(s.override),
    override: s.override && {
      recommended: s.override.recommended,
      chosen: s.override.chosen,
      reason: cut(s.override.reason, MAX_REASON_CHARS),
      byAndWhen: `${s.override.by}, ${danishDate(s.override.at)}`,
    },
    hasReasons: (d?.reasons.length ?? 0) > 0,
    reasonsHeading: s.override ? 'Begrundelse for anbefalingen' : 'Begrundelse',
    reasons: (d?.reasons ?? []).map((r, i) => ({
      text: cut(r.text, MAX_REASON_CHARS),
      passageId: r.passage.id || 'uden kilde',
      toggleId: `passage-${i + 1}`,
      heading: r.passage.heading ? `${r.passage.source} › ${r.passage.heading}` : '',
      verbatim: r.passage.text || 'Teksten findes ikke i standarden.',
    })),
    hasDueDates: s.dueDates.length > 0,
    dueDates: s.dueDates.map((r) => ({ due: danishDate(r.due), what: `${r.label}: ${r.text} (${r.passage.id})` })),
    hasScope: Boolean(s.scope),
    scope: s.scope?.text ?? '',
    hasPlan: Boolean(s.plan),
    plan: s.plan && {
      purpose: `Formål: ${cut(s.plan.purpose, MAX_REASON_CHARS)}`,
      goals: s.plan.goals.map((g, i) => ({
        text: `${i + 1}. ${cut(g.text, MAX_REASON_CHARS)}${g.agreedWithParents ? ' (aftalt med forældrene)' : ''}`,
        progress: g.since ? `${g.progress} (${danishDate(g.since)})` : g.progress,
      })),
      nextReview: s.plan.nextReview ? `Næste gennemgang: ${danishDate(s.plan.nextReview.due)} – ${s.plan.nextReview.label}` : 'Forløbet er afsluttet.',
    },
    // The wellbeing course as one line: a card has no room for a chart (the tab draws it).
    hasWellbeing: Boolean(s.wellbeing),
    wellbeing: s.wellbeing?.line ?? '',
    hasNotes: Boolean(s.notesSummary),
    notes: s.notesSummary && {
      text: cut(s.notesSummary.text, MAX_NOTES_CHARS),
      by: `Udarbejdet af ${s.notesSummary.producedBy} ud fra ${s.notesSummary.noteCount} notater, ${danishDate(s.notesSummary.at)}.`,
    },
    hasTabUrl: Boolean(options.tabUrl),
    tabUrl: options.tabUrl ?? '',
  };
  return prune(TEMPLATE.expand({ $root: data })) as CardJson;
}

/** The templating leaves nulls where a `$when` dropped an element from an array; Teams wants none. */
function prune(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => v !== null && v !== undefined).map(prune);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined).map(([k, v]) => [k, prune(v)]));
  }
  return value;
}
