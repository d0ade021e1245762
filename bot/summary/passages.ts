import { passageById, SOURCES } from '../../rules/passages/index.js';
import { standardPassageById } from '../../rules/standard/passages.js';
import type { Standard } from '../../rules/standard/schema.js';
import type { PassageLookup } from './case-summary.js';

/** The standards' own words for a cited id, with the document's title, as the summary shows them. */
export const standardPassage: PassageLookup = (id) => {
  const p = passageById(id);
  return p && { id: p.id, source: SOURCES[p.source].title, heading: p.heading, text: p.text };
};

/** The same under the standard a case was decided under: its own passages (titled by its name) and its sources', no other standard's. */
export function passagesUnder(standard: Standard): PassageLookup {
  return (id) => {
    const p = standardPassageById(standard, id);
    return p && { id: p.id, source: p.source === 'own' ? standard.name.da : SOURCES[p.source].title, heading: p.heading, text: p.text };
  };
}
