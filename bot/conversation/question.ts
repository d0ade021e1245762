import type { Locale, Localized } from '../../cards/locale.js';
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

const SAYS = {
  // The standards are Danish, so the examples stay Danish in both: they are what the search finds.
  nothing: {
    da: 'Jeg fandt ikke noget i standarderne, der passer på det, du skrev. Prøv med andre ord, fx »hvor længe varer indsatsen« eller »hvornår er der opfølgning«.',
    en: 'I found nothing in the standards that fits what you wrote. Try other words – the standards are in Danish – e.g. »hvor længe varer indsatsen« or »hvornår er der opfølgning«.',
  },
  found: { da: 'Det siger standarderne:', en: 'This is what the standards say (in their own Danish words):' },
} satisfies Record<string, Localized>;

/** The answer in the reader's language; the passages are quoted verbatim, in Danish. */
export function answerQuestion(question: string, search: SearchPassages, locale: Locale = 'da'): string {
  const query = question.trim().slice(0, MAX_QUESTION);
  const hits = query ? search(query, QUESTION_LIMIT) : [];
  if (hits.length === 0) return [SAYS.nothing[locale], '', COMMANDS_LINE[locale]].join('\n');
  const quoted = hits.map((p) => `**${p.heading}** (${p.id})\n> ${p.text}`);
  return [SAYS.found[locale], '', ...quoted.flatMap((q) => [q, '']), COMMANDS_LINE[locale]].join('\n');
}
