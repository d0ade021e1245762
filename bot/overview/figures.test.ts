import { describe, expect, it } from 'vitest';
import type { OpenCaseRow, TeamOverviewRows } from '../storage/team-overview.js';
import { teamOverview } from './figures.js';

const open = (reference: string, standardHash: string | null): OpenCaseRow => ({
  caseId: `case-${reference}`,
  decisionId: `decision-${reference}`,
  reference,
  childPseudonym: 'AB',
  caseworkerName: 'Sanne',
  recommendedOutcome: 'preventive',
  chosenOutcome: 'preventive',
  chosenVariant: null,
  overridden: false,
  recommendedScope: { maxWeeks: 40 },
  recommendedVariant: null,
  startDate: '2026-01-05',
  chosenScope: { maxWeeks: 40 },
  standardHash,
  notesInPeriod: 0,
  contacts: 0,
  supportMinutes: 0,
});

const rows = (cases: OpenCaseRow[]): TeamOverviewRows => ({
  openCases: cases,
  due: [],
  childPlanUndecided: [],
  decisions: cases.map((c) => ({ caseId: c.caseId, decisionId: c.decisionId, reference: c.reference, childPseudonym: 'AB', caseworkerName: 'Sanne', recommendedOutcome: 'preventive', overrideReason: null, standardHash: c.standardHash })),
});

const NAMES = {
  v1: { preventive: { da: 'Tidlig indsats i hjemmet (0-3 år)', en: 'Early support at home (0-3 years)' } },
  v2: { preventive: { da: 'Småbørnsstøtte i hjemmet', en: 'Support for young children at home' } },
};
const namesOf = (hash: string | null) => (hash === 'v1' || hash === 'v2' ? NAMES[hash] : {});

describe('the team overview’s measure names', () => {
  it('names a measure as the standard its cases were decided under names it, in the open cases and the overrides', () => {
    const o = teamOverview(rows([open('A-1', 'v1'), open('A-2', 'v1')]), { teamId: 't', today: '2026-03-01' }, namesOf);
    expect(o.open.byMeasure.map((m) => m.label)).toEqual(['Tidlig indsats i hjemmet (0-3 år)']);
    expect(o.overrides.byMeasure.map((m) => m.label)).toEqual(['Tidlig indsats i hjemmet (0-3 år)']);
  });

  it('gives every name when its cases were decided under versions that name it differently, and the seed’s without a standard', () => {
    const o = teamOverview(rows([open('A-1', 'v1'), open('A-2', 'v2')]), { teamId: 't', today: '2026-03-01' }, namesOf);
    expect(o.open.byMeasure.map((m) => [m.label, m.cases.count])).toEqual([['Småbørnsstøtte i hjemmet / Tidlig indsats i hjemmet (0-3 år)', 2]]);
    expect(teamOverview(rows([open('A-1', null)]), { teamId: 't', today: '2026-03-01' }).open.byMeasure[0]?.label).toBe('Hjemmepædagogisk indsats (forebyggende)');
  });

  it("names them in the reader's language: the standard's own English name, and the seed's English without a standard", () => {
    const o = teamOverview(rows([open('A-1', 'v1'), open('A-2', 'v2')]), { teamId: 't', today: '2026-03-01', locale: 'en' }, namesOf);
    expect(o.open.byMeasure.map((m) => m.label)).toEqual(['Early support at home (0-3 years) / Support for young children at home']);
    expect(o.overrides.byMeasure.map((m) => m.label)).toEqual(['Early support at home (0-3 years) / Support for young children at home']);
    expect(o.scope.lines.map((l) => l.label)).toEqual(['No notes yet']);
    expect(teamOverview(rows([open('A-1', null)]), { teamId: 't', today: '2026-03-01', locale: 'en' }).open.byMeasure[0]?.label).toBe('Hjemmepædagogisk indsats (preventive home support)');
  });
});
