import type { Outcome } from '../decision-types.js';
import type { Facts } from '../facts.js';
import { allOf, anyOf, type CriterionResult, type MeasureResult } from '../logic.js';
import type { ParameterValues } from '../parameters/ids.js';
import { compiledCondition, compiledText, evaluate, getter, readsOf, type Context } from './conditions.js';
import type { Criterion, HitPolicyRow, Measure, Question, Standard } from './schema.js';

/**
 * Runs any standard file: each measure's criteria as data, three-valued, then the file's hit
 * policy. The semantics are those the TypeScript measures had: unknown is not false, one known
 * failure settles a measure (so its other open questions are not asked), and the questions a
 * branch could not settle are the ones asked.
 */

/** What is worked out once per standard: the reads of every criterion and the lookups. */
interface Compiled {
  questions: ReadonlyMap<string, Question>;
  order: ReadonlyMap<string, number>;
  reads: ReadonlyMap<Criterion, { questions: string[]; figures: string[] }>;
  measures: ReadonlyMap<string, Measure>;
  evaluators: readonly { id: string; any: boolean; criteria: readonly CriterionFn[] }[];
}

const COMPILED = new WeakMap<Standard, Compiled>();

const FIGURE_IN_TEXT = /\{(?:figure|years|dateAfterMonths):([^}:]+)\}/g;

export function compiled(standard: Standard): Compiled {
  let c = COMPILED.get(standard);
  if (c) return c;
  const reads = new Map<Criterion, { questions: string[]; figures: string[] }>();
  for (const m of standard.measures) {
    for (const criterion of m.criteria) {
      const into = { questions: [] as string[], figures: [] as string[] };
      for (const b of criterion.branches) {
        readsOf(b.if, into);
        for (const text of [b.text.da, criterion.ask.da, b.ask?.da ?? '']) {
          for (const match of text.matchAll(FIGURE_IN_TEXT)) if (!into.figures.includes(match[1] as string)) into.figures.push(match[1] as string);
        }
      }
      reads.set(criterion, into);
    }
  }
  c = {
    questions: new Map(standard.questions.map((q) => [q.id, q])),
    order: new Map(standard.questions.map((q, i) => [q.id, i])),
    reads,
    measures: new Map(standard.measures.map((m) => [m.id, m])),
    evaluators: standard.measures.map((m) => ({
      id: m.id,
      any: m.combine === 'any',
      criteria: m.criteria.map((criterion) => criterionFn(criterion, reads.get(criterion) as { questions: string[]; figures: string[] })),
    })),
  };
  COMPILED.set(standard, c);
  return c;
}

export function contextFor(standard: Standard, facts: Facts, p: ParameterValues, variant?: string | null): Context {
  return { facts, p, variant, questions: compiled(standard).questions };
}

type CriterionFn = (ctx: Context) => CriterionResult;
const CRITERIA = new WeakMap<Criterion, CriterionFn>();

/**
 * A criterion as one function, built once per file: its branches in order, the first that holds
 * decides; a branch whose condition is unknown makes the criterion unknown and asks what it read.
 */
function criterionFn(criterion: Criterion, reads: { questions: string[]; figures: string[] }): CriterionFn {
  let fn = CRITERIA.get(criterion);
  if (fn) return fn;
  const words = (text: { da: string; en: string }) => ({ da: compiledText(text.da, 'da'), en: compiledText(text.en, 'en') });
  const askFirst = words(criterion.ask);
  const branches = criterion.branches.map((b) => ({
    holds: b.if ? compiledCondition(b.if) : undefined,
    result: b.result,
    text: words(b.text),
    ask: b.ask ? words(b.ask) : askFirst,
    passage: b.passage ?? criterion.passage,
    missing: b.missing ?? [],
  }));
  const questions = reads.questions;
  const getters = questions.map((q) => getter(q));
  const figures = reads.figures;
  fn = (ctx) => {
    let result: CriterionResult['result'] = 'unknown';
    let text = askFirst;
    let passage = criterion.passage;
    let missing: string[] = [];
    for (const branch of branches) {
      const holds = branch.holds?.(ctx);
      if (holds?.result === 'fail') continue;
      if (holds?.result === 'unknown') {
        // This branch might hold once the question is answered: ask it, and decide nothing yet.
        text = branch.ask;
        missing = holds.missing.length > 1 ? [...new Set(holds.missing)] : holds.missing;
      } else {
        result = branch.result;
        text = branch.text;
        passage = branch.passage;
        missing = branch.result === 'unknown' ? [...branch.missing] : [];
      }
      break;
    }
    const facts: Record<string, unknown> = {};
    for (let i = 0; i < questions.length; i++) facts[questions[i] as string] = (getters[i] as (facts: Facts) => unknown)(ctx.facts);
    const entry: CriterionResult = { rule: criterion.id, result, passage, text: text.da(ctx), en: text.en(ctx), facts, missing };
    if (figures.length > 0) {
      const parameters: Record<string, number> = {};
      for (const f of figures) parameters[f] = (ctx.p as Record<string, number>)[f] as number;
      entry.parameters = parameters;
    }
    return entry;
  };
  CRITERIA.set(criterion, fn);
  return fn;
}

export type StandardResults = Record<string, MeasureResult>;

/** Every measure's criteria, evaluated on their own, in the file's order. */
export function evaluateStandard(standard: Standard, facts: Facts, p: ParameterValues): StandardResults {
  const c = compiled(standard);
  const ctx = contextFor(standard, facts, p);
  const results: StandardResults = {};
  for (const m of c.evaluators) {
    const criteria = m.criteria.map((fn) => fn(ctx));
    results[m.id] = m.any ? anyOf(m.id as Outcome, criteria) : allOf(m.id as Outcome, criteria);
  }
  return results;
}

/** The first variant whose condition holds; an open condition is not taken (the plain measure). */
export function variantOf(standard: Standard, measureId: string, facts: Facts, p: ParameterValues): string | null {
  const m = compiled(standard).measures.get(measureId);
  const ctx = contextFor(standard, facts, p);
  return m?.variants?.find((v) => evaluate(v.when, ctx).result === 'pass')?.id ?? null;
}

function rowHolds(row: HitPolicyRow, results: StandardResults, standard: Standard): boolean {
  const w = row.when;
  if ('otherwise' in w) return true;
  if ('anyMeasureIs' in w) return standard.measures.some((m) => results[m.id]?.result === w.anyMeasureIs);
  return results[w.measure]?.result === w.is;
}

/** The row that decides, and every row that held; undefined when none does (the checker refuses such a file). */
export function applyStandardHitPolicy(standard: Standard, results: StandardResults): { winner: HitPolicyRow | undefined; matched: string[] } {
  const matched = standard.hitPolicy.filter((row) => rowHolds(row, results, standard));
  return { winner: matched[0], matched: matched.map((r) => r.outcome) };
}

/** The unanswered questions behind every open measure, in interview order (safety first). */
export function missingInOrder(standard: Standard, results: StandardResults): string[] {
  const order = compiled(standard).order;
  const all = [...new Set(standard.measures.flatMap((m) => results[m.id]?.missing ?? []))];
  return all.sort((a, b) => (order.get(a) ?? -1) - (order.get(b) ?? -1));
}
