/**
 * CPR numbers must never be stored (databeskyttelsesloven § 11) nor sent to a language model.
 * Detection is deliberately broad: a false alarm costs the user a retype, a miss leaks a CPR number.
 * A CPR number is DDMMYY-SSSS; we accept a dash, a space or nothing between the parts and
 * require only a plausible day and month (the modulus-11 check was abandoned in 2007).
 */
const CPR_LIKE = /(?<![\d])(0[1-9]|[12]\d|3[01])(0[1-9]|1[0-2])(\d{2})[-\s]?(\d{4})(?![\d])/g;

export function containsCprLike(text: string): boolean {
  CPR_LIKE.lastIndex = 0;
  return CPR_LIKE.test(text);
}

/** Replaces each CPR-like number with a fixed mask, for text that must be kept but not the number. */
export function maskCpr(text: string, mask = '[CPR fjernet]'): string {
  return text.replace(CPR_LIKE, mask);
}

/** All CPR-like substrings, in order, for pseudonymisation that must reverse them later. */
export function findCprLike(text: string): string[] {
  return [...text.matchAll(CPR_LIKE)].map((m) => m[0]);
}
