import { describe, expect, it } from 'vitest';
import { decide } from './decide.js';
import { blockedLevel } from './explain.js';
import { parseFacts, type Facts } from './facts.js';
import { DEFAULT_PARAMETERS } from './parameters/default.js';
import { FIGURE_IN_PASSAGE, parameterWarnings } from './parameters/figures.js';
import { parseMunicipalityParameters } from './parameters/load.js';
import { passageById } from './passages/index.js';

const youngConcern: Facts = {
  referenceDate: '2025-01-15',
  startDate: '2025-02-03',
  safetyConcern: false,
  child: { ageMonths: 24 },
  concern: 'concern',
  complexity: 'low',
  problemDelimited: true,
  familyResourcesCarry: true,
  riskFactors: ['parent-3', 'child-2'],
  riskToDevelopment: true,
  investigation: 'none',
};

const level2Process: Facts = {
  referenceDate: '2025-01-15',
  startDate: '2025-01-31',
  safetyConcern: false,
  child: { ageMonths: 96 },
  concern: 'pronounced',
  intensiveNeeded: true,
  parentalCapacityUnclear: true,
  investigation: 'none',
  receivesVisitationSocial: false,
};

const allText = (d: ReturnType<typeof decide>): string =>
  [...d.reasons, ...d.warnings, ...Object.values(d.whyNot).flat()].map((c) => c?.text ?? '').join('\n');

describe('bekymring without an undersøgelse is the same on both sides of 24 months', () => {
  it('gives the same outcome and reasons at 24 and 25 months, and no underretning', () => {
    const at24 = decide(youngConcern);
    const at25 = decide({ ...youngConcern, child: { ageMonths: 25 } });
    expect(at24.outcome).toBe('none');
    expect(at25.outcome).toBe('none');
    expect(at24.reasons).toEqual(at25.reasons);
    expect(at24.reasons[0]?.text).toContain('Start en børnefaglig undersøgelse');
    expect(allText(at24)).not.toMatch(/24 timer|underret/u);
  });

  it('still escalates when the safety flag is set', () => {
    expect(decide({ ...youngConcern, safetyConcern: true }).outcome).toBe('escalate');
  });
});

describe('a level that fails only on process says what blocks it and what to do', () => {
  it('level 2 without an undersøgelse: start it, with the foreløbig handleplan as the special route', () => {
    const d = decide(level2Process);
    expect(d.outcome).toBe('none');
    expect(blockedLevel(d.outcome, d.trace)).toBe('level2');
    expect(d.reasons[0]?.text).toMatch(/^Niveau 2 kan ikke bevilges endnu\. Der er ingen børnefaglig undersøgelse\. Start den/u);
    expect(d.reasons[0]?.text).toContain('foreløbig handleplan');
    expect(d.reasons.map((r) => r.text).join(' ')).not.toContain('Ingen af indsatserne passer');
  });

  it('level 2 with the undersøgelse under way but no plan: make the plan', () => {
    const d = decide({ ...level2Process, investigation: 'underway', preliminaryPlan: false });
    expect(d.reasons[0]?.text).toContain('Udarbejd den foreløbige handleplan');
  });

  it('is not "blocked" when the family itself does not fit', () => {
    const d = decide({ ...level2Process, intensiveNeeded: false });
    expect(d.outcome).toBe('none');
    expect(blockedLevel(d.outcome, d.trace)).toBeNull();
  });
});

describe('level 3 needs its basis established', () => {
  const level3: Facts = {
    ...level2Process,
    parentalCapacityUnclear: false,
    emotionalCareAdequate: true,
    practicalCareSeriousDeficits: true,
    parentsSeeNeed: true,
    investigation: 'completed',
  };
  it.each(['none', 'underway'] as const)('is never recommended with the undersøgelse %s', (investigation) => {
    const d = decide({ ...level3, investigation });
    expect(d.outcome).not.toBe('level3');
    expect(blockedLevel(d.outcome, d.trace)).toBe('level3');
  });
  it('asks for the undersøgelse when it is not answered', () => {
    const { investigation: _omitted, ...rest } = level3;
    const d = decide(rest);
    expect(d.outcome).toBe('needs-information');
    expect(d.missing).toContain('investigation');
  });
});

