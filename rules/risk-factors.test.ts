import { describe, expect, it } from 'vitest';
import { RISK_FACTOR_GROUPS, RISK_FACTOR_IDS, type RiskFactorGroup } from './facts.js';
import { passageById } from './passages/index.js';
import { RISK_FACTORS, RISK_FACTOR_GROUP_INFO, riskFactorById, riskFactorsIn } from './risk-factors.js';

const GROUPS = Object.keys(RISK_FACTOR_GROUPS) as RiskFactorGroup[];

describe('risk factors', () => {
  it('are exactly the facts contract ids, in the same order', () => {
    expect(RISK_FACTORS.map((f) => f.id)).toEqual(RISK_FACTOR_IDS);
  });

  it.each(RISK_FACTORS.map((f) => [f.id, f] as const))('%s cites an existing passage printed under its own checklist', (_id, f) => {
    const passage = passageById(f.passage);
    expect(passage, f.passage).toBeDefined();
    expect(passage?.heading.endsWith(`› ${RISK_FACTOR_GROUP_INFO[f.group].title}`)).toBe(true);
    expect(f.id.startsWith(`${f.group}-`)).toBe(true);
  });

  it.each(RISK_FACTORS.map((f) => [f.id, f] as const))('%s has a short Danish and English checkbox label that echoes its passage', (_id, f) => {
    // Short enough for two lines beside a checkbox at 360 px; correct Danish comes before brevity
    // ("Oplever barnet som en belastning ud over det forventelige").
    expect(f.label.length).toBeGreaterThan(0);
    expect(f.label.length).toBeLessThanOrEqual(60);
    expect(f.labelEn.length).toBeGreaterThan(0);
    expect(f.labelEn.length).toBeLessThanOrEqual(60);
    // A label shifted onto the wrong bullet shares no word with it.
    const text = passageById(f.passage)?.text.toLowerCase() ?? '';
    const words = f.label.toLowerCase().match(/\p{L}{5,}/gu) ?? [];
    expect(words.some((w) => text.includes(w.slice(0, 5))), `${f.label} / ${text}`).toBe(true);
  });

  it('labels are distinct, so two checkboxes never read the same', () => {
    expect(new Set(RISK_FACTORS.map((f) => f.label)).size).toBe(RISK_FACTORS.length);
    expect(new Set(RISK_FACTORS.map((f) => f.labelEn)).size).toBe(RISK_FACTORS.length);
  });

  it('groups have Danish and English titles and an introducing passage', () => {
    expect(RISK_FACTOR_GROUP_INFO.expecting).toMatchObject({ title: 'Kommende forældre', titleEn: 'Expectant parents' });
    expect(RISK_FACTOR_GROUP_INFO.parent).toMatchObject({ title: 'Forældre', titleEn: 'Parents' });
    expect(RISK_FACTOR_GROUP_INFO.child).toMatchObject({ title: 'Barnet', titleEn: 'The child' });
    for (const g of GROUPS) expect(passageById(RISK_FACTOR_GROUP_INFO[g].intro), g).toBeDefined();
  });

  it('are found by id and by group', () => {
    expect(riskFactorById('parent-5')?.passage).toBe('hpi.3.risiko.parent-5');
    expect(riskFactorById('parent-12')).toBeUndefined();
    for (const g of GROUPS) expect(riskFactorsIn(g)).toHaveLength(RISK_FACTOR_GROUPS[g]);
  });
});
