import { COMMANDS_LINE } from './plan-commands.js';

/**
 * Free text that is not a command is a question about the standards. The answer is the standards'
 * own words: the best passages, verbatim, each with its id, and no generated text. A question with
 * no match says so and how to ask instead.
 */

export interface FoundPassage {
  id: string;
  heading: string;
  text: string;
}

export type SearchPassages = (query: string, limit: number) => readonly FoundPassage[];

export const QUESTION_LIMIT = 3;
const MAX_QUESTION = 500;

export function answerQuestion(question: string, search: SearchPassages): string {
  const query = question.trim().slice(0, MAX_QUESTION);
  const hits = query ? search(query, QUESTION_LIMIT) : [];
  if (hits.length === 0) {
    return [
      'Jeg fandt ikke noget i standarderne, der passer på det, du skrev. Prøv med andre ord, fx »hvor længe varer indsatsen« eller »hvornår er der opfølgning«.',
      '',
      COMMANDS_LINE,
    ].join('\n');
  }
  const quoted = hits.map((p) => `**${p.heading}** (${p.id})\n> ${p.text}`);
  return ['Det siger standarderne:', '', ...quoted.flatMap((q) => [q, '']), COMMANDS_LINE].join('\n');
}
