import { stemmer } from '@orama/stemmers/danish';
import { stopwords } from '@orama/stopwords/danish';

/**
 * Text analysis shared by the passage index and the queries it answers, so both sides
 * reduce a word to the same term.
 */

const STOPWORDS: ReadonlySet<string> = new Set(stopwords);

// Combining ring above: NFD splits "å" into "a" + U+030A, and å is a letter of its own in Danish.
const RING_ABOVE = '\u030a';
const COMBINING_MARK = /\p{M}/gu;

/** Lower-cases and drops accents (allé → alle, é → e) while keeping æ, ø and å. */
export function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARK, (mark) => (mark === RING_ABOVE ? mark : ''))
    .normalize('NFC')
    .toLowerCase();
}

/**
 * People type "paedagogisk" or "boernefaglig" on keyboards without æ, ø and å. Folding the
 * three letters into their two-letter spellings after stemming lets both spellings meet.
 */
function foldDanishLetters(term: string): string {
  return term.replace(/æ/g, 'ae').replace(/ø/g, 'oe').replace(/å/g, 'aa');
}

const WORD = /[\p{L}\p{N}]+/gu;

/** The words of a text, normalised but not stemmed, stop words included, in order. */
export function words(text: string): string[] {
  return normalise(text).match(WORD) ?? [];
}

export interface AnalysedWord {
  /** The word as normalised from the text, for telling a person what matched. */
  readonly word: string;
  /** The index term: stemmed and folded. */
  readonly term: string;
}

/** Index terms of a text with the word each came from; stop words removed. */
export function analyseWords(text: string): AnalysedWord[] {
  const out: AnalysedWord[] = [];
  for (const word of words(text)) {
    if (STOPWORDS.has(word)) continue;
    out.push({ word, term: foldDanishLetters(stemmer(word)) });
  }
  return out;
}

/** Index terms of a text, in order, stop words removed. */
export function analyse(text: string): string[] {
  return analyseWords(text).map((w) => w.term);
}
