import { estimateTokens } from './tokens.js';

/**
 * Splits note lines into groups that each fit a token allowance, in order. Nothing is dropped or
 * cut short: a note larger than the allowance on its own is split into numbered parts at
 * sentence ends (or, for a single huge sentence, between words).
 */
export function chunkLines(lines: readonly string[], allowance: number): string[][] {
  if (allowance < 1) throw new RangeError('allowance must be positive');
  const pieces = lines.flatMap((line) => (estimateTokens(line) <= allowance ? [line] : splitLine(line, allowance)));
  const chunks: string[][] = [];
  let current: string[] = [];
  let used = 0;
  for (const piece of pieces) {
    const cost = estimateTokens(piece) + 1;
    if (current.length > 0 && used + cost > allowance) {
      chunks.push(current);
      current = [];
      used = 0;
    }
    current.push(piece);
    used += cost;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

function splitLine(line: string, allowance: number): string[] {
  // Leave room for the "(del i/n)" label.
  const room = Math.max(1, allowance - 8);
  const units = line.split(/(?<=[.!?])\s+/).flatMap((s) => (estimateTokens(s) <= room ? [s] : splitWords(s, room)));
  const parts: string[] = [];
  let current = '';
  for (const unit of units) {
    const joined = current ? `${current} ${unit}` : unit;
    if (current && estimateTokens(joined) > room) {
      parts.push(current);
      current = unit;
    } else current = joined;
  }
  if (current) parts.push(current);
  return parts.map((p, i) => `(del ${i + 1}/${parts.length}) ${p}`);
}

function splitWords(sentence: string, room: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const word of sentence.split(/\s+/)) {
    const joined = current ? `${current} ${word}` : word;
    if (current && estimateTokens(joined) > room) {
      out.push(current);
      current = word;
    } else current = joined;
  }
  if (current) out.push(current);
  return out;
}
