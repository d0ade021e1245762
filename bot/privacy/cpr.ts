import { normaliseForDetection } from './normalise.js';

/**
 * CPR numbers must never be stored (databeskyttelsesloven § 11) nor sent to a language model.
 * Detection is deliberately broad: a false alarm costs the user a retype, a miss leaks a CPR number.
 * A CPR number is DDMMYY-SSSS. People write it with a dash (any of Unicode's), a dot, a slash, an
 * underscore, spaces or nothing between the parts, and between day, month and year too; with
 * fullwidth or Arabic-Indic digits, or a zero-width space pasted in. Every check runs on the
 * normalised text (normalise.ts) and requires only a plausible day and month: numbers issued
 * since 2007 need not pass the modulus-11 check, so it cannot be used to rule one out.
 */
const SEP = String.raw`(?:\s*[-\u2010-\u2015\u2212\uFE58\uFE63\uFF0D./_]\s*|\s+)?`;
const CPR_LIKE = new RegExp(String.raw`(?<!\d)(0[1-9]|[12]\d|3[01])${SEP}(0[1-9]|1[0-2])${SEP}(\d{2})${SEP}(\d{4})(?!\d)`, 'g');

/** Where CPR-like numbers are in the text as written: [start, end) pairs, in order. */
function cprSpans(text: string): [number, number][] {
  const n = normaliseForDetection(text);
  return [...n.text.matchAll(CPR_LIKE)].map((m) => [n.from[m.index]![0], n.from[m.index + m[0].length - 1]![1]]);
}

export function containsCprLike(text: string): boolean {
  return cprSpans(text).length > 0;
}

/** Replaces each CPR-like number with a fixed mask, for text that must be kept but not the number. */
export function maskCpr(text: string, mask = '[CPR fjernet]'): string {
  let out = text;
  for (const [start, end] of cprSpans(text).reverse()) out = out.slice(0, start) + mask + out.slice(end);
  return out;
}

/** All CPR-like substrings as written, in order, for pseudonymisation that must reverse them later. */
export function findCprLike(text: string): string[] {
  return cprSpans(text).map(([start, end]) => text.slice(start, end));
}
