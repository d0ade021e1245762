import { describe, expect, it } from 'vitest';
import { scopeUsage, type Grant, type UsageNote } from './scope-usage.js';

const visit = (date: string, minutes = 60): UsageNote => ({ date, kind: 'visit', minutes });

// 2025-03-10 is a Monday.
const level1A: Grant = { outcome: 'level1', variant: '1A', startDate: '2025-03-03', scope: { visitsPerWeek: { min: 1, max: 1 }, grantMonths: 9, extraMonths: 3 } };

describe('scope used against scope granted', () => {
  it('counts an interdisciplinary meeting as a visit, as the standard allows, and flags a week over the grant', () => {
    const notes = [visit('2025-03-04'), visit('2025-03-11'), { date: '2025-03-13', kind: 'interdisciplinary-meeting', minutes: 90 } as const, { date: '2025-03-12', kind: 'phone', minutes: 10 } as const];
    const usage = scopeUsage(notes, level1A, '2025-03-14');
    expect(usage.visits).toMatchObject({ thisWeek: 2, grantedMax: 1, overThisWeek: true, meetingsCountedAsVisits: 1, passage: 'pps.omfang.1a', meetingsPassage: 'pps.saerlige.tvaerfaglige-moeder' });
    // 3 visits over 12 days (1.71 weeks)
    expect(usage.visits!.averagePerWeek).toBe(1.75);
    expect(usage.hours).toBeUndefined();
  });

  it('is within the grant at one visit a week', () => {
    const usage = scopeUsage([visit('2025-03-04'), visit('2025-03-11')], level1A, '2025-03-14');
    expect(usage.visits).toMatchObject({ thisWeek: 1, overThisWeek: false });
  });

  it('allows 1B two visits a week in the first months and one after', () => {
    const level1B: Grant = {
      outcome: 'level1',
      variant: '1B',
      startDate: '2025-01-06',
      scope: { visitsPerWeek: { min: 1, max: 1 }, initialPhase: { visitsPerWeek: { min: 2, max: 2 }, monthsMin: 3, monthsMax: 6 } },
    };
    const twoAWeek = (monday: string, tuesday: string) => [visit(monday), visit(tuesday)];
    expect(scopeUsage(twoAWeek('2025-03-10', '2025-03-11'), level1B, '2025-03-12').visits).toMatchObject({ grantedMax: 2, overThisWeek: false, passage: 'pps.omfang.1b' });
    expect(scopeUsage(twoAWeek('2025-08-11', '2025-08-12'), level1B, '2025-08-13').visits).toMatchObject({ grantedMax: 1, overThisWeek: true });
  });

  it('cites level 2 visits to their passage', () => {
    const level2: Grant = { outcome: 'level2', variant: null, startDate: '2025-03-03', scope: { visitsPerWeek: { min: 2, max: 3 }, grantMonths: 3 } };
    expect(scopeUsage([visit('2025-03-10')], level2, '2025-03-10').visits).toMatchObject({ thisWeek: 1, grantedMin: 2, grantedMax: 3, passage: 'pps.omfang.2' });
  });

  it('adds up level 3 hours from support time, leaving observations out', () => {
    const level3: Grant = { outcome: 'level3', variant: null, startDate: '2025-03-03', scope: { hoursPerWeekMax: 5 } };
    const notes: UsageNote[] = [visit('2025-03-10', 180), { date: '2025-03-11', kind: 'phone', minutes: 30 }, { date: '2025-03-12', kind: 'observation', minutes: 240 }, visit('2025-03-13', 120)];
    expect(scopeUsage(notes, level3, '2025-03-14').hours).toEqual({ thisWeek: 5.5, averagePerWeek: 3.21, grantedMax: 5, overThisWeek: true, passage: 'pps.omfang.3' });
  });

  it('counts weeks used of the preventive course and flags a course past 40 weeks', () => {
    const preventive: Grant = { outcome: 'preventive', variant: null, startDate: '2025-01-06', scope: { maxWeeks: 40 } };
    expect(scopeUsage([], preventive, '2025-01-12').weeks).toEqual({ used: 1, max: 40, over: false, passage: 'hpi.4.varighed' });
    expect(scopeUsage([], preventive, '2025-10-12').weeks).toMatchObject({ used: 40, over: false });
    expect(scopeUsage([], preventive, '2025-10-13').weeks).toMatchObject({ used: 41, over: true });
    expect(scopeUsage([visit('2025-01-07')], preventive, '2025-01-12').visits).toBeUndefined();
  });

  it('ignores notes from before the start and after the day measured at', () => {
    const usage = scopeUsage([visit('2025-02-24'), visit('2025-03-20')], level1A, '2025-03-14');
    expect(usage.visits).toMatchObject({ thisWeek: 0, averagePerWeek: 0 });
  });
});
