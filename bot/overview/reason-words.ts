import { stopwords } from '@orama/stopwords/danish';
import { maskCpr } from '../privacy/cpr.js';
import { PLACEHOLDER, Pseudonymiser } from '../../prompts/pseudonymise.js';
import { BoundedCache } from './bounded-cache.js';

/**
 * The most common words of the override reasons. The reasons are free text a caseworker wrote, so
 * each is put through the product's own masking first (CPR numbers, the case's registered names,
 * listed names and places, phone numbers, e-mails, addresses), and the masks are dropped rather
 * than counted: what is left are ordinary words. Short words and Danish stopwords say nothing of
 * why the recommendation was not followed, so they go too.
 */

export interface ReasonText {
  /** The decision the reason belongs to: its words are kept per decision, as a decision never changes. */
  key?: string;
  reference: string;
  text: string;
  /** The case's registered names (pseudonym, caseworker): masked wherever they occur. */
  names: readonly string[];
}

export interface CommonWord {
  word: string;
  /** How many reasons use the word (a word repeated in one reason counts once). */
  reasons: number;
  /** The cases whose reasons use it, each once. */
  cases: string[];
}

const STOPWORDS: ReadonlySet<string> = new Set(stopwords);
// Words the masking leaves that are parts of a mask, never the caseworker's own.
const MASK_WORDS: ReadonlySet<string> = new Set(['fjernet']);
const MIN_LETTERS = 4;
const WORD = /\p{L}+(?:-\p{L}+)*/gu;

/** The reason's words after masking, lower-cased, each once. */
export function maskedWords(reason: ReasonText): Set<string> {
  const masked = new Pseudonymiser({ names: reason.names.filter((n) => n.trim() !== '') })
    .pseudonymise(maskCpr(reason.text, ' '))
    .replace(PLACEHOLDER, ' ');
  const words = new Set<string>();
  for (const match of masked.matchAll(WORD)) {
    // A capital inside a sentence may be a name no list knows: such a word is not counted.
    if (/^\p{Lu}/u.test(match[0]) && !startsSentence(masked, match.index)) continue;
    const word = match[0].toLowerCase();
    if ([...word].filter((ch) => /\p{L}/u.test(ch)).length < MIN_LETTERS) continue;
    if (STOPWORDS.has(word) || MASK_WORDS.has(word)) continue;
    words.add(word);
  }
  return words;
}

function startsSentence(text: string, at: number): boolean {
  const before = text.slice(0, at).trimEnd();
  return before === '' || /[.!?:;]$/.test(before);
}

// Masking is the costly part of a view (the name lists); a decision's reason and names give the
// same words every time, so they are kept, masked, per decision. Only masked words are held.
const wordsByDecision = new BoundedCache<string, Set<string>>(20_000);

/** The `limit` words used by most reasons; ties in alphabetical order, so the list is stable. */
export function commonWords(reasons: readonly ReasonText[], limit = 10): CommonWord[] {
  const byWord = new Map<string, { reasons: number; cases: Set<string> }>();
  for (const reason of reasons) {
    const words = reason.key === undefined ? maskedWords(reason) : wordsByDecision.get(`${reason.key}\u0000${reason.names.join('\u0000')}`, () => maskedWords(reason));
    for (const word of words) {
      const entry = byWord.get(word) ?? { reasons: 0, cases: new Set<string>() };
      entry.reasons += 1;
      entry.cases.add(reason.reference);
      byWord.set(word, entry);
    }
  }
  return [...byWord.entries()]
    .sort(([a, x], [b, y]) => y.reasons - x.reasons || a.localeCompare(b, 'da'))
    .slice(0, limit)
    .map(([word, e]) => ({ word, reasons: e.reasons, cases: [...e.cases].sort() }));
}