describe('texts', () => {
  it('names a risk factor by its words, not its id', () => {
    const d = decide({ ...youngConcern, concern: 'beginning', child: { ageMonths: 10 } });
    expect(d.outcome).toBe('preventive');
    const texts = d.reasons.map((r) => r.text).join('\n');
    expect(texts).toContain('Forældrerollen opleves vanskelig');
    expect(texts).not.toMatch(/parent-3|child-2/u);
  });

  it('never says "men der mangler oplysninger går forud" nor "✗ … passer" under "none"', () => {
    const open = decide({ ...youngConcern, concern: 'beginning', child: { ageMonths: 10 }, riskToDevelopment: undefined });
    expect(allText(open)).not.toContain('mangler oplysninger går forud');
    const fits = decide({ ...youngConcern, concern: 'beginning', child: { ageMonths: 10 } });
    expect(fits.whyNot.none).toBeUndefined();
    expect(fits.whyNot['needs-information']).toBeUndefined();
  });
});

describe('contradictory or implausible facts are refused', () => {
  const base = { referenceDate: '2025-01-15' };
  it.each([
    [{ ...base, startDate: '1900-01-01' }, 'startDate'],
    [{ ...base, startDate: '2999-01-01' }, 'startDate'],
    [{ referenceDate: '1900-01-01' }, 'referenceDate'],
    [{ ...base, child: { ageMonths: 3, latePregnancy: true } }, 'child.latePregnancy'],
  ])('%j is refused at %s', (input, field) => {
    const parsed = parseFacts(input);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems.map((p) => p.field)).toContain(field);
  });

  it('warns in the decision too, for facts that reached it without the edge (the interview builds them step by step)', () => {
    const d = decide({ ...youngConcern, concern: 'beginning', child: { ageMonths: 10 }, startDate: '1900-01-01' });
    expect(d.warnings.some((w) => w.text.startsWith('Oplysningerne hænger ikke sammen: Startdatoen skal ligge mellem'))).toBe(true);
  });

  it('takes a start date within the window', () => {
    expect(parseFacts({ ...base, startDate: '2022-01-15' }).ok).toBe(true);
    expect(parseFacts({ ...base, startDate: '2026-01-15' }).ok).toBe(true);
  });

  it('does not count "Barnet" risk factors for an unborn child', () => {
    const d = decide({ ...youngConcern, concern: 'beginning', child: { ageMonths: null, latePregnancy: true }, riskFactors: ['child-1'] });
    expect(d.outcome).toBe('none');
    expect(d.whyNot.preventive?.map((c) => c.text).join(' ')).toContain('«Barnet»');
  });
});

describe('a parameter that contradicts its cited passage', () => {
  it('states each figure in the words of its passage', () => {
    for (const [id, stated] of Object.entries(FIGURE_IN_PASSAGE)) {
      const def = DEFAULT_PARAMETERS.parameters[id as keyof typeof DEFAULT_PARAMETERS.parameters];
      expect(passageById(def.passage)?.text, id).toContain(stated!.words);
      expect(Object.values(def.values), id).toContain(stated!.figure);
    }
    expect(parameterWarnings(DEFAULT_PARAMETERS)).toEqual([]);
  });

  it('warns when the preventive age is 60 months but the passage says 0-24 måneder, also in the decision', () => {
    const parsed = parseMunicipalityParameters({ name: 'Vestby', parameters: { 'preventive.ageMaxMonths': { values: { '2000-01-01': 60 } } } });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const warnings = parameterWarnings(parsed.value);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.passage).toBe('hpi.3.maalgruppe.alder');
    expect(warnings[0]?.message).toContain('»0-24 måneder«');
    const d = decide({ ...youngConcern, concern: 'beginning', child: { ageMonths: 40 } }, parsed.value);
    expect(d.warnings.some((w) => w.passage === 'hpi.3.maalgruppe.alder' && w.text.includes('60'))).toBe(true);
  });
});
