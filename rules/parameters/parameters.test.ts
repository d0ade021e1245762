import { describe, expect, it } from 'vitest';
import { loadFixtureParameters } from '../../test/support/parameter-fixtures.js';
import { decide } from '../decide.js';
import type { Facts } from '../facts.js';
import { DEFAULT_PARAMETERS } from './default.js';
import { PARAMETER_IDS } from './ids.js';
import { parseMunicipalityParameters } from './load.js';
import { resolveParameters } from './resolve.js';

const other = loadFixtureParameters('other-municipality');

const level1: Facts = {
  referenceDate: '2025-03-01',
  startDate: '2025-03-31',
  safetyConcern: false,
  child: { ageMonths: 100 },
  concern: 'concern',
  parentsNeedSupport: true,
  benefitsFromFamilyTreatment: false,
  investigation: 'completed',
  solvableInLimitedPeriod: true,
  extraVisitsNeeded: false,
};
const level2: Facts = {
  referenceDate: '2025-03-01',
  startDate: '2025-03-31',
  safetyConcern: false,
  child: { ageMonths: 100 },
  concern: 'pronounced',
  intensiveNeeded: true,
  parentalCapacityUnclear: true,
  investigation: 'completed',
};
const preventive: Facts = {
  referenceDate: '2025-03-01',
  startDate: '2025-03-03',
  safetyConcern: false,
  child: { ageMonths: 12 },
  concern: 'beginning',
  complexity: 'low',
  problemDelimited: true,
  familyResourcesCarry: true,
  riskFactors: ['child-1'],
  riskToDevelopment: true,
};

const dues = (facts: Facts, set = DEFAULT_PARAMETERS) => decide(facts, set).reviews.map((r) => `${r.kind} ${r.due}`);

describe('the default parameter set is the seeds’ figures, as data', () => {
  it('holds every figure with a passage and at least one dated value', () => {
    expect(Object.keys(DEFAULT_PARAMETERS.parameters).sort()).toEqual([...PARAMETER_IDS].sort());
    const v = resolveParameters(DEFAULT_PARAMETERS, '2025-06-01').values;
    expect([v['level1.grantMonths'], v['level1.extraMonths'], v['level2.grantMonths'], v['level3.hoursPerWeekMax']]).toEqual([9, 3, 3, 5]);
    expect([v['preventive.maxWeeks'], v['preventive.ageMaxMonths'], v['special.ageUnderMonths'], v['level2.ageUnderMonths']]).toEqual([40, 24, 216, 156]);
  });
});

describe('the figures in force are resolved once per stretch between dates of change', () => {
  // Three dates of change across two figures, and one figure with no value before 2026.
  const dated = structuredClone(DEFAULT_PARAMETERS);
  dated.parameters['level1.grantMonths'].values = { '2000-01-01': 9, '2025-01-01': 6, '2026-06-01': 7 };
  dated.parameters['level2.grantMonths'].values = { '2026-01-01': 4 };
  const read = (day: string) => {
    const r = resolveParameters(dated, day);
    return [r.values['level1.grantMonths'], r.effectiveFrom['level1.grantMonths'], r.values['level2.grantMonths'], r.notYetInForce.join()];
  };

  it('gives each day the value with the latest date on or before it, in any order of asking', () => {
    const days = ['2026-07-01', '2024-12-31', '2025-01-01', '2026-05-31', '2026-06-01', '2025-12-31', '2026-01-01', '1999-01-01', '2024-12-31'];
    expect(days.map(read)).toEqual([
      [7, '2026-06-01', 4, ''],
      [9, '2000-01-01', 4, 'level2.grantMonths'],
      [6, '2025-01-01', 4, 'level2.grantMonths'],
      [6, '2025-01-01', 4, ''],
      [7, '2026-06-01', 4, ''],
      [6, '2025-01-01', 4, 'level2.grantMonths'],
      [6, '2025-01-01', 4, ''],
      [9, '2000-01-01', 4, PARAMETER_IDS.join()],
      [9, '2000-01-01', 4, 'level2.grantMonths'],
    ]);
  });

  it('shares one frozen result within a stretch, so no caller can change another decision’s figures, and keeps sets apart', () => {
    const a = resolveParameters(dated, '2025-02-01');
    expect(resolveParameters(dated, '2025-11-30')).toBe(a);
    expect(() => {
      (a.values as Record<string, number>)['level1.grantMonths'] = 1;
    }).toThrow(TypeError);
    expect(resolveParameters(dated, '2025-03-01').values['level1.grantMonths']).toBe(6);
    expect(resolveParameters(DEFAULT_PARAMETERS, '2025-02-01').values['level1.grantMonths']).toBe(9);
  });
});

