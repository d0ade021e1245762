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
const DANISH = /[æøåÆØÅ]|\b(og|ikke|eller|sagen|Sagen|barnet|skal|hvor|hvad|til|af|på|er|du|der|vis|gem|kan|Vælg|vælg|mangler|findes)\b/gu;

export function danishIn(text: string): string[] {
  const rest = STAYS_DANISH.reduce((t, term) => t.split(term).join(' '), text);
  return [...rest.matchAll(DANISH)].map((m) => m[0]);
}
