import type { WeightedTerm } from './bm25.js';

/**
 * Stand-ins for a query term the index does not have, so a misspelling ("bevilges" for the
 * standard's "bevilliges") or one half of a Danish compound ("depression" in
 * "fødselsdepression", "hjemmebesøg" around "besøg") still finds its passage, at a lower weight
 * than an exact match.
 */

const MIN_COMPOUND_PART = 5;
const SPELLING_WEIGHT = 0.7;
const COMPOUND_WEIGHT = 0.5;

function editDistanceAtMost(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return false;
    previous = current;
  }
  return previous[b.length]! <= max;
}

export function nearTerms(term: string, vocabulary: Iterable<string>): WeightedTerm[] {
  if (term.length < 4 || /^\d+$/.test(term)) return [];
  const maxEdits = term.length >= 8 ? 2 : 1;
  const out: WeightedTerm[] = [];
  for (const known of vocabulary) {
    if (/^\d+$/.test(known)) continue;
    if (known.length >= 4 && editDistanceAtMost(term, known, maxEdits)) {
      out.push({ term: known, weight: SPELLING_WEIGHT });
    } else if (
      (term.length >= MIN_COMPOUND_PART && known.length > term.length && (known.endsWith(term) || known.startsWith(term))) ||
      (known.length >= MIN_COMPOUND_PART && term.length > known.length && (term.endsWith(known) || term.startsWith(known)))
    ) {
      out.push({ term: known, weight: COMPOUND_WEIGHT });
    }
  }
  return out;
}
