import { findCprLike } from '../bot/privacy/cpr.js';
import { nameLists } from '../bot/privacy/name-lists.js';
import { findNamesAndPlaces } from '../bot/privacy/names.js';
import type { KnowsWord } from './danish-words.js';

/**
 * Replaces personal data with stable placeholders before text leaves for a language model, and
 * puts the real words back into what the model answers, for the person reading it. The mapping
 * lives only in this object, for one summary; it is never sent and never stored.
 */

export type PlaceholderKind = 'NAVN' | 'CPR' | 'TLF' | 'EMAIL' | 'ADRESSE' | 'STED' | 'INSTITUTION';

export interface PseudonymiserOptions {
  /** Names registered on the case (full names and parts are both masked wherever they occur). */
  readonly names: readonly string[];
  /**
   * Danish dictionary check on a lower-cased word. A capitalised word inside a sentence whose
   * lower-case form is not a Danish word is taken for a name. Without it only registered names
   * are masked as persons.
   */
  readonly knowsWord?: KnowsWord;
}

export const PLACEHOLDER = /\[(NAVN|CPR|TLF|EMAIL|ADRESSE|STED|INSTITUTION)_(\d+)\]/g;

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

// An address read aloud or written to dodge a filter: "mette snabel-a mail punktum dk",
// "mette at mail dot dk", "mette (at) mail (dot) dk". It must end in a known top-level domain, so
// the Danish "at" in ordinary sentences is left alone.
const SPOKEN_DOT = String.raw`(?:\s*\.\s*|\s+(?:punktum|dot|prik)\s+|\s*[([](?:dot|punktum)[)\]]\s*)`;
const SPOKEN_AT = String.raw`(?:\s*@\s*|\s+(?:snabel-?\s?a|at)\s+|\s*[([](?:at|snabel-?a)[)\]]\s*)`;
const SPOKEN_EMAIL = new RegExp(
  String.raw`(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}_%+-]+(?:${SPOKEN_DOT}[\p{L}\p{N}_%+-]+)*${SPOKEN_AT}[\p{L}\p{N}-]+(?:${SPOKEN_DOT}[\p{L}\p{N}-]+)*?${SPOKEN_DOT}(?:dk|com|net|org|se|no|de|eu|nu|info|io|gl|fo|me|uk|fi|is)(?![\p{L}\p{N}])`,
  'giu',
);

// Danish numbers have 8 digits, written together, in pairs or in fours, with spaces, dashes or
// dots between the groups (the same one throughout), maybe after +45 or 0045. Two years
// ("2024-2025") are not a number; ISO dates (2024-03-12) have the wrong grouping.
const PHONE =
  /(?<![\p{N}+])(?!(?:19|20)\d\d[ .-](?:19|20)\d\d(?!\p{N}))(?:(?:\+|00)\s?45[\s.-]?)?(?:\d{2}([ .-]?)\d{2}\1\d{2}\1\d{2}|\d{4}[ .-]\d{4})(?!\p{N})/gu;

const STREET_SUFFIX =
  'gade|gaden|vej|vejen|pladsen|torvet|allé|alle|stræde|plads|vænge|torv|boulevard|park|parken|have|haven|toft|høj|bakke|bakken|sti|stien|vang|vangen|løkke|mark|marken|eng|engen|gård|hegn|holm|dal|lund|kvarter|passage|krog|kaj|bro|tværvej|vænget|stok';
