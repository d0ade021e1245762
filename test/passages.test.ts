import { describe, expect, it } from 'vitest';
import { PASSAGES, PASSAGE_SOURCES, SOURCES, isPassageId, passageById, passagesOf, type PassageSource } from '../rules/passages/index.js';
import { readSeed } from './support/seeds.js';

/** The fixed id list the rules cite, copied from the project's passage-id agreement (plus the three sub-bullets of hpi.6.kompetence.2). */
const AGREED_IDS = [
  'pps.titel', 'pps.lovgrundlag', 'pps.maal', 'pps.niveauer',
  'pps.maalgruppe.1', 'pps.maalgruppe.2', 'pps.maalgruppe.3',
  'pps.kriterier.1', 'pps.kriterier.2', 'pps.kriterier.3',
  'pps.indhold.1', 'pps.indhold.2', 'pps.indhold.3',
  'pps.omfang.1', 'pps.omfang.1a', 'pps.omfang.1a.opstart', 'pps.omfang.1b', 'pps.omfang.2', 'pps.omfang.2.alder', 'pps.omfang.3',
  'pps.saerlige.foreloebig', 'pps.saerlige.visitation-social', 'pps.saerlige.tvaerfaglige-moeder', 'pps.redaktion',
  'hpi.titel',
  'hpi.1.indledning.1', 'hpi.1.indledning.2', 'hpi.1.indledning.3', 'hpi.1.indledning.4',
  'hpi.2.formaal', 'hpi.2.underformaal.maal', 'hpi.2.underformaal.fokus',
  'hpi.3.maalgruppe.alder', 'hpi.3.maalgruppe.spaend', 'hpi.3.maalgruppe.ikke-saerlig-stoette',
  'hpi.3.problemstilling.kompleksitet', 'hpi.3.problemstilling.afgraenset', 'hpi.3.problemstilling.forudsaetninger',
  'hpi.3.maalgruppe.fundament', 'hpi.3.risikofaktorer',
  ...[1, 2, 3, 4, 5].map((n) => `hpi.3.risiko.expecting-${n}`),
  ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((n) => `hpi.3.risiko.parent-${n}`),
  'hpi.3.risiko.child-intro',
  ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => `hpi.3.risiko.child-${n}`),
  'hpi.4.opgave', 'hpi.4.tvaerfagligt', 'hpi.4.arbejdsopgaver',
  ...[1, 2, 3, 4, 5, 6].map((n) => `hpi.4.relationer.${n}`),
  ...[1, 2, 3, 4, 5, 6].map((n) => `hpi.4.trivsel.${n}`),
  ...[1, 2, 3].map((n) => `hpi.4.dagtilbud.${n}`),
  'hpi.4.varighed',
  'hpi.5.opsporing', 'hpi.5.organisering', 'hpi.5.samskabelse',
  'hpi.6.kompetencer', 'hpi.6.kompetence.1', 'hpi.6.kompetence.2',
  'hpi.6.kompetence.2.1', 'hpi.6.kompetence.2.2', 'hpi.6.kompetence.2.3',
  'hpi.6.kompetence.3', 'hpi.6.underretning',
  'hpi.7.baggrund',
  'bl.19', 'bl.20.3', 'bl.32.1.2', 'bl.32.3', 'bl.32.4', 'bl.91.1', 'bl.95', 'bl.133', 'bl.136',
];

/**
 * What the seeds hold besides passage text, in printed order, each named by the passage it precedes:
 * the table's row headings, section headings, checklist titles, sub-bullet markers and a page number.
 * Anything else left over is a sentence no passage carries.
 */
