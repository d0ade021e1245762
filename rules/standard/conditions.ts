import type { Facts } from '../facts.js';
import type { Tri } from '../logic.js';
import type { ParameterValues } from '../parameters/ids.js';
import type { Condition, Language, Question } from './schema.js';

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

type Getter = (facts: Facts) => unknown;
const GETTERS = new Map<string, Getter>();

/** An answer by its question id; "child.ageMonths" reads facts.child.ageMonths. Undefined = unanswered. */
export function answerOf(facts: Facts, id: string): unknown {
  return getter(id)(facts);
}

/** The path is split once per question id, not once per read. */
export function getter(id: string): Getter {
  let get = GETTERS.get(id);
  if (!get) {
    const dot = id.indexOf('.');
    if (dot < 0) get = (facts) => (facts as Record<string, unknown>)[id];
    else {
      const [head, tail] = [id.slice(0, dot), id.slice(dot + 1)];
      get = (facts) => ((facts as Record<string, unknown>)[head] as Record<string, unknown> | undefined)?.[tail];
    }
    GETTERS.set(id, get);
  }
  return get;
}

const PASS: Evaluated = { result: 'pass', missing: [] };
const FAIL: Evaluated = { result: 'fail', missing: [] };
const tri = (b: boolean): Evaluated => (b ? PASS : FAIL);

function operand(value: number | { figure: string }, p: ParameterValues): number {
  return typeof value === 'number' ? value : (p as Record<string, number>)[value.figure] as number;
}

const GROUPS = new WeakMap<Question, ReadonlyMap<string, string | undefined>>();
const NO_GROUPS: ReadonlyMap<string, string | undefined> = new Map();

/** Each option's group, by its value: worked out once per question. */
function groupsOf(question: Question | undefined): ReadonlyMap<string, string | undefined> {
  if (!question) return NO_GROUPS;
  let groupOf = GROUPS.get(question);
  if (!groupOf) {
    groupOf = new Map((question.options ?? []).map((o) => [o.value, o.group]));
    GROUPS.set(question, groupOf);
  }
  return groupOf;
}

/** How many options are selected, of the given groups only when groups are named. */
function selectedCount(value: unknown, groups: readonly string[] | undefined, question: Question | undefined): number {
  if (!Array.isArray(value)) return 0;
  if (!groups) return value.length;
  const groupOf = groupsOf(question);
  let count = 0;
  for (const v of value as string[]) if (groups.includes(groupOf.get(v) ?? '')) count++;
  return count;
}

type Compiled = (ctx: Context) => Evaluated;
const COMPILED = new WeakMap<Condition, Compiled>();

/**
 * Kleene's three-valued logic: a test of an unanswered question is unknown; `all` fails on one
 * failure whatever else is unknown, `any` passes on one pass. The missing questions are those of
 * the operands that left it open, so nobody is asked what no longer matters.
 */
export function evaluate(c: Condition, ctx: Context): Evaluated {
  return compiledCondition(c)(ctx);
}

/** The condition as a function, built once per condition object. */
export function compiledCondition(c: Condition): (ctx: Context) => Evaluated {
  let fn = COMPILED.get(c);
  if (!fn) {
    fn = compile(c);
    COMPILED.set(c, fn);
  }
  return fn;
}

function combine(parts: readonly Compiled[], settles: 'pass' | 'fail'): Compiled {
  return (ctx) => {
    let open: Evaluated[] | undefined;
    for (const part of parts) {
      const r = part(ctx);
      if (r.result === settles) return r;
      if (r.result === 'unknown') (open ??= []).push(r);
    }
    if (open) return { result: 'unknown', missing: open.flatMap((x) => x.missing) };
    return settles === 'fail' ? PASS : FAIL;
  };
}

/** Turns a condition into a function once, so a decision walks closures, not the file's objects. */
function compile(c: Condition): Compiled {
  if ('all' in c) return combine(c.all.map(compile), 'fail');
  if ('any' in c) return combine(c.any.map(compile), 'pass');
  if ('not' in c) {
    const inner = compile(c.not);
    return (ctx) => {
      const r = inner(ctx);
      return r.result === 'unknown' ? r : r.result === 'fail' ? PASS : FAIL;
    };
  }
  if ('answered' in c) {
    const get = getter(c.answered);
    return (ctx) => tri(get(ctx.facts) !== undefined);
  }
  if ('unanswered' in c) {
    const get = getter(c.unanswered);
    return (ctx) => tri(get(ctx.facts) === undefined);
  }
  if ('variant' in c) return (ctx) => tri(ctx.variant === c.variant);
  if (!('q' in c)) return (ctx) => tri(((ctx.p as Record<string, number>)[c.figure] as number) > c.gt);

  const q = c.q;
  const test = valueTest(c);
  const get = getter(q);
  return (ctx) => {
    const value = get(ctx.facts);
    return value === undefined ? { result: 'unknown', missing: [q] } : tri(test(value, ctx));
  };
}

