import { describe, expect, it } from 'vitest';
import { bindRules } from './bind.js';
import { takesChildPlanStance } from './child-plan.js';
import { decide } from './decide.js';
import type { Facts } from './facts.js';
import { nextDue } from './next-due.js';
import { DEFAULT_PARAMETERS } from './parameters/default.js';
import { parameterWarnings } from './parameters/figures.js';
import { parseMunicipalityParameters } from './parameters/load.js';
import { passageById } from './passages/index.js';
import { LEVEL2_FACTS, PREVENTIVE_FACTS } from '../test/support/rule-facts.js';

/** Barnets plan (Barnets lov § 91, stk. 1): within 3 months of the decision on support under § 32. */

// A level-2 case whose support starts two weeks after the decision, so the two dates differ.
const LEVEL: Facts = { ...LEVEL2_FACTS, startDate: '2026-02-01' };
const PREVENTIVE = PREVENTIVE_FACTS;

describe('barnets plan', () => {
  it("is due the law's 3 months after the day of the decision, clamped at a month's end, cited to § 91", () => {
    const rules = bindRules(DEFAULT_PARAMETERS);
    expect(rules.childPlanDeadline('2026-01-20')).toMatchObject({ kind: 'child-plan', due: '2026-04-20', passage: 'bl.91.1' });
    expect(rules.childPlanDeadline('2026-11-30').due).toBe('2027-02-28');
    expect(passageById('bl.91.1')?.text).toContain('senest 3 måneder efter at der er truffet afgørelse om en indsats');
    expect(DEFAULT_PARAMETERS.parameters['childPlan.withinMonths']).toMatchObject({ passage: 'bl.91.1', values: { '2000-01-01': 3 } });
  });

  it("takes a municipality's own figure, with the warning that it differs from the law's words", () => {
    const own = parseMunicipalityParameters({ name: 'Kommune', parameters: { 'childPlan.withinMonths': { values: { '2000-01-01': 2 } } } });
    if (!own.ok) throw new Error('the file should parse');
    expect(bindRules(own.value).childPlanDeadline('2026-01-20').due).toBe('2026-03-20');
    expect(parameterWarnings(own.value).map((w) => w.field)).toEqual(['parameters.childPlan.withinMonths.values.2000-01-01']);
    expect(bindRules(DEFAULT_PARAMETERS).childPlanDeadline('2026-01-20').due).toBe('2026-04-20');
  });

  it('is asked of support under § 32 (the schedule with § 95’s first follow-up), not of a preventive course', () => {
    expect(takesChildPlanStance(decide(LEVEL).reviews)).toBe(true);
    expect(takesChildPlanStance(decide(PREVENTIVE).reviews)).toBe(false);
  });

  it('is counted beside the decision’s own dates in what is due next', () => {
    const reviews = decide(LEVEL).reviews;
    const plan = bindRules(DEFAULT_PARAMETERS).childPlanDeadline('2026-01-15');
    expect(nextDue([...reviews, plan], '2026-01-15')).toMatchObject({ kind: 'child-plan', due: '2026-04-15' });
  });
});