const NOT_PASSAGE_TEXT: Record<PassageSource, { before: string; text: string }[]> = {
  servicestandard: [
    { before: 'pps.lovgrundlag', text: 'Lovgrundlag' },
    { before: 'pps.maal', text: 'Mål med indsats' },
    { before: 'pps.maalgruppe.1', text: 'Målgruppe Ad. 1' },
    { before: 'pps.maalgruppe.2', text: 'Ad. 2' },
    { before: 'pps.maalgruppe.3', text: 'Ad. 3' },
    { before: 'pps.kriterier.1', text: 'Kriterier i forbindelse med tildeling Ad. 1' },
    { before: 'pps.kriterier.2', text: 'Ad. 2' },
    { before: 'pps.kriterier.3', text: 'Ad. 3' },
    { before: 'pps.indhold.1', text: 'Indsatsens indhold Ad. 1' },
    { before: 'pps.indhold.2', text: 'Ad. 2' },
    { before: 'pps.indhold.3', text: 'Ad. 3' },
    { before: 'pps.omfang.1', text: 'Indsatsens omfang Ad. 1' },
    { before: 'pps.omfang.1a', text: '1A' },
    { before: 'pps.omfang.1b', text: '1B' },
    { before: 'pps.omfang.2', text: 'Ad. 2' },
    { before: 'pps.omfang.3', text: 'Ad. 3' },
    { before: 'pps.saerlige.foreloebig', text: 'Særlige bemærkninger' },
  ],
  model: [
    { before: 'hpi.1.indledning.1', text: '1) Indledning' },
    { before: 'hpi.2.formaal', text: '2) Formål' },
    { before: 'hpi.2.underformaal.maal', text: 'Underformål' },
    { before: 'hpi.3.maalgruppe.alder', text: '3) Målgruppe' },
    { before: 'hpi.3.risiko.expecting-1', text: 'Kommende forældre:' },
    { before: 'hpi.3.risiko.parent-1', text: 'Forældre:' },
    { before: 'hpi.3.risiko.child-intro', text: 'Barnet:' },
    { before: 'hpi.4.opgave', text: '4) Indhold og arbejdsopgaver' },
    { before: 'hpi.4.relationer.1', text: 'Styrkelse af relationer og rammer i familiens hjem fx:' },
    { before: 'hpi.4.trivsel.1', text: 'Styrkelse af børnenes trivsel, læring, udvikling og dannelse fx:' },
    { before: 'hpi.4.dagtilbud.1', text: 'Samspil med dagtilbud fx:' },
    { before: 'hpi.4.varighed', text: '6' }, // page number
    { before: 'hpi.5.opsporing', text: '5) Organisering af indsatsen' },
    { before: 'hpi.6.kompetencer', text: '6) Kompetencer' },
    { before: 'hpi.6.kompetence.2.1', text: 'o' }, // sub-bullet marker
    { before: 'hpi.6.kompetence.2.2', text: 'o' },
    { before: 'hpi.6.kompetence.2.3', text: 'o' },
    { before: 'hpi.7.baggrund', text: '7) Baggrund' },
  ],
  'barnets-lov': [
    { before: 'bl.19', text: 'Barnets lov (LBK nr 282 af 17/03/2025), uddrag § 19' },
    { before: 'bl.20.3', text: '§ 20, stk. 3' },
    { before: 'bl.32.1.2', text: '§ 32, stk. 1, nr. 2' },
    { before: 'bl.32.3', text: '§ 32, stk. 3' },
    { before: 'bl.32.4', text: '§ 32, stk. 4' },
    { before: 'bl.91.1', text: '§ 91, stk. 1' },
    { before: 'bl.95', text: '§ 95' },
    { before: 'bl.133', text: '§ 133' },
    { before: 'bl.136', text: '§ 136' },
  ],
};

const PREFIX: Record<PassageSource, string> = { servicestandard: 'pps.', model: 'hpi.', 'barnets-lov': 'bl.' };

const PRIVATE_USE = /[\uE000-\uF8FF]/gu;

/** Layout-blind form: the PDF extraction breaks lines, hyphenates words and prints bullet glyphs. */
function squash(s: string): string {
  return s.replace(/\s+/gu, '').replaceAll('-', '').replace(PRIVATE_USE, '');
}

const seeds = Object.fromEntries(PASSAGE_SOURCES.map((s) => [s, readSeed(SOURCES[s].seedFile)])) as Record<PassageSource, string>;

