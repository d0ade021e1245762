import { PASSAGES, type Passage } from '../../rules/passages/index.js';
import { passagesOfStandard, type StandardPassage } from '../../rules/standard/passages.js';
import type { Standard } from '../../rules/standard/schema.js';
import { PassageIndex } from './passage-index.js';

// The service standard's headings say "Ad. 1" where people say "niveau 1"; the level names are
// those of pps.niveauer. 1A and 1B are variants of level 1.
const LEVEL_WORDS: Readonly<Record<string, string>> = {
  '1': 'niveau 1 praktisk pædagogisk støtte i hjemmet',
  '2': 'niveau 2 intensiv praktisk pædagogisk støtte',
  '3': 'niveau 3 kompenserende praktisk pædagogisk støtte i hjemmet',
};

// The model's passages speak of "indsatsen"; people name it.
const MODEL_WORDS = 'hjemmepædagogisk indsats forebyggende';

// The ids' last words were chosen by a person to say what a passage is about ("alder",
// "opsporing", "foreloebig"); they are searched too.
type Indexed = Pick<Passage, 'id' | 'heading'> & { source: Passage['source'] | StandardPassage['source'] };

function idWords(p: Indexed): string {
  return p.id.split('.').slice(1).join(' ').replace(/[-\d]+/g, ' ');
}

function context(p: Indexed): string {
  return `${idWords(p)} ${sourceWords(p)}`;
}

function sourceWords(p: Indexed): string {
  if (p.source === 'model') return MODEL_WORDS;
  const level = /Ad\. (\d)/.exec(p.heading)?.[1];
  const variant = /› (1[AB])\b/.exec(p.heading)?.[1];
  return [level ? LEVEL_WORDS[level] : '', variant ? `niveau ${variant}` : ''].join(' ').trim();
}

/** The search over every passage of both standards, as the bot and the summariser use it. */
export function createStandardIndex(): PassageIndex {
  // The two standards only: the law's passages are cited by the rules, not what a caseworker searches the standard for.
  return new PassageIndex(PASSAGES.filter((p) => p.source !== 'barnets-lov').map((p) => ({ id: p.id, heading: p.heading, text: p.text, context: context(p) })));
}

const byStandard = new WeakMap<Standard, PassageIndex>();

/**
 * The search over one standard's passages: its own and those of the sources it names, the law's
 * left out as above. A municipality's caseworker finds its standard's words, not another's.
 */
export function standardIndexFor(standard: Standard): PassageIndex {
  let index = byStandard.get(standard);
  if (!index) {
    const passages = [...passagesOfStandard(standard).values()].filter((p) => p.source !== 'barnets-lov');
    byStandard.set(standard, (index = new PassageIndex(passages.map((p) => ({ id: p.id, heading: p.heading, text: p.text, context: context(p) })))));
  }
  return index;
}
