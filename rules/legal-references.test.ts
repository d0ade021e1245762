import { describe, expect, it } from 'vitest';
import { legalBasisFor } from './legal-basis.js';
import { LEGAL_REFERENCES, legalReferenceById, legalReferencesForSeed } from './legal-references.js';
import { PASSAGES, passageById } from './passages/index.js';

describe('legal references', () => {
  it.each(LEGAL_REFERENCES.map((r) => [r.id, r] as const))('%s names its source beside it', (_id, r) => {
    expect(r.source.length).toBeGreaterThan(0);
    for (const s of r.source) {
      expect(s.title.length).toBeGreaterThan(0);
      expect(s.url).toMatch(/^https:\/\/\S+$/u);
    }
    expect(r.current.length).toBeGreaterThan(0);
    expect(r.says.length).toBeGreaterThan(0);
    expect(r.saysEn.length).toBeGreaterThan(0);
  });

  it.each(LEGAL_REFERENCES.map((r) => [r.id, r] as const))('%s is verified only against an official or legal-text source, and says why if not', (_id, r) => {
    if (r.verified) expect(r.source.some((s) => s.publisher !== 'other')).toBe(true);
    else expect(r.note?.length ?? 0).toBeGreaterThan(0);
  });

  it.each(LEGAL_REFERENCES.map((r) => [r.id, r] as const))('%s points to passages that exist', (_id, r) => {
    for (const p of r.passages) expect(passageById(p), p).toBeDefined();
  });

  it('ids are unique', () => {
    expect(new Set(LEGAL_REFERENCES.map((r) => r.id)).size).toBe(LEGAL_REFERENCES.length);
  });

  it('every statutory reference printed in the seeds maps to a current provision', () => {
    const cited = PASSAGES.flatMap((p) => [
      ...p.text.matchAll(/(?:Lov om Social Service|servicelovens|dagtilbudslovens) (?:§ [\d-]+(?:, stk\. \d+)?(?:, nr\. \d+)?|kapitel \d+)/gu),
    ]).map((m) => m[0]);
    expect(cited).toEqual(['Lov om Social Service § 52, stk. 3, nr. 2', 'dagtilbudslovens § 8-9', 'servicelovens § 11, stk. 3', 'servicelovens kapitel 11']);
    for (const ref of cited) expect(legalReferencesForSeed(ref).length, ref).toBeGreaterThan(0);
  });

  it('are looked up by the seed reference however it is spaced or spelled', () => {
    expect(legalReferencesForSeed('SEL § 52, stk. 3, nr. 2').map((r) => r.current)).toEqual(['Barnets lov § 32, stk. 1, nr. 2']);
    expect(legalReferencesForSeed('lov om social service  § 52, stk. 3, nr. 2')[0]?.id).toBe('praktisk-paedagogisk-stoette');
    expect(legalReferencesForSeed('dagtilbudslovens §§ 8 - 9')[0]?.current).toBe('dagtilbudsloven §§ 8-10');
    expect(legalReferencesForSeed('servicelovens § 11, stk. 3')[0]?.current).toBe('Barnets lov § 30');
    expect(legalReferencesForSeed('underretning').map((r) => r.id)).toEqual(['underretningspligt', 'underretning-24-timer']);
    expect(legalReferencesForSeed('SEL § 999')).toEqual([]);
  });

  it('keeps the follow-up rule and the 4-month limit the reminders rest on', () => {
    expect(legalReferenceById('opfoelgning')?.current).toBe('Barnets lov § 95');
    expect(legalReferenceById('boernefaglig-undersoegelse')?.says).toMatch(/4 måneder/u);
  });
});

describe('a decision’s legal basis', () => {
  it('is the same words for the same outcome, in objects of its own, so changing one decision’s changes no other', () => {
    const first = legalBasisFor('level2', true);
    expect(first.map((b) => b.current)).toEqual(['praktisk-paedagogisk-stoette', 'opfoelgning', 'boernefaglig-undersoegelse', 'barnets-plan'].map((id) => legalReferenceById(id)?.current));
    expect(legalBasisFor('level2', false)).toHaveLength(2);
    (first[0] as { current: string }).current = 'ændret';
    first.pop();
    const second = legalBasisFor('level2', true);
    expect(second).toHaveLength(4);
    expect(second[0]?.current).toBe(legalReferenceById('praktisk-paedagogisk-stoette')?.current);
  });
});
