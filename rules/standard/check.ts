import { FactsSchema, ChildSchema, type Facts } from '../facts.js';
import type { Tri } from '../logic.js';
import { PARAMETER_IDS } from '../parameters/ids.js';
import { resolveParameters } from '../parameters/resolve.js';
import type { ParameterSet } from '../parameters/schema.js';
import { passageById, passagesOf } from '../passages/index.js';
import { readsOf } from './conditions.js';
import { evaluateStandard } from './evaluate.js';
import { parseStandard } from './load.js';
import type { Condition, Question, Standard, Text } from './schema.js';

/**
 * Everything a municipality's standard file must satisfy before it decides a case, beyond its
 * schema: passages, figures and questions exist; and, by enumerating the finite answer space
 * (ages at the thresholds the file mentions), no two measures pass at once unless the hit policy
 * orders them, and every combination of answers ends somewhere. Pure: the caller reads the file.
 */

export interface CheckProblem {
  /** Where in the file: a dotted path ("measures.2.criteria.0.passage"). */
  place: string;
  /** Danish: what is wrong, with a counterexample where one was found. */
  message: string;
}

export interface CheckResult {
  ok: boolean;
  problems: CheckProblem[];
  standard?: Standard;
  /** How many answer combinations the enumeration looked at. */
  combinations: number;
}

/** What the product's facts contract can hold: a question outside it could never be answered. */
const FACT_IDS = new Set([
  ...Object.keys(FactsSchema.shape).filter((k) => k !== 'child' && k !== 'referenceDate' && k !== 'startDate'),
  ...Object.keys(ChildSchema.shape).map((k) => `child.${k}`),
]);

const PRODUCT_OUTCOMES = new Set(['needs-information', 'none']);

