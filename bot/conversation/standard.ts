import { passageById } from '../../rules/passages/index.js';
import type { Turn } from './deps.js';
import type { Card } from './types.js';

const ANSWER_PASSAGES = 3;

/** "standard <spørgsmål>": the passages that best answer the question, verbatim, with their ids. */
export function answerFromStandard(turn: Turn, question: string): Card {
  const passages = turn.deps.passages
    .search(question, ANSWER_PASSAGES)
    .map((hit) => passageById(hit.id))
    .filter((p) => p !== undefined)
    .map(({ id, source, heading, text }) => ({ id, source, heading, text }));
  return turn.deps.views.standardAnswer(turn.locale, question, passages);
}
