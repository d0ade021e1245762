import { standardRules } from '../rules-binding.js';
import { describe, expect, it } from 'vitest';
import type { Review } from '../../rules/decision-types.js';
import { planReminders, type ScheduleInput } from './schedule.js';

const regrant: Review = { kind: 'regrant', due: '2026-04-01', passage: 'pps.omfang.2', text: 'Genbevilling: er effekten tilstrækkelig?' };
const firstFollowUp: Review = { kind: 'follow-up', due: '2026-04-01', passage: 'pps.omfang.3', text: 'Første opfølgning (Barnets lov § 95)' };
const sixMonth: Review = { kind: 'follow-up', due: '2026-07-01', passage: 'pps.omfang.3', text: 'Opfølgning: er den kompenserende støtte stadig tilstrækkelig?' };

function input(over: Partial<ScheduleInput>): ScheduleInput {
  const outcome = over.outcome ?? 'level2';
  return { caseRef: 'SAG-1', outcome, reviews: [regrant], cadence: standardRules('t').cadence(outcome, '2026-01-01'), completed: [], closed: false, ...over };
}

describe('reminder schedule', () => {
  it('gives each review a notice 14 days before and one on the day, with the case, due date, task and passage', () => {
    const plan = planReminders(input({}));
    expect(plan).toEqual([
      { reviewKey: 'regrant:2026-04-01', notice: 'lead', kind: 'regrant', caseRef: 'SAG-1', due: '2026-04-01', fireAt: '2026-03-18T07:00:00.000Z', passage: 'pps.omfang.2', text: regrant.text },
      { reviewKey: 'regrant:2026-04-01', notice: 'due', kind: 'regrant', caseRef: 'SAG-1', due: '2026-04-01', fireAt: '2026-04-01T07:00:00.000Z', passage: 'pps.omfang.2', text: regrant.text },
    ]);
  });

  it('uses the configured lead time and send hour', () => {
    const plan = planReminders(input({}), { leadDays: 30, sendHourUtc: 9 });
    expect(plan.map((p) => p.fireAt)).toEqual(['2026-03-02T09:00:00.000Z', '2026-04-01T09:00:00.000Z']);
  });

  it('has no pending reminders for a closed case', () => {
    expect(planReminders(input({ closed: true }))).toEqual([]);
  });

  it('moves level 2 on to a new 3-month period when the re-grant review is done', () => {
    const plan = planReminders(input({ completed: [{ kind: 'regrant', due: '2026-04-01', doneOn: '2026-03-20' }] }));
    expect([...new Set(plan.map((p) => p.due))]).toEqual(['2026-07-01']);
    expect(plan[0]!.text).toBe(regrant.text);
  });

  it('starts the new period from the day a late re-grant was done, not from the lapsed date', () => {
    const plan = planReminders(input({ completed: [{ kind: 'regrant', due: '2026-04-01', doneOn: '2026-04-10' }] }));
    expect(plan.map((p) => p.due)).toContain('2026-07-10');
  });

  it('moves level 3 on to the next 6 months after the 6-month follow-up, keeping the § 95 follow-up apart', () => {
    const reviews = [firstFollowUp, sixMonth];
    const afterFirst = planReminders(input({ outcome: 'level3', reviews, completed: [{ kind: 'follow-up', due: '2026-04-01', doneOn: '2026-04-01' }] }));
    expect([...new Set(afterFirst.map((p) => p.due))]).toEqual(['2026-07-01']);
    const afterSecond = planReminders(
      input({ outcome: 'level3', reviews, completed: [{ kind: 'follow-up', due: '2026-04-01', doneOn: '2026-04-01' }, { kind: 'follow-up', due: '2026-07-01', doneOn: '2026-06-28' }] }),
    );
    expect([...new Set(afterSecond.map((p) => p.due))]).toEqual(['2027-01-01']);
  });

  it('follows a chain of done periods period by period', () => {
    const completed = [
      { kind: 'regrant' as const, due: '2026-04-01', doneOn: '2026-03-25' },
      { kind: 'regrant' as const, due: '2026-07-01', doneOn: '2026-06-25' },
    ];
    expect([...new Set(planReminders(input({ completed })).map((p) => p.due))]).toEqual(['2026-10-01']);
  });

  it('does not repeat reviews that happen once (level 1 grant end) when they are done', () => {
    const grantEnd: Review = { kind: 'grant-end', due: '2026-10-01', passage: 'pps.omfang.1', text: 'Bevillingen udløber' };
    expect(planReminders(input({ outcome: 'level1', reviews: [grantEnd], completed: [{ kind: 'grant-end', due: '2026-10-01', doneOn: '2026-09-20' }] }))).toEqual([]);
  });

  it('clamps a month-end due date to the shorter month', () => {
    const plan = planReminders(input({ reviews: [{ ...regrant, due: '2025-11-30' }], completed: [{ kind: 'regrant', due: '2025-11-30', doneOn: '2025-11-30' }] }));
    expect(plan.map((p) => p.due)).toContain('2026-02-28');
  });
});
