/**
 * A validation message travels inside a zod issue or an error as one Danish string; its English is
 * kept here, registered where the message is written, so the edge that turns issues into problems
 * can give both ({ message, en }) and the card or the tab picks the reader's language. The set is
 * bounded: every message is a fixed sentence, or one with a figure from a small range (a length, a
 * question's limits).
 */
const ENGLISH = new Map<string, string>();

/** The Danish message, with its English registered beside it. */
export function said(da: string, en: string): string {
  ENGLISH.set(da, en);
  return da;
}

/** The English of a message written with `said`; undefined for one nobody translated. */
export function englishOf(da: string): string | undefined {
  return ENGLISH.get(da);
}
