import { describe, expect, it } from 'vitest';
import { FIXTURE_PASSAGES } from '../../test/support/passage-fixtures.js';
import { normalise } from './analyse.js';
import { PassageIndex } from './passage-index.js';

const index = new PassageIndex(FIXTURE_PASSAGES);
const topIds = (query: string, limit = 3) => index.search(query, limit).map((h) => h.id);

describe('passage search', () => {
  it('puts the passage that answers the question first', () => {
    expect(topIds('Kan tværfaglige møder erstatte besøg?')[0]).toBe('pps.saerlige.tvaerfaglige-moeder');
    expect(topIds('Hvor mange timer pr. uge er kompenserende støtte?')[0]).toBe('pps.omfang.3');
  });

  it('finds inflected forms through the Danish stemmer', () => {
    // "undersøgelsen" and "børnefaglig" against "børnefaglige undersøgelse"
    expect(topIds('børnefaglig undersøgelsen')[0]).toBe('pps.kriterier.1');
  });

  it('finds passages when æ, ø and å are typed as ae, oe and aa', () => {
    expect(topIds('boernefaglige undersoegelse')[0]).toBe('pps.kriterier.1');
    expect(topIds('hjemmepaedagogisk indsats')[0]).toBe('hpi.3.maalgruppe.alder');
  });

  it('ignores accents other than the Danish letters', () => {
    expect(normalise('Allé Café ÆØÅ')).toBe('alle cafe æøå');
  });

  it('weighs heading words in, so a heading-only word still finds its passages', () => {
    // "barnet" appears in the heading of the child risk factor, not in its text
    expect(topIds('barnet trøstbart')[0]).toBe('hpi.3.risiko.child-3');
    const omfang = index.search('omfang', 10).map((h) => h.id);
    expect(omfang).toEqual(['pps.omfang.2', 'pps.omfang.3']);
  });

  it('returns nothing for a question made only of stop words or unknown words', () => {
    expect(index.search('og i at den')).toEqual([]);
    expect(index.search('xyzzy')).toEqual([]);
  });

  it('returns the verbatim text, scores best first, and the words that matched', () => {
    const hits = index.search('fødselsdepression tidligere', 5);
    expect(hits[0]).toMatchObject({
      id: 'hpi.3.risiko.parent-5',
      text: 'der tidligere har haft en fødselsdepression.',
      matchedWords: ['fødselsdepression', 'tidligere'],
    });
    const scores = hits.map((h) => h.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('honours the limit', () => {
    expect(index.search('indsatsen trivsel børn', 2)).toHaveLength(2);
  });
});
