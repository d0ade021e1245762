/**
 * Text as a detector should see it: compatibility forms folded (NFKC: fullwidth and mathematical
 * digits become ASCII), format characters removed (zero-width spaces and joiners, soft hyphens,
 * direction marks), and every Unicode decimal digit mapped to its ASCII digit (Arabic-Indic,
 * Devanagari and the rest, which NFKC leaves alone). Each character of the result remembers
 * where it came from, so what a detector finds can be masked in the text as the person wrote it.
 */
export interface Normalised {
  text: string;
  /** For each UTF-16 index of `text`: the original [start, end) it came from. */
  from: readonly (readonly [number, number])[];
}

const FORMAT = /^[\p{Cf}\u034F\u115F\u1160\u3164\uFFA0]$/u;
const DIGIT = /^\p{Nd}$/u;

/** The value of a decimal digit: its place in its run of ten (Unicode keeps each script's 0–9 together). */
function digitValue(cp: number): number {
  let start = cp;
  while (start > 0 && DIGIT.test(String.fromCodePoint(start - 1)) && cp - start < 9 + 10 * 4) start--;
  return (cp - start) % 10;
}

export function normaliseForDetection(original: string): Normalised {
  let text = '';
  const from: [number, number][] = [];
  let i = 0;
  for (const ch of original) {
    const end = i + ch.length;
    let out: string;
    if (FORMAT.test(ch)) out = '';
    else if (DIGIT.test(ch)) out = ch >= '0' && ch <= '9' ? ch : String(digitValue(ch.codePointAt(0)!));
    else out = ch.normalize('NFKC');
    for (let k = 0; k < out.length; k++) from.push([i, end]);
    text += out;
    i = end;
  }
  return { text, from };
}
