import { CITE, riskFactorPassage } from './citations.js';
import { factLabel } from './fact-labels.js';
import type { Cited, Outcome } from './decision-types.js';
import type { Facts } from './facts.js';
import type { CriterionResult, MeasureResult } from './logic.js';
import { MEASURES, type MeasureResults } from './precedence.js';

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
const POINTING_RULES = new Set(['level1.not-family-treatment', 'level1.investigation', 'level3.capacity-established']);

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
    const reasons: Cited[] = [{ text: 'Ingen af indsatserne passer til de oplysninger, der er givet; se "hvorfor ikke" for hver indsats.', passage: CITE.niveauer }];
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
    for (const id of facts.riskFactors ?? []) reasons.push({ text: `Risikofaktor ${id} fra modellens liste.`, passage: riskFactorPassage(id) });
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
  if (winner !== 'needs-information') {
    whyNot['needs-information'] = [{ text: 'Alle oplysninger, der kan ændre svaret, er givet.', passage: MAIN_PASSAGE[winner] }];
  }
  if (winner !== 'none') {
    whyNot.none =
      winner === 'needs-information'
        ? [{ text: `Svaret kan ikke gives, før der er svar på: ${missing.map(factLabel).join('; ')}.`, passage: MAIN_PASSAGE.none }]
        : [{ text: `${LABEL[winner]} passer.`, passage: MAIN_PASSAGE[winner] }];
  }
  return whyNot;
}

function explainMeasure(measure: MeasureResult, winner: Outcome): Cited[] {
  if (measure.result === 'fail') return dedupe(measure.criteria.filter((c) => c.result === 'fail').map(cite));
  if (measure.result === 'unknown') {
    return dedupe(measure.criteria.filter((c) => c.result === 'unknown').map((c) => ({ text: `Kan ikke afgøres endnu: ${c.text}`, passage: c.passage })));
  }
  return [{ text: `Kriterierne for ${LABEL[measure.outcome].toLowerCase()} er opfyldt, men ${LABEL[winner].toLowerCase()} går forud.`, passage: MAIN_PASSAGE[measure.outcome] }];
}