function valueTest(c: Condition & { q: string }): (value: unknown, ctx: Context) => boolean {
  if ('is' in c) return (v) => v === c.is;
  if ('in' in c) return (v) => c.in.includes(v as string | boolean);
  if ('isNull' in c) return (v) => (v === null) === c.isNull;
  if ('anySelected' in c) return (v, ctx) => selectedCount(v, c.groups, ctx.questions.get(c.q)) > 0;
  // A comparison with "not born" (null) or a non-number is simply not true.
  const num = (v: unknown): v is number => typeof v === 'number';
  if ('lt' in c) return (v, ctx) => num(v) && v < operand(c.lt, ctx.p);
  if ('lte' in c) return (v, ctx) => num(v) && v <= operand(c.lte, ctx.p);
  if ('gt' in c) return (v, ctx) => num(v) && v > operand(c.gt, ctx.p);
  const gte = (c as { gte: number | { figure: string } }).gte;
  return (v, ctx) => num(v) && v >= operand(gte, ctx.p);
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

type Part = string | ((ctx: Context, addMonths: ((months: number) => string) | undefined, language: Language) => string);

/** A text with its placeholders filled in for one context; see `render`. */
export type TextFn = (ctx: Context, addMonths?: (months: number) => string) => string;

const TEXTS: Record<Language, Map<string, TextFn>> = { da: new Map(), en: new Map() };

/**
 * Fills a text's placeholders: {answer:q} the answer as given, {inText:q} the chosen option's
 * words in a sentence, {figure:id} a figure, {years:id} a figure in months as years,
 * {count:q} or {count:q:group,group} how many options are selected, {dateAfterMonths:id} the date
 * that many months after `start`. `language` is the text's own: an option's words in a sentence
 * follow it; figures, ages and typed answers read the same.
 */
export function render(text: string, ctx: Context, addMonths?: (months: number) => string, language: Language = 'da'): string {
  return compiledText(text, language)(ctx, addMonths);
}

/** The text as a function, split into its parts once per text and language: a text without placeholders is returned as it is. */
export function compiledText(text: string, language: Language = 'da'): TextFn {
  const cache = TEXTS[language];
  let fn = cache.get(text);
  if (!fn) {
    fn = textFn(text, language);
    cache.set(text, fn);
  }
  return fn;
}

function textFn(text: string, language: Language): TextFn {
  if (!text.includes('{')) return () => text;
  const parts = parse(text);
  return (ctx, addMonths) => {
    let out = '';
    for (const part of parts) out += typeof part === 'string' ? part : part(ctx, addMonths, language);
    return out;
  };
}

function parse(text: string): Part[] {
  const parts: Part[] = [];
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    parts.push(text.slice(last, match.index));
    parts.push(placeholder(match[1] as string, match[2] as string, match[3]));
    last = (match.index as number) + match[0].length;
  }
  parts.push(text.slice(last));
  return parts;
}

function placeholder(kind: string, ref: string, extra: string | undefined): Exclude<Part, string> {
  const figure = (ctx: Context): number => (ctx.p as Record<string, number>)[ref] as number;
  const get = getter(ref);
  switch (kind) {
    case 'figure':
      return (ctx) => String(figure(ctx));
    case 'years':
      return (ctx) => String(figure(ctx) / 12);
    case 'dateAfterMonths':
      return (ctx, addMonths) => (addMonths ? addMonths(figure(ctx)) : '');
    case 'count': {
      const groups = extra?.split(',');
      return (ctx) => String(selectedCount(get(ctx.facts), groups, ctx.questions.get(ref)));
    }
    case 'inText':
      return (ctx, _addMonths, language) => {
        const value = get(ctx.facts);
        const option = ctx.questions.get(ref)?.options?.find((o) => o.value === value);
        return option?.inText?.[language] ?? (value === undefined ? '' : String(value));
      };
    default:
      return (ctx) => String(get(ctx.facts));
  }
}
