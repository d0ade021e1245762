/**
 * The UI speaks Danish first; English only when the Teams client says so.
 * Legal and standard terms (underretning, børnefaglig undersøgelse, Barnets lov) stay Danish
 * in both, because that is what the caseworker must find in the case file.
 */
export type Locale = 'da' | 'en';

export interface Localized {
  da: string;
  en: string;
}

/** Teams sends locales such as "da-DK", "en-US", "en-GB"; anything not English falls back to Danish. */
export function localeFrom(teamsLocale: string | null | undefined): Locale {
  return typeof teamsLocale === 'string' && teamsLocale.trim().toLowerCase().startsWith('en') ? 'en' : 'da';
}

/**
 * A card's words table read in one language, made once per language: the card's template reads
 * the result as `s.<key>`, so the template itself holds no language.
 */
export function wordsTable<K extends string>(table: Record<K, Localized>): (locale: Locale) => Record<K, string> {
  const made = new Map<Locale, Record<K, string>>();
  return (locale) => {
    let words = made.get(locale);
    if (!words) made.set(locale, (words = Object.fromEntries(Object.entries<Localized>(table).map(([k, v]) => [k, v[locale]])) as Record<K, string>));
    return words;
  };
}

/**
 * A text written elsewhere (the rules, a validating edge) in Danish with an optional English, in
 * the reader's language. The Danish stands in where there is no English: a decision stored before
 * the rules wrote English, or a message nobody has translated yet.
 */
export function worded(danish: string, english: string | undefined, locale: Locale): string {
  return locale === 'en' && english !== undefined ? english : danish;
}

/** A problem from a refused form ({field, message, en?}) as its reader sees it. */
export function problemText(problem: { message: string; en?: string | undefined }, locale: Locale): string {
  return worded(problem.message, problem.en, locale);
}

export function tr(text: Localized, locale: Locale): string {
  return text[locale];
}
