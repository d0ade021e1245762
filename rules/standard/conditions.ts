import type { Facts } from '../facts.js';
import type { Tri } from '../logic.js';
import type { ParameterValues } from '../parameters/ids.js';
import type { Condition, Question } from './schema.js';

/** What a condition or a text can read: the answers, the figures in force, the variant. */
export interface Context {
  facts: Facts;
  p: ParameterValues;
  variant?: string | null;
  questions: ReadonlyMap<string, Question>;
}

export interface Evaluated {
  result: Tri;
  /** With unknown: the unanswered questions that made it so, in the order read. */
  missing: string[];
}

/** An answer by its question id; "child.ageMonths" reads facts.child.ageMonths. Undefined = unanswered. */
export function answerOf(facts: Facts, id: string): unknown {
  const dot = id.indexOf('.');
  if (dot < 0) return (facts as Record<string, unknown>)[id];
  const parent = (facts as Record<string, unknown>)[id.slice(0, dot)] as Record<string, unknown> | undefined;
  return parent?.[id.slice(dot + 1)];
}

const PASS: Evaluated = { result: 'pass', missing: [] };
const FAIL: Evaluated = { result: 'fail', missing: [] };
const tri = (b: boolean): Evaluated => (b ? PASS : FAIL);

function operand(value: number | { figure: string }, p: ParameterValues): number {
  return typeof value === 'number' ? value : (p as Record<string, number>)[value.figure] as number;
}

function selected(value: unknown, groups: readonly string[] | undefined, question: Question | undefined): string[] {
  const list = Array.isArray(value) ? (value as string[]) : [];
  if (!groups) return list;
  const groupOf = new Map((question?.options ?? []).map((o) => [o.value, o.group]));
  return list.filter((v) => groups.includes(groupOf.get(v) ?? ''));
}

/**
 * Kleene's three-valued logic: a test of an unanswered question is unknown; `all` fails on one
 * failure whatever else is unknown, `any` passes on one pass. The missing questions are those of
 * the operands that left it open, so nobody is asked what no longer matters.
 */
export function evaluate(c: Condition, ctx: Context): Evaluated {
  if ('all' in c) {
    const parts = c.all.map((x) => evaluate(x, ctx));
    if (parts.some((x) => x.result === 'fail')) return FAIL;
    const open = parts.filter((x) => x.result === 'unknown');
    return open.length > 0 ? { result: 'unknown', missing: open.flatMap((x) => x.missing) } : PASS;
  }
  if ('any' in c) {
    const parts = c.any.map((x) => evaluate(x, ctx));
    if (parts.some((x) => x.result === 'pass')) return PASS;
    const open = parts.filter((x) => x.result === 'unknown');
    return open.length > 0 ? { result: 'unknown', missing: open.flatMap((x) => x.missing) } : FAIL;
  }
  if ('not' in c) {
    const inner = evaluate(c.not, ctx);
    return inner.result === 'unknown' ? inner : tri(inner.result === 'fail');
  }
  if ('answered' in c) return tri(answerOf(ctx.facts, c.answered) !== undefined);
  if ('unanswered' in c) return tri(answerOf(ctx.facts, c.unanswered) === undefined);
  if ('variant' in c) return tri(ctx.variant === c.variant);
  if (!('q' in c)) return tri((ctx.p as Record<string, number>)[c.figure] as number > c.gt);

  const value = answerOf(ctx.facts, c.q);
  if (value === undefined) return { result: 'unknown', missing: [c.q] };
  if ('is' in c) return tri(value === c.is);
  if ('in' in c) return tri(c.in.includes(value as string | boolean));
  if ('isNull' in c) return tri((value === null) === c.isNull);
  if ('anySelected' in c) return tri(selected(value, c.groups, ctx.questions.get(c.q)).length > 0);
  // A comparison with "not born" (null) or a non-number is simply not true.
  if (typeof value !== 'number') return FAIL;
  if ('lt' in c) return tri(value < operand(c.lt, ctx.p));
  if ('lte' in c) return tri(value <= operand(c.lte, ctx.p));
  if ('gt' in c) return tri(value > operand(c.gt, ctx.p));
  return tri(value >= operand(c.gte, ctx.p));
}

/** The questions and figures a condition reads, in the order it reads them. */
export function readsOf(c: Condition | undefined, into: { questions: string[]; figures: string[] }): void {
  if (!c) return;
  if ('all' in c) return c.all.forEach((x) => readsOf(x, into));
  if ('any' in c) return c.any.forEach((x) => readsOf(x, into));
  if ('not' in c) return readsOf(c.not, into);
  const add = (list: string[], id: string): void => {
    if (!list.includes(id)) list.push(id);
  };
  if ('answered' in c) return add(into.questions, c.answered);
  if ('unanswered' in c) return add(into.questions, c.unanswered);
  if ('variant' in c) return;
  if (!('q' in c)) return add(into.figures, c.figure);
  add(into.questions, c.q);
  for (const key of ['lt', 'lte', 'gt', 'gte'] as const) {
    const v = (c as Record<string, unknown>)[key];
    if (v && typeof v === 'object') add(into.figures, (v as { figure: string }).figure);
  }
}

const PLACEHOLDER = /\{(answer|inText|figure|years|count|dateAfterMonths):([^}:]+)(?::([^}]+))?\}/g;

/**
 * Fills a text's placeholders: {answer:q} the answer as given, {inText:q} the chosen option's
 * words in a sentence, {figure:id} a figure, {years:id} a figure in months as years,
 * {count:q} or {count:q:group,group} how many options are selected, {dateAfterMonths:id} the date
 * that many months after `start`.
 */
export function render(text: string, ctx: Context, addMonths?: (months: number) => string): string {
  if (!text.includes('{')) return text;
  return text.replace(PLACEHOLDER, (_all, kind: string, ref: string, extra: string | undefined) => {
    const p = ctx.p as Record<string, number>;
    switch (kind) {
      case 'figure':
        return String(p[ref]);
      case 'years':
        return String((p[ref] as number) / 12);
      case 'dateAfterMonths':
        return addMonths ? addMonths(p[ref] as number) : '';
      case 'count':
        return String(selected(answerOf(ctx.facts, ref), extra?.split(','), ctx.questions.get(ref)).length);
      case 'inText': {
        const value = answerOf(ctx.facts, ref);
        const option = ctx.questions.get(ref)?.options?.find((o) => o.value === value);
        return option?.inText?.da ?? (value === undefined ? '' : String(value));
      }
      default:
        return String(answerOf(ctx.facts, ref));
    }
  });
}