export function checkStandard(input: unknown, parameters: ParameterSet): CheckResult {
  const parsed = parseStandard(input);
  if (!parsed.ok) return { ok: false, problems: parsed.problems.map((p) => ({ place: p.field, message: p.message })), combinations: 0 };
  const s = parsed.value;
  const problems: CheckProblem[] = [];
  const add = (place: string, message: string): void => void problems.push({ place, message });

  // Passages: unique ids, and every citation points to one.
  const own = s.passages.own ?? [];
  const known = new Set(s.passages.sources.flatMap((src) => passagesOf(src).map((p) => p.id)));
  const ownIds = new Set<string>();
  own.forEach((p, i) => {
    if (ownIds.has(p.id) || known.has(p.id)) add(`passages.own.${i}.id`, `passagen ${p.id} findes allerede; hver passage skal have sit eget id`);
    ownIds.add(p.id);
  });
  const cites = (place: string, id: string): void => {
    if (known.has(id) || ownIds.has(id)) return;
    add(place, passageById(id) ? `passagen ${id} findes, men dens kilde står ikke i passages.sources` : `passagen ${id} findes ikke i standardens passager`);
  };
  cites('passages.overview', s.passages.overview);

  // Questions: unique, in the facts contract, options and groups that exist.
  const questions = new Map<string, Question>();
  s.questions.forEach((q, i) => {
    if (questions.has(q.id)) add(`questions.${i}.id`, `spørgsmålet ${q.id} står to gange`);
    questions.set(q.id, q);
    if (!FACT_IDS.has(q.id)) add(`questions.${i}.id`, `${q.id} er ikke et oplysningsfelt, produktet kender; svaret kan aldrig gives`);
    q.options?.forEach((o, j) => {
      if (o.passage) cites(`questions.${i}.options.${j}.passage`, o.passage);
      if (o.group && !q.groups?.some((g) => g.id === o.group)) add(`questions.${i}.options.${j}.group`, `gruppen ${o.group} står ikke i spørgsmålets groups`);
    });
  });

  // Figures: each one the file reads is a parameter with a value from the standard's first day.
  const figures = new Map<string, string>();
  const needFigure = (place: string, id: string): void => {
    if (!figures.has(id)) figures.set(id, place);
  };
  const checkCondition = (place: string, c: Condition | undefined): void => {
    if (!c) return;
    const into = { questions: [] as string[], figures: [] as string[] };
    readsOf(c, into);
    for (const q of into.questions) if (!questions.has(q)) add(place, `betingelsen læser spørgsmålet ${q}, som ikke stilles (det står ikke i questions)`);
    for (const f of into.figures) needFigure(place, f);
    for (const leaf of leaves(c)) {
      const q = questions.get(leaf.q);
      if (!q?.options) continue;
      for (const v of 'is' in leaf ? [leaf.is] : 'in' in leaf ? leaf.in : []) {
        if (!q.options.some((o) => o.value === v)) add(place, `${String(v)} er ikke en svarmulighed på ${leaf.q}`);
      }
    }
  };
  const PLACE = /\{(figure|years|dateAfterMonths|answer|inText|count|option)(?::([^}:]+))?[^}]*\}/g;
  const placeholders = (text: string): string => [...text.matchAll(PLACE)].map((m) => m[0]).sort().join(' ');
  const checkText = (place: string, text: Text): void => {
    for (const m of text.da.matchAll(PLACE)) {
      if (m[1] === 'option') continue;
      if (['figure', 'years', 'dateAfterMonths'].includes(m[1] as string)) needFigure(place, m[2] as string);
      else if (!questions.has(m[2] as string)) add(place, `teksten nævner spørgsmålet ${m[2]}, som ikke stilles`);
    }
    // The English fills in the same figures and answers as the Danish, or the two would say different things.
    if (placeholders(text.en) !== placeholders(text.da)) add(place, `den engelske tekst udfylder ikke det samme som den danske (${placeholders(text.da) || 'intet'})`);
  };
  s.questions.forEach((q, i) => checkCondition(`questions.${i}.shownWhen`, q.shownWhen));

  const measureIds = new Set<string>();
  const ruleIds = new Set<string>();
  s.measures.forEach((m, i) => {
    const at = `measures.${i}`;
    if (measureIds.has(m.id) || PRODUCT_OUTCOMES.has(m.id)) add(`${at}.id`, `indsatsen ${m.id} står to gange eller bruger et forbeholdt navn`);
    measureIds.add(m.id);
    cites(`${at}.passage`, m.passage);
    m.criteria.forEach((c, j) => {
      const cat = `${at}.criteria.${j}`;
      if (ruleIds.has(c.id)) add(`${cat}.id`, `kriteriet ${c.id} står to gange`);
      ruleIds.add(c.id);
      if (!c.id.startsWith(`${m.id}.`)) add(`${cat}.id`, `kriteriets id skal begynde med indsatsens id (${m.id}.)`);
      cites(`${cat}.passage`, c.passage);
      checkText(`${cat}.ask`, c.ask);
      c.branches.forEach((b, k) => {
        const bat = `${cat}.branches.${k}`;
        checkCondition(`${bat}.if`, b.if);
        if (b.passage) cites(`${bat}.passage`, b.passage);
        checkText(`${bat}.text`, b.text);
        if (b.ask) checkText(`${bat}.ask`, b.ask);
        for (const q of b.missing ?? []) if (!questions.has(q)) add(`${bat}.missing`, `spørgsmålet ${q} stilles ikke (det står ikke i questions)`);
      });
    });
    m.variants?.forEach((v, j) => checkCondition(`${at}.variants.${j}.when`, v.when));
    for (const [variant, scope] of Object.entries(m.scope ?? {})) {
      for (const f of JSON.stringify(scope).matchAll(/"figure":"([^"]+)"/g)) needFigure(`${at}.scope.${variant || '""'}`, f[1] as string);
    }
    m.reviews?.forEach((r, j) => {
      const rat = `${at}.reviews.${j}`;
      cites(`${rat}.passage`, r.passage);
      checkCondition(`${rat}.when`, r.when);
      checkText(`${rat}.text`, r.text);
      for (const f of ['months' in r.after ? r.after.months : r.after.weeks, r.records ?? []].flat()) needFigure(`${rat}.after`, f.replace(/^-/, ''));
    });
    m.selectedReasons?.forEach((r, j) => {
      checkCondition(`${at}.selectedReasons.${j}.if`, r.if);
      if (!questions.has(r.question)) add(`${at}.selectedReasons.${j}.question`, `spørgsmålet ${r.question} stilles ikke`);
      checkText(`${at}.selectedReasons.${j}.text`, r.text);
    });
  });
  s.noneReasons?.forEach((r, i) => {
    checkCondition(`noneReasons.${i}.if`, r.if);
    cites(`noneReasons.${i}.passage`, r.passage);
    checkText(`noneReasons.${i}.text`, r.text);
  });
  for (const [id, place] of figures) {
    if (!(PARAMETER_IDS as readonly string[]).includes(id)) {
      add(place, `tallet ${id} findes ikke i kommunens parametre`);
      continue;
    }
    const dates = Object.keys(parameters.parameters[id as (typeof PARAMETER_IDS)[number]].values).sort();
    if ((dates[0] as string) > s.effectiveFrom) {
      add(place, `tallet ${id} har først en værdi fra ${dates[0]}, men standarden gælder fra ${s.effectiveFrom}; giv det en værdi fra ${s.effectiveFrom}`);
    }
  }

  // The hit policy: rows name measures that exist; the last row holds always or the check below finds the gap.
  s.hitPolicy.forEach((row, i) => {
    if (!measureIds.has(row.outcome) && !PRODUCT_OUTCOMES.has(row.outcome)) add(`hitPolicy.${i}.outcome`, `${row.outcome} er hverken en indsats i standarden, "needs-information" eller "none"`);
    if ('measure' in row.when && !measureIds.has(row.when.measure)) add(`hitPolicy.${i}.when.measure`, `indsatsen ${row.when.measure} findes ikke`);
    for (const p of row.precedes ?? []) if (p !== '*' && !measureIds.has(p)) add(`hitPolicy.${i}.precedes`, `indsatsen ${p} findes ikke`);
  });
  if (problems.length > 0) return { ok: false, problems, standard: s, combinations: 0 };

  const combinations = enumerate(s, parameters, add);
  return { ok: problems.length === 0, problems, standard: s, combinations };
}

