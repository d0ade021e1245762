import { CARD_BUDGET_BYTES, cardBytes, cardBytesUtf16 } from '../../cards/template.js';
import { everyCard } from '../support/card-corpus.js';
import { typedBytes } from '../support/card-json.js';
import type { BenchResult } from './bench-result.js';

/** Every card's limit in the card tests (UTF-8); UTF-16 counts twice that for these cards. */
const LARGEST_TARGET = CARD_BUDGET_BYTES;

/**
 * The largest card the bot can send (the card tests' corpus, both languages), counted both ways:
 * UTF-8 as sent, and UTF-16 as a client holding it as text counts it. Reported in KB. The target is
 * the card's own content, as in the card tests: what a person typed and a refused form gives back
 * comes on top, and is reported beside it.
 */
export async function run(): Promise<BenchResult[]> {
  const sizes = (['da', 'en'] as const).flatMap((locale) =>
    everyCard(locale).map(([name, card]) => {
      const typed = typedBytes(card);
      // A typed character is one UTF-16 unit or more, so the typed share is at least its UTF-8 bytes there too.
      return { name: `${name} (${locale})`, utf8: cardBytes(card), utf16: cardBytesUtf16(card), ownUtf8: cardBytes(card) - typed, ownUtf16: cardBytesUtf16(card) - 2 * typed };
    }),
  );
  const largest = (list: typeof sizes, by: 'ownUtf8' | 'ownUtf16' | 'utf8') => list.reduce((a, b) => (b[by] > a[by] ? b : a));
  const figures = (label: string, list: typeof sizes): BenchResult[] => {
    const byUtf8 = largest(list, 'ownUtf8');
    const byUtf16 = largest(list, 'ownUtf16');
    return [
      { name: `cards: ${label}, UTF-8: ${byUtf8.name}`, value: byUtf8.ownUtf8 / 1024, unit: 'KB', target: LARGEST_TARGET / 1024, ratio: byUtf8.ownUtf8 / LARGEST_TARGET },
      { name: `cards: ${label}, UTF-16: ${byUtf16.name}`, value: byUtf16.ownUtf16 / 1024, unit: 'KB', target: (2 * LARGEST_TARGET) / 1024, ratio: byUtf16.ownUtf16 / (2 * LARGEST_TARGET) },
    ];
  };
  const withTyped = largest(sizes, 'utf8');
  return [
    ...figures('largest card (its own content)', sizes),
    // The result card and its background apart as well: the cards every recommendation sends.
    ...figures('largest result or background card', sizes.filter((s) => s.name.startsWith('result'))),
    { name: `cards: largest card with what was typed into it, UTF-8: ${withTyped.name}`, value: withTyped.utf8 / 1024, unit: 'KB' },
    { name: `cards: the same, UTF-16`, value: withTyped.utf16 / 1024, unit: 'KB' },
  ];
}