describe('another municipality’s figures drive the decision and its due dates', () => {
  it('level 1: 6 months, no 1A, first follow-up after 2 months', () => {
    const d = decide(level1, other);
    expect(d.parameterSet).toBe('Eksempelkommune');
    expect(d.variant).toBeNull();
    expect(d.scope.grantMonths).toBe(6);
    expect(dues(level1, other)).toEqual(['follow-up 2025-05-31', 'grant-end 2025-09-30']);
    expect(dues(level1)).toEqual(['follow-up 2025-06-30', 'handover 2025-12-31', 'grant-end 2026-03-31']);
  });

  it('reads the figure in force on the reference date (values keyed by date)', () => {
    const before = { ...level1, referenceDate: '2024-12-31' };
    expect(decide(before, other).scope.grantMonths).toBe(9);
    expect(dues(before, other)).toContain('grant-end 2025-12-31');
  });

  it('level 2: re-grant every 2 months and a lower starting-point age', () => {
    expect(dues(level2, other)).toEqual(['follow-up 2025-05-31', 'regrant 2025-05-31']);
    const twelve = { ...level2, child: { ageMonths: 150 } };
    expect(decide(twelve).outcome).toBe('level2');
    expect(decide(twelve, other)).toMatchObject({ outcome: 'needs-information', missing: ['olderChildReason'] });
  });

  it('preventive: 30 weeks and an age group of 0-18 months', () => {
    expect(dues(preventive, other)).toEqual(['handover 2025-09-01', 'course-end 2025-09-29']);
    expect(dues(preventive)).toEqual(['handover 2025-11-10', 'course-end 2025-12-08']);
    const twenty = { ...preventive, child: { ageMonths: 20 } };
    expect(decide(twenty).outcome).toBe('preventive');
    expect(decide(twenty, other).outcome).toBe('none');
  });

  it('records the figures used in the trace', () => {
    const trace = decide(level2, other).trace.find((t) => t.rule === 'schedule.level2.regrant');
    expect(trace?.parameters).toEqual({ 'level2.grantMonths': 2 });
  });
});

describe('a municipality’s parameter file is checked before use', () => {
  it('rejects unknown figures, negative values, impossible dates and a missing name, naming each field', () => {
    const result = parseMunicipalityParameters({
      name: ' ',
      parameters: {
        'level1.grantMonths': { values: { '2025-02-30': 6 } },
        'level2.grantMonths': { values: { '2025-01-01': -1 } },
        'level9.visits': { values: { '2025-01-01': 1 } },
      },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const fields = result.problems.map((p) => p.field);
    expect(fields).toContain('name');
    expect(fields).toContain('parameters.level9.visits');
    expect(fields.some((f) => f.startsWith('parameters.level1.grantMonths.values'))).toBe(true);
    expect(fields).toContain('parameters.level2.grantMonths.values.2025-01-01');
    expect(result.problems.find((p) => p.field === 'parameters.level9.visits')?.message).toMatch(/ikke et kendt felt/);
  });

  it('rejects figures that contradict each other (fewest visits above the most)', () => {
    const result = parseMunicipalityParameters({ name: 'X', parameters: { 'level2.visitsPerWeekMin': { values: { '2000-01-01': 4 } } } });
    expect(result).toMatchObject({ ok: false, problems: [{ field: 'parameters.level2.visitsPerWeekMax.values.2000-01-01' }] });
  });

  it('falls back to the earliest value, with a warning, before any value is in force', () => {
    const late = parseMunicipalityParameters({ name: 'Ny', parameters: { 'level2.grantMonths': { values: { '2030-01-01': 2 } } } });
    if (!late.ok) throw new Error('fixture');
    const d = decide(level2, late.value);
    expect(d.scope.grantMonths).toBe(2);
    // Named in words a caseworker reads (the figure's description), never by its setting id.
    const warning = d.warnings.find((w) => w.text.includes('har ingen værdi, der gælder'));
    expect(warning?.text).toMatch(/^Kommunens tal »[^«]+« har ingen værdi, der gælder/u);
    expect(warning?.text).not.toContain('level2.grantMonths');
  });
});
