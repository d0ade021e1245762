/**
 * Full names must not be stored (the case is known by its reference and initials). Danish writes
 * common nouns in lower case, so two capitalised words in a row ("Mette Jensen", "familien Hansen
 * Berg") almost always name a person or a place. Like the CPR check this errs on the side of
 * asking: a false alarm costs a retype; a miss stores a name.
 */

// Two or more capitalised words (hyphenated first names included) separated by single spaces.
const NAME_RUN = /(?<![\p{L}\p{N}])\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)*(?:[ \t]+\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)*)+(?![\p{L}\p{N}])/gu;

/** Terms of the standards and the law that are written with capitals and are not names. */
const KNOWN_TERMS = ['visitation social', 'barnets lov', 'lov om social service', 'praktisk pædagogisk støtte'];

function isKnownTerm(run: string): boolean {
  const lower = run.toLocaleLowerCase('da').replace(/\s+/g, ' ');
  return KNOWN_TERMS.some((t) => lower === t || lower.startsWith(`${t} `) || lower.endsWith(` ${t}`));
}

/** The runs of capitalised words that look like a full name, as written. */
export function fullNameRuns(text: string): string[] {
  return [...text.matchAll(NAME_RUN)].map((m) => m[0]).filter((run) => !isKnownTerm(run));
}

export function containsFullNameLike(text: string): boolean {
  return fullNameRuns(text).length > 0;
}
