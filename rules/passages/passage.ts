export const PASSAGE_SOURCES = ['servicestandard', 'model', 'barnets-lov'] as const;
export type PassageSource = (typeof PASSAGE_SOURCES)[number];

/** One citable piece of a standard: what a rule's reason points to and what the user can read verbatim. */
export interface Passage {
  /** Stable id; rules, reviews and stored decisions cite it, so it never changes meaning. */
  readonly id: string;
  readonly source: PassageSource;
  /** Danish heading path in the standard, levels joined by " › " (e.g. "Målgruppe › Ad. 1"). */
  readonly heading: string;
  /** The standard's own words. */
  readonly text: string;
  /**
   * False where the words could not be checked against the consolidated act (a faithful rendering,
   * not a quotation). Data only: the caseworker sees the text; the docs and tests see the flag.
   */
  readonly verified?: false;
  /** Where a law passage was read. */
  readonly url?: string;
}
