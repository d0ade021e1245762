import { passageById } from '../../rules/passages/index.js';
import { standardPassageById } from '../../rules/standard/passages.js';
import { standardIndexFor } from '../search/standard-index.js';
import { standardInForce } from './deciding.js';
import type { Turn } from './deps.js';
import type { Card } from './types.js';

const ANSWER_PASSAGES = 3;

/** "standard <spørgsmål>": the passages that best answer the question, verbatim, with their ids. */
export function answerFromStandard(turn: Turn, question: string): Card {
  // Under the tenant's own standard when the bot knows each tenant's: its passages, its own among them.
  const standard = turn.deps.standards ? standardInForce(turn).standard : undefined;
  const index = standard ? standardIndexFor(standard) : turn.deps.passages;
  const passages = index
    .search(question, ANSWER_PASSAGES)
    .map((hit) => (standard ? standardPassageById(standard, hit.id) : passageById(hit.id)))
    .filter((p) => p !== undefined)
    // Its own passages under its own name; the product's sources by theirs (cards/standard-answer.ts).
    .map(({ id, source, heading, text }) => ({ id, source: source === 'own' && standard ? standard.name.da : source, heading, text }));
  return turn.deps.views.standardAnswer(turn.locale, question, passages);
}