type Leaf = Extract<Condition, { q: string }>;
function leaves(c: Condition): Leaf[] {
  if ('all' in c) return c.all.flatMap(leaves);
  if ('any' in c) return c.any.flatMap(leaves);
  if ('not' in c) return leaves(c.not);
  return 'q' in c ? [c] : [];
}

type Assignment = ReadonlyMap<string, unknown>;

/** The answers worth trying for a question: unanswered, and one value of each kind the file can tell apart. */
function domain(q: Question, thresholds: readonly number[]): unknown[] {
  switch (q.type) {
    case 'boolean':
      return [undefined, true, false];
    case 'choice':
      return [undefined, ...(q.options ?? []).map((o) => o.value)];
    case 'multi': {
      const options = q.options ?? [];
      const groups = [...new Set(options.map((o) => o.group))];
      const oneOfEach = groups.map((g) => [options.find((o) => o.group === g)?.value as string]);
      return [undefined, [], ...oneOfEach, options.map((o) => o.value)];
    }
    case 'months': {
      const ages = new Set([0, ...thresholds.flatMap((t) => [t - 1, t, t + 1])].filter((a) => a >= 0));
      return [undefined, ...(q.nullMeans ? [null] : []), ...[...ages].sort((a, b) => a - b)];
    }
    default:
      return [undefined, 'Begrundelse'];
  }
}

function factsOf(a: Assignment, referenceDate: string): Facts {
  const facts: Record<string, unknown> = { referenceDate };
  for (const [id, value] of a) {
    if (value === undefined) continue;
    const dot = id.indexOf('.');
    if (dot < 0) facts[id] = value;
    else ((facts[id.slice(0, dot)] ??= {}) as Record<string, unknown>)[id.slice(dot + 1)] = value;
  }
  return facts as Facts;
}

function shown(a: Assignment): string {
  const answered = [...a].filter(([, v]) => v !== undefined).map(([k, v]) => `${k}: ${JSON.stringify(v)}`);
  return answered.length > 0 ? `{ ${answered.join(', ')} }` : '{ intet besvaret }';
}

function* product(ids: readonly string[], domains: ReadonlyMap<string, unknown[]>): Generator<Map<string, unknown>> {
  const values = ids.map((id) => domains.get(id) as unknown[]);
  const index = ids.map(() => 0);
  if (values.some((v) => v.length === 0)) return;
  while (true) {
    yield new Map(ids.map((id, i) => [id, (values[i] as unknown[])[index[i] as number]]));
    let i = ids.length - 1;
    while (i >= 0 && (index[i] = ((index[i] as number) + 1) % (values[i] as unknown[]).length) === 0) i--;
    if (i < 0) return;
  }
}

const MAX_JOIN_STEPS = 2_000_000;

/**
 * Each measure over its own questions (its result depends on nothing else), at every date a
 * figure changes; then pairs of passing measures are joined on their shared questions, and every
 * combination of measure results no hit-policy row covers is searched for answers that give it.
 */
