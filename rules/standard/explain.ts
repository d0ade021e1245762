import type { Cited, Outcome, TraceEntry } from '../decision-types.js';
import type { Facts } from '../facts.js';
import type { CriterionResult, MeasureResult } from '../logic.js';
import type { ParameterValues } from '../parameters/ids.js';
import { answerOf, evaluate } from './conditions.js';
import { compiled, contextFor, type StandardResults } from './evaluate.js';
import type { Language, Measure, Standard, Text } from './schema.js';

/**
 * Reasons and why-nots from a standard's own words: the measures' names and target-group
 * passages, and the criteria the file marks as fit (the level of concern), process (undersøgelse,
 * plan) or pointing elsewhere. The sentences around them are the product's.
 */

const cite = (c: CriterionResult): Cited => ({ text: c.text, en: c.en ?? c.text, passage: c.passage });

/** The first of each text, in order (the lists are a handful long: a scan beats a set). */
function dedupe(items: readonly Cited[]): Cited[] {
  const out: Cited[] = [];
  for (const c of items) if (!hasText(out, c.text)) out.push(c);
  return out;
}

function hasText(list: readonly Cited[], text: string): boolean {
  for (const c of list) if (c.text === text) return true;
  return false;
}

/** The criteria with this result, cited, each text once. */
function citedWith(criteria: readonly CriterionResult[], result: CriterionResult['result']): Cited[] {
  const out: Cited[] = [];
  for (const c of criteria) if (c.result === result && !hasText(out, c.text)) out.push(cite(c));
  return out;
}

type Flag = 'fit' | 'process' | 'pointsElsewhere';
type Flags = Record<Flag, ReadonlySet<string>> & { prefix: string };
const FLAGGED = new WeakMap<Measure, Flags>();

/** The ids of a measure's criteria with each flag, and the prefix of its rule ids, worked out once per file. */
function flagsOf(m: Measure): Flags {
  let sets = FLAGGED.get(m);
  if (!sets) {
    const of = (f: Flag): ReadonlySet<string> => new Set(m.criteria.filter((c) => c[f] === true).map((c) => c.id));
    sets = { fit: of('fit'), process: of('process'), pointsElsewhere: of('pointsElsewhere'), prefix: `${m.id}.` };
    FLAGGED.set(m, sets);
  }
  return sets;
}

function flagged(m: Measure, flag: Flag): ReadonlySet<string> {
  return flagsOf(m)[flag];
}

/**
 * The measure a "none" is waiting for: its fit criterion passed and every criterion it fails is
 * a process one. Read from the trace, so a stored decision answers the same. Null otherwise.
 */
export function blockedMeasure(standard: Standard, outcome: string, trace: readonly Pick<TraceEntry, 'rule' | 'result'>[]): string | null {
  if (outcome !== 'none') return null;
  for (const m of standard.measures) {
    const { process, fit, prefix } = flagsOf(m);
    if (process.size === 0) continue;
    // Its own entries: does the fit one pass, and is every failure a process one?
    let fits = false;
    let failed = 0;
    let onlyProcess = true;
    for (const t of trace) {
      if (!t.rule.startsWith(prefix)) continue;
      if (t.result === 'fail') {
        failed++;
        if (!process.has(t.rule)) onlyProcess = false;
      } else if (t.result === 'pass' && fit.has(t.rule)) fits = true;
    }
    if (fits && failed > 0 && onlyProcess) return m.id;
  }
  return null;
}

function nameOf(standard: Standard, id: string): Text {
  return compiled(standard).measures.get(id)?.name ?? { da: id, en: id };
}

