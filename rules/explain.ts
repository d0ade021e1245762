import { CITE, riskFactorPassage } from './citations.js';
import { factLabel } from './fact-labels.js';
import type { Cited, Outcome, TraceEntry } from './decision-types.js';
import type { Facts } from './facts.js';
import type { CriterionResult, MeasureResult } from './logic.js';
import { MEASURES, type MeasureResults } from './precedence.js';
import { riskFactorById } from './risk-factors.js';

const LABEL: Record<Outcome, string> = {
  escalate: 'Underretning',
  'needs-information': 'Der mangler oplysninger',
  preventive: 'Hjemmepædagogisk indsats',
  level1: 'Niveau 1',
  level2: 'Niveau 2',
  level3: 'Niveau 3',
  none: 'Ingen indsats',
};

/** The passage that names each outcome's target group, for summary reasons. */
const MAIN_PASSAGE: Record<Outcome, string> = {
  escalate: CITE.underretning,
  'needs-information': CITE.niveauer,
  preventive: CITE.spaend,
  level1: CITE.maalgruppe1,
  level2: CITE.maalgruppe2,
  level3: CITE.maalgruppe3,
  none: CITE.niveauer,
};

/** Failed criteria whose why-not says what the standard points to instead. */
const POINTING_RULES = new Set(['level1.not-family-treatment', 'level1.investigation', 'level3.capacity-established', 'level3.basis']);

/**
 * Criteria about the case's process, not the family: the basis (børnefaglig undersøgelse) and the
 * foreløbig handleplan. A level that fails on these alone fits the family but cannot be granted
 * YET, and the caseworker can do something about it.
 */
export const PROCESS_RULES: ReadonlySet<string> = new Set(['level1.investigation', 'level2.investigation', 'level3.basis']);

const LEVELS = ['level1', 'level2', 'level3'] as const;
type Level = (typeof LEVELS)[number];

/**
 * The level a "none" is waiting for: its concern matches the case and every criterion it fails is
 * a process one. Read from the trace, so a stored decision answers the same. Null otherwise.
 */
export function blockedLevel(outcome: Outcome, trace: readonly TraceEntry[]): Level | null {
  if (outcome !== 'none') return null;
  for (const level of LEVELS) {
    const own = trace.filter((t) => t.rule.startsWith(`${level}.`));
    const failed = own.filter((t) => t.result === 'fail');
    const concernFits = own.some((t) => t.rule === `${level}.concern` && t.result === 'pass');
    if (concernFits && failed.length > 0 && failed.every((t) => PROCESS_RULES.has(t.rule))) return level;
  }
  return null;
}

function blockedIn(results: MeasureResults): Level | null {
  return blockedLevel('none', LEVELS.flatMap((m) => results[m].criteria.map((c) => ({ rule: c.rule, result: c.result, facts: {} }))));
}

const cite = (c: CriterionResult): Cited => ({ text: c.text, passage: c.passage });

function dedupe(items: Cited[]): Cited[] {
  const seen = new Set<string>();
  return items.filter((c) => (seen.has(c.text) ? false : (seen.add(c.text), true)));
}

export function reasonsFor(outcome: Outcome, results: MeasureResults, facts: Facts): Cited[] {
  if (outcome === 'needs-information') {
    return dedupe(MEASURES.flatMap((m) => results[m].criteria.filter((c) => c.result === 'unknown' && results[m].result === 'unknown')).map(cite));
  }
  if (outcome === 'none') {
    const blocked = blockedIn(results);
    const reasons: Cited[] = blocked
      ? // What blocks the level and what to do, first: the family fits, the case's basis is not there yet.
        results[blocked].criteria
          .filter((c) => c.result === 'fail')
          .map((c) => ({ text: `${LABEL[blocked]} kan ikke bevilges endnu. ${c.text}`, passage: c.passage }))
      : [{ text: 'Ingen af indsatserne passer til de oplysninger, der er givet; se "hvorfor ikke" for hver indsats.', passage: CITE.niveauer }];
    if (facts.concern === 'none') reasons.push({ text: 'Der er ingen bekymring for barnet, så der er ikke grundlag for en indsats.', passage: CITE.spaend });
    // Where the standard points elsewhere, say so up front rather than only under "why not".
    // Only from a measure whose level of concern matches the case: it is the one that was close.
    const pointers = MEASURES.filter((m) => results[m].criteria.some((c) => c.rule === `${m}.concern` && c.result === 'pass')).flatMap((m) =>
      results[m].criteria.filter((c) => c.result === 'fail' && POINTING_RULES.has(c.rule)),
    );
    return dedupe([...reasons, ...pointers.map(cite)]);
  }
  const measure = results[outcome];
  const reasons = measure.criteria.filter((c) => c.result === 'pass').map(cite);
  if (outcome === 'preventive') {
    // An unborn child's "Barnet" factors did not count (see the preventive criterion), so they are no reason.
    const counted = (facts.riskFactors ?? []).filter((id) => !(facts.child?.ageMonths === null && id.startsWith('child-')));
    for (const id of counted) {
      const factor = riskFactorById(id);
      reasons.push({ text: `Risikofaktor fra modellens liste: ${factor ? factor.label : id}.`, passage: riskFactorPassage(id) });
    }
  }
  return dedupe(reasons);
}

/** Why every other outcome was not the answer: failed criteria, open questions, or precedence. */
export function whyNotFor(winner: Outcome, results: MeasureResults, missing: readonly string[]): Partial<Record<Outcome, Cited[]>> {
  const whyNot: Partial<Record<Outcome, Cited[]>> = {};
  for (const m of MEASURES) {
    if (m === winner) continue;
    whyNot[m] = explainMeasure(results[m], winner);
  }
  // No "why not needs-information" ("all is answered" is no passage's claim) and no "why not none"
  // when a measure fits (it would read "✗ Niveau 1 passer" under "Ingen indsats passer").
  if (winner === 'needs-information') {
    whyNot.none = [{ text: `Svaret kan ikke gives, før der er svar på: ${missing.map(factLabel).join('; ')}.`, passage: MAIN_PASSAGE.none }];
  }
  return whyNot;
}

function explainMeasure(measure: MeasureResult, winner: Outcome): Cited[] {
  if (measure.result === 'fail') return dedupe(measure.criteria.filter((c) => c.result === 'fail').map(cite));
  if (measure.result === 'unknown') {
    return dedupe(measure.criteria.filter((c) => c.result === 'unknown').map((c) => ({ text: `Kan ikke afgøres endnu: ${c.text}`, passage: c.passage })));
  }
  const ahead =
    winner === 'needs-information'
      ? 'men der mangler svar på spørgsmål, som kan ændre anbefalingen'
      : winner === 'escalate'
        ? 'men underretningen går forud'
        : `men ${LABEL[winner].toLowerCase()} går forud`;
  return [{ text: `Kriterierne for ${LABEL[measure.outcome].toLowerCase()} er opfyldt, ${ahead}.`, passage: MAIN_PASSAGE[measure.outcome] }];
}