const STREET_WORD = `\\p{Lu}[\\p{L}'-]*?(?:${STREET_SUFFIX})`;
const STREET_CAPITAL = `(?:${STREET_SUFFIX.split('|').map((s) => s[0]!.toUpperCase() + s.slice(1)).join('|')})`;
// "Vestergade 12, 2. th", "Nørrebrogade 3B", "Jens Baggesens Vej 90, st. tv., 8200 Aarhus N"
const ADDRESS = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:(?:\\p{Lu}[\\p{L}.'-]*\\s){0,3}(?:${STREET_WORD}|${STREET_CAPITAL}))` +
    `\\s+\\d{1,4}(?:\\s?[A-Za-z](?![\\p{L}]))?` +
    // The floor's closing dot is left out, as it may also end the sentence.
    `(?:,?\\s*(?:\\d{1,2}\\.?\\s*(?:sal|th|tv|mf)|st(?:\\.?\\s*(?:th|tv|mf))?|kld)(?![\\p{L}]))?` +
    `(?:\\.?,?\\s*\\d{4}\\s+\\p{Lu}[\\p{L}-]+(?:\\s[A-ZÆØÅ](?![\\p{L}]))?)?`,
  'gu',
);

// The same in lower case, "nørregade 20, 2. th": a street word is one word ending in a street
// suffix after at least two letters, so "have 2" or "vejen 3" alone are left as they are.
const LOWER_ADDRESS = new RegExp(
  `(?<![\\p{L}\\p{N}])\\p{L}{2,}?(?:${STREET_SUFFIX})` +
    `\\s+\\d{1,4}(?:\\s?[A-Za-z](?![\\p{L}]))?` +
    `(?:,?\\s*(?:\\d{1,2}\\.?\\s*(?:sal|th|tv|mf)|st(?:\\.?\\s*(?:th|tv|mf))?|kld)(?![\\p{L}]))?` +
    `(?:\\.?,?\\s*\\d{4}\\s+\\p{L}[\\p{L}-]+)?`,
  'giu',
);

const CAPITALISED_WORD = /(?<![\p{L}\p{N}_[])\p{Lu}[\p{L}'-]*(?![\p{L}\p{N}])/gu;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** True when nothing but quotes, brackets and spaces stand between the word and a sentence start. */
function startsSentence(text: string, at: number): boolean {
  for (let i = at - 1; i >= 0; i--) {
    const c = text[i]!;
    if (c === '\n') return true;
    if (/[\s"'“”„«»(–—•*-]/u.test(c)) continue;
    return /[.!?]/.test(c);
  }
  return true;
}

export class Pseudonymiser {
  private readonly byValue = new Map<string, string>();
  private readonly byPlaceholder = new Map<string, string>();
  private readonly counters = new Map<PlaceholderKind, number>();
  private readonly namePattern: RegExp | undefined;
  private readonly knowsWord: KnowsWord | undefined;

  constructor(options: PseudonymiserOptions) {
    this.knowsWord = options.knowsWord;
    const names = new Set<string>();
    for (const name of options.names) {
      const full = name.trim().replace(/\s+/g, ' ');
      if (full.length < 2) continue;
      names.add(full);
      // A part that is an ordinary word and no listed name ("Barn" of "Barn A") is not masked alone:
      // it would hide "barn" in every note. The whole registered name still is.
      for (const part of full.split(' ')) {
        const lower = part.toLocaleLowerCase('da');
        if (part.length >= 2 && (part === full || !this.knowsWord?.(lower) || nameLists().names.has(lower))) names.add(part);
      }
    }
    // Longest first, so "Mette Jensen" becomes one placeholder rather than two.
    const alternatives = [...names].sort((a, b) => b.length - a.length).map(escapeRegExp);
    this.namePattern =
      alternatives.length === 0
        ? undefined
        : new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?=s?(?![\\p{L}\\p{N}]))`, 'giu');
  }

  /** The placeholder for a value, the same one each time the same value is seen. */
  private placeholder(kind: PlaceholderKind, value: string): string {
    const key = `${kind}:${value.toLocaleLowerCase('da')}`;
    const known = this.byValue.get(key);
    if (known) return known;
    const n = (this.counters.get(kind) ?? 0) + 1;
    this.counters.set(kind, n);
    const ph = `[${kind}_${n}]`;
    this.byValue.set(key, ph);
    this.byPlaceholder.set(ph, value);
    return ph;
  }

  /** Text with every piece of personal data it recognises replaced by a placeholder. */
  pseudonymise(text: string): string {
    let out = text.replace(EMAIL, (m) => this.placeholder('EMAIL', m));
    out = out.replace(SPOKEN_EMAIL, (m) => this.placeholder('EMAIL', m));
    for (const cpr of new Set(findCprLike(out))) out = out.split(cpr).join(this.placeholder('CPR', cpr));
    out = out.replace(PHONE, (m) => this.placeholder('TLF', m));
    out = out.replace(ADDRESS, (m) => this.placeholder('ADRESSE', m.trim()));
    out = out.replace(LOWER_ADDRESS, (m) => this.placeholder('ADRESSE', m.trim()));
    if (this.namePattern) out = out.replace(this.namePattern, (m) => this.placeholder('NAVN', m));
    out = this.maskListed(out);
    return this.maskNameLikeWords(out);
  }

  /**
   * Listed names (at a sentence start and in lower case too), towns and institutions with their
   * names (bot/privacy/names.ts); placeholders already in the text are left as they are.
   */
  private maskListed(text: string): string {
    const placeholders = [...text.matchAll(PLACEHOLDER)].map((m) => [m.index, m.index + m[0].length] as const);
    const spans = findNamesAndPlaces(text).filter((s) => !placeholders.some(([a, b]) => s.start < b && s.end > a));
    // Numbered in reading order, spliced in from the end so earlier offsets stay right.
    const withPlaceholders = spans.map((s) => ({ ...s, ph: this.placeholder(s.kind, text.slice(s.start, s.end)) }));
    let out = text;
    for (const s of withPlaceholders.reverse()) out = out.slice(0, s.start) + s.ph + out.slice(s.end);
    return out;
  }

  /**
   * Capitalised words inside a sentence that the dictionary does not know as lower-case words
   * are taken for names; once a word is taken for a name it is masked everywhere, also where it
   * starts a sentence. Acronyms (all capitals) are left alone.
   */
  private maskNameLikeWords(text: string): string {
    const knowsWord = this.knowsWord;
    if (!knowsWord) return text;
    const isAcronym = (w: string) => w === w.toLocaleUpperCase('da');
    for (const m of text.matchAll(CAPITALISED_WORD)) {
      const word = m[0];
      if (word.length < 2 || isAcronym(word) || startsSentence(text, m.index)) continue;
      if (!knowsWord(word.toLocaleLowerCase('da'))) this.placeholder('NAVN', word);
    }
    return text.replace(CAPITALISED_WORD, (word) => this.byValue.get(`NAVN:${word.toLocaleLowerCase('da')}`) ?? word);
  }

  /** The real words back in place of the placeholders, for what the person reads. */
  reveal(text: string): string {
    return text.replace(PLACEHOLDER, (ph) => this.byPlaceholder.get(ph) ?? ph);
  }

  /** How many distinct values were replaced, by kind. */
  counts(): Readonly<Partial<Record<PlaceholderKind, number>>> {
    return Object.fromEntries(this.counters);
  }
}
