import { analyse, analyseWords } from './analyse.js';
import { Bm25Index, type FieldSpec, type WeightedTerm } from './bm25.js';
import { nearTerms } from './near-terms.js';

/** What the index needs of a passage; the passages module's records satisfy it as they are. */
export interface SearchablePassage {
  readonly id: string;
  readonly heading: string;
  readonly text: string;
  /**
   * Words a person uses for what the passage is about that its heading and text do not say
   * (e.g. "niveau 2 intensiv" for a heading "Ad. 2"); searched, never shown.
   */
  readonly context?: string;
}

export interface PassageHit {
  readonly id: string;
  /** BM25 score, rounded to 4 decimals so printed results are stable. */
  readonly score: number;
  readonly heading: string;
  /** The passage's own words, verbatim. */
  readonly text: string;
  /** The words of the query that this passage matched, for telling a person why it came up. */
  readonly matchedWords: readonly string[];
}

// A heading names what a passage is about ("Omfang › Ad. 2"), so its words weigh more.
const FIELDS: readonly FieldSpec[] = [
  { name: 'text', weight: 1 },
  { name: 'heading', weight: 2 },
  { name: 'context', weight: 1 },
];

export const DEFAULT_LIMIT = 5;

export class PassageIndex {
  private readonly index: Bm25Index<SearchablePassage>;
  private readonly byId: ReadonlyMap<string, SearchablePassage>;

  /** Takes the passages as an argument so the index can be built over any set, e.g. in tests. */
  constructor(passages: readonly SearchablePassage[]) {
    this.byId = new Map(passages.map((p) => [p.id, p]));
    this.index = new Bm25Index(
      passages.map((p) => ({ key: p, fields: { text: analyse(p.text), heading: analyse(p.heading), context: analyse(p.context ?? '') } })),
      FIELDS,
    );
  }

  get(id: string): SearchablePassage | undefined {
    return this.byId.get(id);
  }

  search(query: string, limit = DEFAULT_LIMIT): PassageHit[] {
    const terms: WeightedTerm[] = [];
    // Which of the person's words each index term stands for, to say why a passage came up.
    const origin = new Map<string, Set<string>>();
    for (const { word, term } of analyseWords(query)) {
      const found = this.index.hasTerm(term) ? [{ term, weight: 1 }] : nearTerms(term, this.index.terms());
      for (const t of found) {
        terms.push(t);
        origin.set(t.term, (origin.get(t.term) ?? new Set()).add(word));
      }
    }
    return this.index.search(terms, limit).map(({ key, score, matched }) => ({
      id: key.id,
      score: Math.round(score * 10_000) / 10_000,
      heading: key.heading,
      text: key.text,
      matchedWords: [...new Set(matched.flatMap((t) => [...(origin.get(t) ?? [])]))],
    }));
  }
}
