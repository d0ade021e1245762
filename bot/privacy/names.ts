import { fullNameRuns } from './full-name.js';
import { nameLists } from './name-lists.js';
import { normaliseForDetection } from './normalise.js';

/**
 * Names, places and institutions in free text, found with the shipped lists (lists/README.md)
 * rather than by capital letters alone: caseworkers write "mette", "METTE JENSEN", "M. Jensen"
 * and start sentences with names. A listed name that is also a Danish word ("bo", "storm",
 * "hans") counts only where it is written like a name: capitalised, next to another name, or
 * after a word that introduces one ("hedder", "mor"). Spans are in the text as written
 * (zero-width characters and odd digits are seen through, as for CPR numbers).
 */

export type FoundKind = 'NAVN' | 'STED' | 'INSTITUTION';

export interface Found {
  readonly start: number;
  readonly end: number;
  readonly kind: FoundKind;
}

interface Token {
  readonly start: number;
  readonly end: number;
  readonly word: string;
  readonly lower: string;
}

// A word, hyphenated parts and an apostrophe genitive included; or an initial with its dot.
const TOKEN = /\p{L}(?:[\p{L}'’]|-(?=\p{L}))*\.?/gu;

/** Words after which a listed name that is also a word is taken for a name: "hedder bo", "mor lærke". */
const INTRODUCERS = new Set(
  'hedder kaldet kaldes kalder navnet navn mor far mormor morfar farmor farfar bror søster storebror lillebror storesøster lillesøster halvbror halvsøster kæreste stedfar stedmor papfar papmor bonusfar bonusmor onkel moster faster tante ven veninde søn datter barnet drengen pigen plejemor plejefar'.split(' '),
);

/** Arabic, Dutch and other surname particles joined by a hyphen: "el-sayed", "al-hassan", "van-dijk". */
const PARTICLE_NAME = /^(?:el|al|abu|abd|ben|bin|ibn|van|von|de|da|di)-\p{L}{2,}/u;

const INSTITUTION = /^(.*?)(børnehave|vuggestue|skole|dagpleje|institution|sfo|fritidshjem)(?:rnes|ernes|rne|erne|ens|ns|en|er|n|r|s|mets|met|'en|'ens|'s)?$/u;

/** Compounds that name a kind of institution, not one institution: "folkeskolen", "daginstitution". */
const GENERIC_PREFIXES = new Set(
  'folke fri privat special efter høj real grund kost produktions sprog ungdoms musik gymnasie erhvervs handels køre svømme ride danse aften sommer heldags modtage dag lille forældre idræts natur skov kommune kommunal central landsby by døgn fritids uddannelses børne opholds udflytter gæste pulje hjemme behandlings weekend ferie tosprogs friskole pasnings kommunens'.split(' '),
);

/** Capitalised words before "skole" or "børnehave" that say whose or which, not its name. */
const NOT_AN_INSTITUTION_NAME = new Set(
  'den det de en et i på fra til om med hos vores jeres deres hans hendes sin sit sine min mit mine din dit barnets familiens ny nye gamle nuværende samme anden andet denne dette ingen hver alle begge'.split(' '),
);

function tokens(text: string): Token[] {
  return [...text.matchAll(TOKEN)].map((m) => {
    // The dot is part of an initial ("M.") but ends a sentence after a word.
    const word = m[0].length > 2 && m[0].endsWith('.') ? m[0].slice(0, -1) : m[0];
    return { start: m.index, end: m.index + word.length, word, lower: word.toLocaleLowerCase('da').replace(/’/g, "'") };
  });
}

const isCapitalised = (word: string) => /^\p{Lu}/u.test(word);
const isInitial = (t: Token) => /^\p{L}\.?$/u.test(t.word) && (t.word.endsWith('.') || isCapitalised(t.word));

/** The word without a genitive ending, when that is what is listed: "mettes" → "mette", "aarhus'" → "aarhus". */
function listedForm(lower: string, listed: ReadonlySet<string>): string | undefined {
  for (const form of [lower, lower.replace(/'s?$/, ''), lower.replace(/s$/, '')]) if (form.length >= 2 && listed.has(form)) return form;
  return undefined;
}

/** Only whitespace (one line) between two tokens: they stand side by side, as a full name does. */
const besideEachOther = (text: string, a: Token, b: Token) => /^[ \t\u00A0]+$/u.test(text.slice(a.end, b.start));

type Strength = 'strong' | 'weak' | undefined;

function nameStrength(t: Token): Strength {
  const { names, alsoWords } = nameLists();
  if (PARTICLE_NAME.test(t.lower)) return 'strong';
  const parts = t.lower.includes('-') ? [t.lower, ...t.lower.split('-')] : [t.lower];
  let strength: Strength;
  for (const part of parts) {
    const form = listedForm(part, names);
    if (!form) continue;
    if (!alsoWords.has(form)) return 'strong';
    strength = 'weak';
  }
  return strength;
}

/** Which tokens are names: strong ones always, weak ones where they are written like a name, initials before a name. */
function nameFlags(text: string, toks: readonly Token[]): boolean[] {
  const strength = toks.map(nameStrength);
  const flags = strength.map((s, i) => s === 'strong' || (s === 'weak' && isCapitalised(toks[i]!.word)));
  // A weak word in lower case beside a name, or after a word that introduces one.
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = 0; i < toks.length; i++) {
      if (flags[i] || strength[i] !== 'weak') continue;
      const prev = i > 0 && besideEachOther(text, toks[i - 1]!, toks[i]!) ? i - 1 : -1;
      const next = i + 1 < toks.length && besideEachOther(text, toks[i]!, toks[i + 1]!) ? i + 1 : -1;
      if ((prev >= 0 && (flags[prev] || INTRODUCERS.has(toks[prev]!.lower))) || (next >= 0 && flags[next])) {
        flags[i] = changed = true;
      }
    }
  }
  // An initial before a name: "M. Jensen", "A Hansen".
  for (let i = toks.length - 2; i >= 0; i--) {
    if (!flags[i] && isInitial(toks[i]!) && flags[i + 1] && /^[ \t\u00A0]*$/u.test(text.slice(toks[i]!.end, toks[i + 1]!.start))) flags[i] = true;
  }
  return flags;
}

function placeFlags(toks: readonly Token[]): { at: number; length: number }[] {
  const { places, alsoWords } = nameLists();
  const found: { at: number; length: number }[] = [];
  for (let i = 0; i < toks.length; i++) {
    for (const length of [2, 1]) {
      const run = toks.slice(i, i + length);
      if (run.length < length) continue;
      const form = listedForm(run.map((t) => t.lower).join(' '), places);
      if (!form) continue;
      if (alsoWords.has(form) && !isCapitalised(run[0]!.word)) continue;
      found.push({ at: i, length });
      i += length - 1;
      break;
    }
  }
  return found;
}

function institutionSpans(text: string, toks: readonly Token[]): [number, number][] {
  const spans: [number, number][] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    const m = INSTITUTION.exec(t.lower);
    if (!m) continue;
    const prefix = m[1]!.replace(/-$/, '');
    if (prefix !== '') {
      // A compound: its first part is the institution's own name, unless it names a kind.
      if (prefix.length >= 3 && !GENERIC_PREFIXES.has(prefix) && !GENERIC_PREFIXES.has(prefix.replace(/s$/, ''))) spans.push([t.start, t.end]);
      continue;
    }
    let first = i;
    while (first > 0 && besideEachOther(text, toks[first - 1]!, toks[first]!) && isCapitalised(toks[first - 1]!.word) && toks[first - 1]!.word.length >= 2 && !NOT_AN_INSTITUTION_NAME.has(toks[first - 1]!.lower)) first--;
    let last = i;
    if (i + 1 < toks.length && besideEachOther(text, t, toks[i + 1]!) && isCapitalised(toks[i + 1]!.word) && toks[i + 1]!.word.length >= 2) last = i + 1;
    if (first < i || last > i) spans.push([toks[first]!.start, toks[last]!.end]);
  }
  return spans;
}

/** Merges spans of one kind that touch or stand side by side, so "Mette Jensen" is one name. */
function merged(text: string, spans: Found[]): Found[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Found[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) {
      if (s.end > last.end) out[out.length - 1] = { ...last, end: s.end };
    } else if (last && last.kind === s.kind && s.kind === 'NAVN' && /^[ \t\u00A0]+$/u.test(text.slice(last.end, s.start))) {
      out[out.length - 1] = { ...last, end: s.end };
    } else out.push(s);
  }
  return out;
}

/**
 * Names, places and institutions in the text, as [start, end) spans in the text as written, in
 * order and not overlapping. Institutions win over the names inside them ("Rosenhøj Skole").
 */
export function findNamesAndPlaces(original: string): Found[] {
  const n = normaliseForDetection(original);
  const text = n.text;
  const toks = tokens(text);
  const inNormalised: Found[] = [];
  for (const [start, end] of institutionSpans(text, toks)) inNormalised.push({ start, end, kind: 'INSTITUTION' });
  const taken = (t: Token) => inNormalised.some((s) => t.start < s.end && t.end > s.start);
  for (const { at, length } of placeFlags(toks)) {
    if (!taken(toks[at]!)) inNormalised.push({ start: toks[at]!.start, end: toks[at + length - 1]!.end, kind: 'STED' });
  }
  const flags = nameFlags(text, toks);
  toks.forEach((t, i) => {
    if (flags[i] && !taken(t)) inNormalised.push({ start: t.start, end: t.end, kind: 'NAVN' });
  });
  return merged(text, inNormalised)
    .filter((s) => s.end > s.start)
    .map((s) => ({ start: n.from[s.start]![0], end: n.from[s.end - 1]![1], kind: s.kind }));
}

/**
 * The names in a note, as written, for the gentle warning before it is stored: listed names and
 * runs of capitalised words that look like a full name ("Birthe Kjærsgaard").
 */
export function namesIn(text: string): string[] {
  const listed = findNamesAndPlaces(text).filter((s) => s.kind === 'NAVN').map((s) => text.slice(s.start, s.end));
  const runs = fullNameRuns(text).filter((run) => !listed.some((name) => name.includes(run) || run.includes(name)));
  return [...new Set([...listed, ...runs])];
}

/**
 * True when a short field (the child's pseudonym) holds what looks like a full name: two or more
 * name-like words, in any case ("METTE JENSEN", "mette jensen", "Ahmed El-Sayed"), or an initial
 * before a name-like word ("M. Jensen"). A name-like word is a listed name or a capitalised word
 * of two or more letters. "Barn A", "Lillebror" and "AH" are not.
 */
export function looksLikeFullName(field: string): boolean {
  const text = normaliseForDetection(field).text;
  const toks = tokens(text);
  const nameLike = toks.map((t) => t.word.replace(/\.$/, '').length >= 2 && (isCapitalised(t.word) || nameStrength(t) !== undefined || PARTICLE_NAME.test(t.lower)));
  if (nameLike.filter(Boolean).length >= 2) return true;
  return toks.some((t, i) => i + 1 < toks.length && isInitial(t) && nameLike[i + 1]);
}
