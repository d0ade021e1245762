/**
 * Danish left in an English answer: the words and letters of running Danish text, after the terms
 * that stay Danish in both languages (the product's name, legal and standard terms a caseworker
 * must find in the case file) are taken out. Empty when the text reads as English.
 */
const STAYS_DANISH = [
  'Familiestøtte',
  'hjemmepædagogisk indsats',
  'Hjemmepædagogisk indsats',
  'børnefaglig undersøgelse',
  'Børnefaglig undersøgelse',
  'Barnets lov',
  'Underretning',
  'underretning',
  'Visitation Social',
];
// Common Danish words without æ, ø or å that no English sentence uses, so Danish written without those letters shows too.
const DANISH = /[æøåÆØÅ]|\b(og|ikke|eller|sagen|Sagen|sagens|sager|Sager|barnet|skal|hvor|hvad|Hvad|til|af|på|er|du|der|vis|Vis|gem|kan|Vælg|vælg|mangler|findes|ingen|Ingen|med|som|siden|dage|frist|Frist|frister|Frister|begrundelse|begrundelser|Begrundelser|bevilget|bevilling|Omfang|Henter|Anbefalet|ord)\b/gu;

export function danishIn(text: string): string[] {
  const rest = STAYS_DANISH.reduce((t, term) => t.split(term).join(' '), text);
  return [...rest.matchAll(DANISH)].map((m) => m[0]);
}
