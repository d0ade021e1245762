import { CARD_BUDGET_BYTES, cardBytes, cardBytesUtf16 } from '../../cards/template.js';
import { everyCard } from '../support/card-corpus.js';
import type { BenchResult } from './bench-result.js';

/** Every card's limit in the card tests (UTF-8); UTF-16 counts twice that for these cards. */
const LARGEST_TARGET = CARD_BUDGET_BYTES;

/**
 * The largest card the bot can send (the card tests' corpus, both languages), counted both ways:
 * UTF-8 as sent, and UTF-16 as a client holding it as text counts it. Reported in KB.
 */
export async function run(): Promise<BenchResult[]> {
  const sizes = (['da', 'en'] as const).flatMap((locale) => everyCard(locale).map(([name, card]) => ({ name: `${name} (${locale})`, utf8: cardBytes(card), utf16: cardBytesUtf16(card) })));
  const largest = (list: typeof sizes, by: 'utf8' | 'utf16') => list.reduce((a, b) => (b[by] > a[by] ? b : a));
  const figures = (label: string, list: typeof sizes): BenchResult[] => {
    const byUtf8 = largest(list, 'utf8');
    const byUtf16 = largest(list, 'utf16');
    return [
      { name: `cards: ${label}, UTF-8: ${byUtf8.name}`, value: byUtf8.utf8 / 1024, unit: 'KB', target: LARGEST_TARGET / 1024, ratio: byUtf8.utf8 / LARGEST_TARGET },
      { name: `cards: ${label}, UTF-16: ${byUtf16.name}`, value: byUtf16.utf16 / 1024, unit: 'KB', target: (2 * LARGEST_TARGET) / 1024, ratio: byUtf16.utf16 / (2 * LARGEST_TARGET) },
    ];
  };
  // The result card and its background apart as well: the cards every recommendation sends.
  return [...figures('largest card', sizes), ...figures('largest result or background card', sizes.filter((s) => s.name.startsWith('result')))];
}
