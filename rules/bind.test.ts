import { describe, expect, it } from 'vitest';
import { ageAt, dayAtAge } from './age.js';
import { bindRules } from './bind.js';
import type { Review } from './decision-types.js';
import { nextDue, successorOf } from './next-due.js';
import { DEFAULT_PARAMETERS } from './parameters/default.js';
import { parseMunicipalityParameters } from './parameters/load.js';

const review = (kind: Review['kind'], due: string): Review => ({ kind, due, passage: 'pps.omfang.2', text: kind });

describe('what is due next', () => {
  it('is the first review after the day, with nothing held', () => {
    expect(nextDue([review('grant-end', '2026-10-05'), review('regrant', '2026-04-05')], '2026-01-05')?.due).toBe('2026-04-05');
    expect(nextDue([review('regrant', '2026-04-05')], '2026-04-05')).toBeNull();
  });

  it('after a review held, is the cadence counted from that day unless a fixed date comes first', () => {
    const reviews = [review('regrant', '2026-04-05'), review('follow-up', '2026-04-05'), review('handover', '2026-06-01')];
    expect(nextDue(reviews, '2026-04-01', { on: '2026-04-01', cadence: { regrant: 3 } })).toMatchObject({ kind: 'handover', due: '2026-06-01' });
    expect(nextDue(reviews.slice(0, 2), '2026-04-01', { on: '2026-04-01', cadence: { regrant: 3 } })).toMatchObject({ kind: 'regrant', due: '2026-07-01' });
  });

  it('brings a repeating review back a period after its due day, or after the day it was held if later', () => {
    expect(successorOf(review('regrant', '2026-04-05'), '2026-04-01', { regrant: 2 })?.due).toBe('2026-06-05');
    expect(successorOf(review('regrant', '2026-04-05'), '2026-04-20', { regrant: 2 })?.due).toBe('2026-06-20');
    expect(successorOf(review('grant-end', '2026-04-05'), '2026-04-05', { regrant: 2 })).toBeNull();
  });
});

describe("the child's age", () => {
  it('is counted from the day it was given', () => {
    const facts = { referenceDate: '2025-01-15', child: { ageMonths: 14 } };
    expect(ageAt(facts, '2025-04-15')).toBe(17);
    expect(ageAt(facts, '2025-01-01')).toBe(14);
    expect(ageAt({ referenceDate: '2025-01-15', child: { ageMonths: null } }, '2026-01-01')).toBeNull();
    expect(dayAtAge({ day: '2025-01-15', age: 14 }, 36)).toBe('2026-11-15');
  });
});

describe('the rules bound to a parameter set', () => {
  const own = parseMunicipalityParameters({
    name: 'Egen',
    parameters: {
      'level2.grantMonths': { values: { '2000-01-01': 2 } },
      'preventive.followUpAtAgeMonths': { values: { '2000-01-01': 48 } },
      'plan.daycareAgeUnderMonths': { values: { '2000-01-01': 60 } },
    },
  });
  if (!own.ok) throw new Error(JSON.stringify(own.problems));
  const rules = bindRules(own.value);
  const standard = bindRules(DEFAULT_PARAMETERS);

  it("read the set's figures for cadence, the follow-up after a preventive course and the plan's daycare question", () => {
    expect(rules.cadence('level2', '2026-01-01')).toEqual({ regrant: 2 });
    expect(standard.cadence('level2', '2026-01-01')).toEqual({ regrant: 3 });
    expect(rules.followUpAtThree({ day: '2025-01-15', age: 14 })).toMatchObject({ due: '2027-11-15', text: expect.stringContaining('4 år') });
    expect(standard.followUpAtThree({ day: '2025-01-15', age: 14 })).toMatchObject({ due: '2026-11-15', text: expect.stringContaining('3 år') });
    expect([rules.asksDaycare(65, '2026-01-01'), standard.asksDaycare(65, '2026-01-01')]).toEqual([false, true]);
  });

  it("give an override the chosen measure's scope by the set's figures", () => {
    const facts = { referenceDate: '2026-01-05', startDate: '2026-01-05' };
    expect(rules.consequencesOfChoice(facts, 'level2', null).scope.grantMonths).toBe(2);
    expect(rules.consequencesOfChoice(facts, 'level2', null).reviews).toContainEqual(expect.objectContaining({ kind: 'regrant', due: '2026-03-05' }));
  });
});
