import { describe, expect, it } from 'vitest';
import { consequencesOfChoice } from './chosen-measure.js';
import { decide } from './decide.js';
import type { Facts } from './facts.js';

const base: Facts = {
  referenceDate: '2026-01-15',
  startDate: '2026-02-01',
  child: { ageMonths: 60 },
  safetyConcern: false,
  concern: 'pronounced',
  investigation: 'completed',
  intensiveNeeded: true,
  parentalCapacityUnclear: true,
};

describe('the due dates of a measure the caseworker chose over the recommendation', () => {
  it('level 3 chosen over a level 2 recommendation follows up every 6 months, not every 3 (pps.omfang.3)', () => {
    expect(decide(base).outcome).toBe('level2');
    const { reviews, scope } = consequencesOfChoice(base, 'level3', null);
    expect(reviews.map((r) => [r.kind, r.due])).toContainEqual(['follow-up', '2026-08-01']);
    expect(reviews.some((r) => r.kind === 'regrant')).toBe(false);
    expect(scope.hoursPerWeekMax).toBe(5);
  });

  it('gives the same dates as the rules when the choice is the recommendation', () => {
    const d = decide(base);
    expect(consequencesOfChoice(base, 'level2', null).reviews).toEqual(d.reviews);
  });

  it('sets no due dates for an escalation or for no measure', () => {
    expect(consequencesOfChoice(base, 'escalate', null).reviews).toEqual([]);
    expect(consequencesOfChoice(base, 'none', null).reviews).toEqual([]);
  });

  it('level 1 chosen keeps the stated variant: 1B steps down after 3 months (pps.omfang.1b)', () => {
    const { reviews } = consequencesOfChoice(base, 'level1', '1B');
    expect(reviews.map((r) => [r.kind, r.due])).toContainEqual(['step-down', '2026-05-01']);
  });
});
