import { passageById, SOURCES } from '../../rules/passages/index.js';
import type { PassageLookup } from './case-summary.js';

/** The standards' own words for a cited id, with the document's title, as the summary shows them. */
export const standardPassage: PassageLookup = (id) => {
  const p = passageById(id);
  return p && { id: p.id, source: SOURCES[p.source].title, heading: p.heading, text: p.text };
};