function enumerate(s: Standard, parameters: ParameterSet, add: (place: string, message: string) => void): number {
  let combinations = 0;
  const figureIds = new Set<string>();
  for (const m of s.measures) for (const c of m.criteria) for (const b of c.branches) {
    const into = { questions: [] as string[], figures: [] as string[] };
    readsOf(b.if, into);
    into.figures.forEach((f) => figureIds.add(f));
  }
  const dates = [
    ...new Set([
      s.effectiveFrom,
      ...[...figureIds].flatMap((f) => Object.keys(parameters.parameters[f as (typeof PARAMETER_IDS)[number]].values)).filter((d) => d > s.effectiveFrom && (!s.effectiveUntil || d < s.effectiveUntil)),
    ]),
  ].sort();

  for (const date of dates) {
    const p = resolveParameters(parameters, date).values;
    const thresholds = [...figureIds].map((f) => (p as Record<string, number>)[f] as number);
    const domains = new Map(s.questions.map((q) => [q.id, domain(q, thresholds)]));
    const reads = new Map<string, string[]>();
    const byResult = new Map<string, Record<Tri, Assignment[]>>();
    for (const m of s.measures) {
      const into = { questions: [] as string[], figures: [] as string[] };
      for (const c of m.criteria) for (const b of c.branches) readsOf(b.if, into);
      reads.set(m.id, into.questions);
      const sets: Record<Tri, Assignment[]> = { pass: [], fail: [], unknown: [] };
      const only: Standard = { ...s, measures: [m] };
      for (const a of product(into.questions, domains)) {
        combinations++;
        const r = evaluateStandard(only, factsOf(a, date), p)[m.id];
        if (!r) continue;
        sets[r.result].push(a);
        if (r.result === 'unknown' && r.missing.length === 0) {
          add(`measures.${s.measures.indexOf(m)}`, `${m.id} kan ikke afgøres uden at nævne et spørgsmål at stille. Modeksempel: ${shown(a)}`);
        }
      }
      byResult.set(m.id, sets);
    }

    // Two measures that can pass together must be ordered on purpose.
    const orderedBefore = (first: string, second: string): boolean => {
      const a = s.hitPolicy.findIndex((r) => r.outcome === first);
      const b = s.hitPolicy.findIndex((r) => r.outcome === second);
      return a >= 0 && b >= 0 && a < b && (s.hitPolicy[a]?.precedes ?? []).some((x) => x === '*' || x === second);
    };
    for (let i = 0; i < s.measures.length; i++) {
      for (let j = i + 1; j < s.measures.length; j++) {
        const [a, b] = [s.measures[i]?.id as string, s.measures[j]?.id as string];
        if (orderedBefore(a, b) || orderedBefore(b, a)) continue;
        const both = join([a, b], ['pass', 'pass'], reads, byResult);
        if (both) add('hitPolicy', `${a} og ${b} kan begge være opfyldt på én gang, og hit policy'en ordner dem ikke med «precedes». Modeksempel${dates.length > 1 ? ` (${date})` : ''}: ${shown(both)}`);
      }
    }

    // Every combination of results must meet a row.
    const ids = s.measures.map((m) => m.id);
    const vectors = product(ids, new Map(ids.map((id) => [id, ['pass', 'fail', 'unknown'] as Tri[]])));
    for (const v of vectors) {
      const covered = s.hitPolicy.some((row) => {
        const w = row.when;
        if ('otherwise' in w) return true;
        if ('anyMeasureIs' in w) return ids.some((id) => v.get(id) === w.anyMeasureIs);
        return v.get(w.measure) === w.is;
      });
      if (covered) continue;
      const witness = join(ids, ids.map((id) => v.get(id) as Tri), reads, byResult);
      if (witness) {
        const results = ids.map((id) => `${id} ${v.get(id) === 'pass' ? 'opfyldt' : v.get(id) === 'fail' ? 'ikke opfyldt' : 'uafklaret'}`).join(', ');
        add('hitPolicy', `ingen række i hit policy'en gælder, når ${results}: svaret ender hverken i en indsats, «none» eller «needs-information». Tilføj en sidste række { "otherwise": true }. Modeksempel: ${shown(witness)}`);
      }
    }
  }
  return combinations;
}

/** Answers that give each measure its wanted result at once, or undefined: a backtracking join on shared questions. */
function join(ids: readonly string[], wanted: readonly Tri[], reads: ReadonlyMap<string, string[]>, byResult: ReadonlyMap<string, Record<Tri, Assignment[]>>): Assignment | undefined {
  let steps = 0;
  const go = (k: number, acc: Map<string, unknown>): Assignment | undefined => {
    if (k === ids.length) return acc;
    const candidates = byResult.get(ids[k] as string)?.[wanted[k] as Tri] ?? [];
    const shared = (reads.get(ids[k] as string) ?? []).filter((q) => acc.has(q));
    for (const a of candidates) {
      if (++steps > MAX_JOIN_STEPS) return undefined;
      if (!shared.every((q) => sameAnswer(a.get(q), acc.get(q)))) continue;
      const next = new Map(acc);
      for (const [q, v] of a) next.set(q, v);
      const found = go(k + 1, next);
      if (found) return found;
    }
    return undefined;
  };
  return go(0, new Map());
}

function sameAnswer(a: unknown, b: unknown): boolean {
  return a === b || (Array.isArray(a) && Array.isArray(b) && JSON.stringify(a) === JSON.stringify(b));
}