describe('passage ids', () => {
  it('are unique', () => {
    const ids = PASSAGES.map((p) => p.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('are exactly the agreed ids, so every id a rule cites resolves', () => {
    expect([...PASSAGES.map((p) => p.id)].sort()).toEqual([...AGREED_IDS].sort());
  });

  it('carry the prefix of their source', () => {
    for (const p of PASSAGES) expect(p.id.startsWith(PREFIX[p.source]), p.id).toBe(true);
  });

  it('resolve through passageById and isPassageId, and unknown ids do not', () => {
    expect(passageById('pps.omfang.2.alder')?.text).toBe('Tilbuddet er som udgangspunkt til unge under 13 år.');
    expect(passageById('hpi.4.varighed')?.heading).toBe('4) Indhold og arbejdsopgaver');
    expect(isPassageId('hpi.3.risiko.child-8')).toBe(true);
    expect(isPassageId('hpi.3.risiko.child-9')).toBe(false);
    expect(passageById('pps.omfang.4')).toBeUndefined();
    expect(passagesOf('servicestandard').every((p) => p.id.startsWith('pps.'))).toBe(true);
  });
});

describe.each(PASSAGE_SOURCES)('the %s passages', (source) => {
  const seed = seeds[source];
  const passages = passagesOf(source);

  it.each(passages.map((p) => [p.id, p] as const))('%s occurs in its seed (layout ignored)', (_id, p) => {
    expect(squash(seed)).toContain(squash(p.text));
  });

  it.each(passages.map((p) => [p.id, p] as const))('%s keeps the seed\'s real hyphens and drops only line-break hyphens', (_id, p) => {
    // In the seed, a hyphen that ends a line may be hyphenation (drop it) or a real one ("3-\n6");
    // a hyphen inside a line is always the author's and must survive in the passage.
    const LINE_END = '\u0000';
    const seedMarked = seed.replace(/-[ \t]*\r?\n/gu, LINE_END).replace(/\s+/gu, '').replace(PRIVATE_USE, '');
    const pattern = [...p.text.replace(/\s+/gu, '')]
      .map((ch) => (ch === '-' ? `(?:-|${LINE_END})` : ch.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')))
      .join(`${LINE_END}?`);
    expect(new RegExp(pattern, 'u').test(seedMarked)).toBe(true);
  });

  it('cover the whole seed: between passages, in printed order, there are only the listed headings', () => {
    const s = squash(seed);
    const leftovers: { before: string; text: string }[] = [];
    let pos = 0;
    for (const p of passages) {
      const at = s.indexOf(squash(p.text), pos);
      expect(at, `${p.id} not found after the previous passage`).toBeGreaterThanOrEqual(0);
      if (at > pos) leftovers.push({ before: p.id, text: s.slice(pos, at) });
      pos = at + squash(p.text).length;
    }
    if (pos < s.length) leftovers.push({ before: 'end', text: s.slice(pos) });
    expect(leftovers).toEqual(NOT_PASSAGE_TEXT[source].map(({ before, text }) => ({ before, text: squash(text) })));
  });
});

describe('passage text is clean to show', () => {
  it('keeps the one real hyphen the PDF put at a line end (a range of months)', () => {
    // The layout-blind checks above cannot tell "3-\n6" from a hyphenated word; this one says it.
    expect(passageById('pps.omfang.1b')?.text).toContain('de første 3-6 måneder');
  });

  it.each(PASSAGES.map((p) => [p.id, p] as const))('%s has single spaces, no glyphs and no hyphen left from a line break', (_id, p) => {
    expect(p.text).toBe(p.text.trim());
    expect(p.text).not.toMatch(/\s{2}|[\n\t]/u);
    expect(p.text).not.toMatch(PRIVATE_USE);
    // "støtte- og", "forældre- og" are real; any other "word- word" is an unrepaired line break.
    expect(p.text).not.toMatch(/\p{L}- (?!og |eller )/u);
    expect(p.text.length).toBeGreaterThan(0);
    expect(p.heading.length).toBeGreaterThan(0);
  });
});

describe('the Barnets lov passages', () => {
  it('name where each was read, and only the renderings that were not read verbatim are marked unverified', () => {
    const law = passagesOf('barnets-lov');
    for (const p of law) expect(p.url, p.id).toMatch(/^https:\/\/www\.lovguiden\.dk\//u);
    expect(law.filter((p) => p.verified === false).map((p) => p.id)).toEqual(['bl.19', 'bl.95', 'bl.133', 'bl.136']);
  });
});

describe('SOURCES', () => {
  it('gives each source a Danish title that is the title passage', () => {
    expect(SOURCES.servicestandard.title).toBe(passageById('pps.titel')?.text);
    expect(SOURCES.model.title).toBe(passageById('hpi.titel')?.text);
  });

  it('explains the lost tracked-change colours of the service standard', () => {
    expect(SOURCES.servicestandard.description).toMatch(/tracked changes/u);
  });
});