export function standardReasons(standard: Standard, outcome: string, results: StandardResults, facts: Facts, p: ParameterValues): Cited[] {
  const measures = standard.measures;
  if (outcome === 'needs-information') {
    return dedupe(measures.flatMap((m) => (results[m.id]?.result === 'unknown' ? (results[m.id] as MeasureResult).criteria.filter((c) => c.result === 'unknown') : [])).map(cite));
  }
  if (outcome === 'none') {
    // Every measure's criteria in the file's order, read as a stored decision's trace would be.
    const all: CriterionResult[] = [];
    for (const m of measures) for (const c of (results[m.id] as MeasureResult).criteria) all.push(c);
    const blocked = blockedMeasure(standard, 'none', all);
    const reasons: Cited[] = blocked
      ? // What blocks the measure and what to do, first: the family fits, the case's basis is not there yet.
        (results[blocked] as MeasureResult).criteria
          .filter((c) => c.result === 'fail')
          .map((c) => ({
            text: `${nameOf(standard, blocked).da} kan ikke bevilges endnu. ${c.text}`,
            en: `${nameOf(standard, blocked).en} cannot be granted yet. ${c.en ?? c.text}`,
            passage: c.passage,
          }))
      : [
          {
            text: 'Ingen af indsatserne passer til de oplysninger, der er givet; se "hvorfor ikke" for hver indsats.',
            en: 'None of the measures fits the information given; see "why not" for each measure.',
            passage: standard.passages.overview,
          },
        ];
    const ctx = contextFor(standard, facts, p);
    for (const r of standard.noneReasons ?? []) if (evaluate(r.if, ctx).result === 'pass') reasons.push({ text: r.text.da, en: r.text.en, passage: r.passage });
    // Where the standard points elsewhere, say so up front rather than only under "why not".
    // Only from a measure whose fit criterion passed: it is the one that was close.
    const pointers = measures
      .filter((m) => {
        const fit = flagged(m, 'fit');
        return (results[m.id] as MeasureResult).criteria.some((c) => fit.has(c.rule) && c.result === 'pass');
      })
      .flatMap((m) => {
        const points = flagged(m, 'pointsElsewhere');
        return (results[m.id] as MeasureResult).criteria.filter((c) => c.result === 'fail' && points.has(c.rule));
      });
    return dedupe([...reasons, ...pointers.map(cite)]);
  }
  const measure = results[outcome] as MeasureResult;
  const reasons = measure.criteria.filter((c) => c.result === 'pass').map(cite);
  const spec = compiled(standard).measures.get(outcome);
  if (spec?.selectedReasons) {
    const ctx = contextFor(standard, facts, p);
    const list = spec.selectedReasons.find((r) => !r.if || evaluate(r.if, ctx).result === 'pass');
    if (list) {
      const question = compiled(standard).questions.get(list.question);
      const chosen = answerOf(facts, list.question);
      for (const value of Array.isArray(chosen) ? (chosen as string[]) : []) {
        const option = question?.options?.find((o) => o.value === value);
        if (list.groups && !list.groups.includes(option?.group ?? '')) continue;
        reasons.push({
          text: list.text.da.replace('{option}', option ? option.label.da : value),
          en: list.text.en.replace('{option}', option ? option.label.en : value),
          passage: option?.passage ?? spec.passage,
        });
      }
    }
  }
  return dedupe(reasons);
}

/** Why every other measure was not the answer: failed criteria, open questions, or precedence. */
export function standardWhyNot(
  standard: Standard,
  winner: string,
  results: StandardResults,
  missing: readonly string[],
): Partial<Record<Outcome, Cited[]>> {
  const whyNot: Record<string, Cited[]> = {};
  for (const m of standard.measures) {
    if (m.id === winner) continue;
    whyNot[m.id] = explainMeasure(standard, m, results[m.id] as MeasureResult, winner);
  }
  // No "why not needs-information" ("all is answered" is no passage's claim) and no "why not none"
  // when a measure fits (it would read "✗ Niveau 1 passer" under "Ingen indsats passer").
  if (winner === 'needs-information') {
    const questions = compiled(standard).questions;
    const labels = (language: Language) => missing.map((id) => questions.get(id)?.label[language] ?? id).join('; ');
    whyNot.none = [
      {
        text: `Svaret kan ikke gives, før der er svar på: ${labels('da')}.`,
        en: `The answer cannot be given until there are answers on: ${labels('en')}.`,
        passage: standard.passages.overview,
      },
    ];
  }
  return whyNot as Partial<Record<Outcome, Cited[]>>;
}

function explainMeasure(standard: Standard, spec: Measure, measure: MeasureResult, winner: string): Cited[] {
  if (measure.result === 'fail') return citedWith(measure.criteria, 'fail');
  if (measure.result === 'unknown') {
    const out: Cited[] = [];
    for (const c of measure.criteria) {
      if (c.result !== 'unknown') continue;
      const text = `Kan ikke afgøres endnu: ${c.text}`;
      if (!hasText(out, text)) out.push({ text, en: `Cannot be settled yet: ${c.en ?? c.text}`, passage: c.passage });
    }
    return out;
  }
  const { text, en } = metButNot(standard, spec, winner);
  return [{ text, en, passage: spec.passage }];
}

const MET_BUT_NOT = new WeakMap<Measure, Map<string, { text: string; en: string }>>();

/** "The criteria for this measure are met, but …": the same words for every decision with this winner, so worked out once. */
function metButNot(standard: Standard, spec: Measure, winner: string): { text: string; en: string } {
  let byWinner = MET_BUT_NOT.get(spec);
  if (!byWinner) {
    byWinner = new Map();
    MET_BUT_NOT.set(spec, byWinner);
  }
  let words = byWinner.get(winner);
  if (!words) {
    const winnerSpec = compiled(standard).measures.get(winner);
    const inSentence = (language: Language): string => winnerSpec?.nameInSentence?.[language] ?? (winnerSpec?.name[language] ?? winner).toLowerCase();
    words =
      winner === 'needs-information'
        ? {
            text: `Kriterierne for ${spec.name.da.toLowerCase()} er opfyldt, men der mangler svar på spørgsmål, som kan ændre anbefalingen.`,
            en: `The criteria for ${spec.name.en.toLowerCase()} are met, but questions that can change the recommendation are unanswered.`,
          }
        : {
            text: `Kriterierne for ${spec.name.da.toLowerCase()} er opfyldt, men ${inSentence('da')} går forud.`,
            en: `The criteria for ${spec.name.en.toLowerCase()} are met, but ${inSentence('en')} comes first.`,
          };
    byWinner.set(winner, words);
  }
  return words;
}
