import type { PassageIndex } from './passage-index.js';

export interface LabelledQuestion {
  readonly question: string;
  readonly expected: string;
}

export interface RecallResult {
  /** Share of questions whose expected passage is among the top k. */
  readonly recall: number;
  readonly misses: readonly { question: string; expected: string; got: readonly string[] }[];
}

/** recall@k of the index over labelled questions: the measure the tests floor and the bench reports. */
export function recallAtK(index: PassageIndex, questions: readonly LabelledQuestion[], k: number): RecallResult {
  const misses: { question: string; expected: string; got: string[] }[] = [];
  for (const { question, expected } of questions) {
    const got = index.search(question, k).map((h) => h.id);
    if (!got.includes(expected)) misses.push({ question, expected, got });
  }
  return { recall: questions.length === 0 ? 0 : 1 - misses.length / questions.length, misses };
}
