/**
 * Okapi BM25 over documents with weighted fields (the BM25F way: each field's term frequency is
 * normalised by that field's length, weighted, and summed before saturation), so a word in a
 * short heading counts for more than the same word deep in a long paragraph.
 */

export interface Bm25Params {
  /** Term-frequency saturation. */
  readonly k1: number;
  /** Length normalisation, 0 (none) to 1 (full). */
  readonly b: number;
}

export const DEFAULT_BM25: Bm25Params = { k1: 1.2, b: 0.75 };

export interface FieldSpec {
  readonly name: string;
  readonly weight: number;
}

/** A document as the index sees it: its key and, per field name, the terms in that field. */
export interface Bm25Document<K> {
  readonly key: K;
  readonly fields: Readonly<Record<string, readonly string[]>>;
}

export interface WeightedTerm {
  readonly term: string;
  readonly weight: number;
}

export interface Bm25Hit<K> {
  readonly key: K;
  readonly score: number;
  /** The query terms found in this document. */
  readonly matched: readonly string[];
}

interface IndexedDoc<K> {
  readonly key: K;
  /** Per field: term → frequency. */
  readonly tf: ReadonlyMap<string, ReadonlyMap<string, number>>;
  readonly length: ReadonlyMap<string, number>;
}

export class Bm25Index<K> {
  private readonly docs: IndexedDoc<K>[];
  private readonly docFreq = new Map<string, number>();
  private readonly avgLength = new Map<string, number>();

  constructor(
    documents: readonly Bm25Document<K>[],
    private readonly fieldSpecs: readonly FieldSpec[],
    private readonly params: Bm25Params = DEFAULT_BM25,
  ) {
    this.docs = documents.map((doc) => {
      const tf = new Map<string, Map<string, number>>();
      const length = new Map<string, number>();
      const seen = new Set<string>();
      for (const { name } of fieldSpecs) {
        const terms = doc.fields[name] ?? [];
        const counts = new Map<string, number>();
        for (const t of terms) {
          counts.set(t, (counts.get(t) ?? 0) + 1);
          seen.add(t);
        }
        tf.set(name, counts);
        length.set(name, terms.length);
      }
      for (const t of seen) this.docFreq.set(t, (this.docFreq.get(t) ?? 0) + 1);
      return { key: doc.key, tf, length };
    });
    for (const { name } of fieldSpecs) {
      const total = this.docs.reduce((sum, d) => sum + (d.length.get(name) ?? 0), 0);
      this.avgLength.set(name, this.docs.length === 0 ? 0 : total / this.docs.length);
    }
  }

  get size(): number {
    return this.docs.length;
  }

  hasTerm(term: string): boolean {
    return this.docFreq.has(term);
  }

  /** Every term in the index, for finding near matches to a term it lacks. */
  terms(): IterableIterator<string> {
    return this.docFreq.keys();
  }

  /**
   * Robertson–Spärck Jones inverse document frequency, floored at zero: a word found in half the
   * passages or more ("kan", "forældre" in these standards) tells them apart no better than
   * chance, so it adds nothing. This corpus-based cut stands in for stop words that the
   * maintained list lacks, without a home-made list.
   */
  private idf(term: string): number {
    const n = this.docFreq.get(term) ?? 0;
    return Math.max(0, Math.log((this.docs.length - n + 0.5) / (n + 0.5)));
  }

  /**
   * Documents with a positive score, best first; ties keep document order so results are stable.
   * A query term may carry a weight below 1 when it stands in for a word the index lacks.
   */
  search(queryTerms: readonly (string | WeightedTerm)[], limit: number): Bm25Hit<K>[] {
    const weights = new Map<string, number>();
    for (const q of queryTerms) {
      const { term, weight } = typeof q === 'string' ? { term: q, weight: 1 } : q;
      if (this.docFreq.has(term)) weights.set(term, Math.max(weights.get(term) ?? 0, weight));
    }
    const unique = [...weights.keys()];
    const { k1, b } = this.params;
    const hits: (Bm25Hit<K> & { order: number })[] = [];
    this.docs.forEach((doc, order) => {
      let score = 0;
      const matched: string[] = [];
      for (const term of unique) {
        let weightedTf = 0;
        for (const { name, weight } of this.fieldSpecs) {
          const f = doc.tf.get(name)?.get(term) ?? 0;
          if (f === 0) continue;
          const avg = this.avgLength.get(name) || 1;
          const norm = 1 - b + (b * (doc.length.get(name) ?? 0)) / avg;
          weightedTf += (weight * f) / norm;
        }
        if (weightedTf === 0) continue;
        matched.push(term);
        score += weights.get(term)! * this.idf(term) * ((weightedTf * (k1 + 1)) / (weightedTf + k1));
      }
      if (score > 0) hits.push({ key: doc.key, score, matched, order });
    });
    hits.sort((x, y) => y.score - x.score || x.order - y.order);
    return hits.slice(0, limit).map(({ key, score, matched }) => ({ key, score, matched }));
  }
}
