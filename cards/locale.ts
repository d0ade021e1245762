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

export function tr(text: Localized, locale: Locale): string {
  return text[locale];
}
