import { addMonths, addWeeks } from '../dates.js';
import type { Review, ReviewKind, Scope, TraceEntry } from '../decision-types.js';
import type { Facts } from '../facts.js';
import type { ParameterId, ParameterValues } from '../parameters/ids.js';
import { CITE } from '../citations.js';
import { evaluate, render } from './conditions.js';
import { compiled, contextFor } from './evaluate.js';
import type { ScopeSpec, Standard } from './schema.js';

/**
 * A measure's extent and due dates, from the standard's scope and reviews and the municipality's
 * figures. The law's own deadline (the § 95 first follow-up) is the product's, shared by every
 * standard: a standard marks its special-support measures, it does not write the law again.
 */

export interface PlanResult {
  scope: Scope;
  /** The figures the scope read, by parameter id, for the trace. */
  used: Record<string, number>;
  reviews: Review[];
  trace: TraceEntry[];
}

const KIND_ORDER: readonly ReviewKind[] = ['follow-up', 'step-down', 'regrant', 'investigation-deadline', 'handover', 'grant-end', 'course-end'];

function figure(p: ParameterValues, id: string): number {
  return (p as Record<string, number>)[id] as number;
}

function scopeOf(spec: ScopeSpec | undefined, p: ParameterValues): { scope: Scope; used: Record<string, number> } {
  const used: Record<string, number> = {};
  const read = (ref: { figure: string }): number => (used[ref.figure] = figure(p, ref.figure));
  const scope: Scope = {};
  if (!spec) return { scope, used };
  if (spec.maxWeeks) scope.maxWeeks = read(spec.maxWeeks);
  if (spec.visitsPerWeek) scope.visitsPerWeek = { min: read(spec.visitsPerWeek.min), max: read(spec.visitsPerWeek.max) };
  if (spec.grantMonths) scope.grantMonths = read(spec.grantMonths);
  if (spec.extraMonths) scope.extraMonths = read(spec.extraMonths);
  if (spec.initialPhase) {
    scope.initialPhase = {
      visitsPerWeek: { min: read(spec.initialPhase.visitsPerWeek.min), max: read(spec.initialPhase.visitsPerWeek.max) },
      monthsMin: read(spec.initialPhase.monthsMin),
      monthsMax: read(spec.initialPhase.monthsMax),
    };
  }
  if (spec.hoursPerWeekMax) scope.hoursPerWeekMax = read(spec.hoursPerWeekMax);
  return { scope, used };
}

/** The sum of the named figures; a leading "-" subtracts one. */
function sumOf(ids: readonly string[], p: ParameterValues): number {
  return ids.reduce((total, id) => (id.startsWith('-') ? total - figure(p, id.slice(1)) : total + figure(p, id)), 0);
}

export function planFor(standard: Standard, outcome: string, variant: string | null, start: string, facts: Facts, p: ParameterValues): PlanResult {
  const m = compiled(standard).measures.get(outcome);
  if (!m) return { scope: {}, used: {}, reviews: [], trace: [] };
  const { scope, used } = scopeOf(m.scope?.[variant ?? ''] ?? m.scope?.[''], p);
  const ctx = contextFor(standard, facts, p, variant);
  const planned: (Review & { rule: string; parameters: Record<string, number> })[] = [];
  for (const r of m.reviews ?? []) {
    if (r.when && evaluate(r.when, ctx).result !== 'pass') continue;
    const amount = sumOf('months' in r.after ? r.after.months : r.after.weeks, p);
    const due = 'months' in r.after ? addMonths(start, amount) : addWeeks(start, amount);
    const records = r.records ?? ('months' in r.after ? r.after.months : r.after.weeks).map((id) => id.replace(/^-/, ''));
    const parameters: Record<string, number> = {};
    for (const id of records) parameters[id] = figure(p, id);
    const after = (months: number) => addMonths(start, months);
    planned.push({ kind: r.kind, due, passage: r.passage, text: render(r.text.da, ctx, after), en: render(r.text.en, ctx, after, 'en'), rule: r.rule, parameters });
  }
  if (m.specialSupport) planned.push(firstFollowUp(start, p));
  planned.sort((a, b) => (a.due === b.due ? KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) : a.due < b.due ? -1 : 1));
  return {
    scope,
    used,
    reviews: planned.map(({ kind, due, passage, text, en }) => ({ kind, due, passage, text, en })),
    trace: planned.map(({ rule, due, passage, parameters }) => ({ rule, result: 'pass' as const, facts: { startDate: start, due }, parameters, passage })),
  };
}

/** Barnets lov § 95: the first follow-up, for every special-support measure of every standard. */
function firstFollowUp(start: string, p: ParameterValues): Review & { rule: string; parameters: Record<string, number> } {
  const id: ParameterId = 'followUp.firstMonths';
  const months = p[id];
  return {
    kind: 'follow-up',
    due: addMonths(start, months),
    passage: CITE.blOpfoelgning,
    text: `Første opfølgning efter Barnets lov § 95: senest ${months} måneder efter start, eller når en sideløbende undersøgelse er afsluttet, hvis det sker før. Derefter den kadence, kommunen fastsætter.`,
    en: `First follow-up under Barnets lov § 95: at the latest ${months} months after the start, or when an undersøgelse running alongside is completed, if that comes first. After that, the cadence the municipality sets.`,
    rule: 'schedule.follow-up.first',
    parameters: { [id]: months },
  };
}
