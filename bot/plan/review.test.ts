import { standardRules } from '../rules-binding.js';
import { describe, expect, it } from 'vitest';
import { decide } from '../../rules/decide.js';
import type { Facts } from '../../rules/facts.js';
import type { Decision, Outcome, Review } from '../../rules/decision-types.js';
import { addMonths } from './dates.js';
import { conductReview, factsAtReview, nextReviewAfter, type ReviewContext } from './review.js';
import { parseReviewInput, type ReviewInput } from './review-input.js';

const rules = standardRules('t');

// Decisions shaped as the rules give them; only the fields a review reads are filled in.
function decision(outcome: Outcome, startDate: string, reviews: Review[]): Decision {
  return {
    outcome, variant: null, missing: [], scope: {}, reviews, reasons: [], whyNot: {}, warnings: [], legalBasis: [], trace: [],
    referenceDate: startDate, startDate, parameterSet: 'test',
  };
}
const level2 = (start: string) =>
  decision('level2', start, [
    { kind: 'regrant', due: addMonths(start, 3), passage: 'pps.omfang.2', text: 'Ny bevilling: har indsatsen tilstrækkelig effekt?' },
  ]);
const level3 = (start: string) =>
  decision('level3', start, [{ kind: 'follow-up', due: addMonths(start, 6), passage: 'pps.omfang.3', text: 'Opfølgning hver 6. måned' }]);
const preventive = (start: string) =>
  decision('preventive', start, [
    { kind: 'handover', due: '2026-09-01', passage: 'hpi.4.varighed', text: 'Afslutning og overlevering til dagtilbud' },
    { kind: 'course-end', due: '2026-10-07', passage: 'hpi.4.varighed', text: 'Forløbet slutter (højst 40 uger)' },
  ]);

const goalIds = ['9b2f1c1e-0000-4000-8000-000000000001', '9b2f1c1e-0000-4000-8000-000000000002'];
const progress = [
  { goalId: goalIds[0]!, progress: 'some' as const, note: 'Bedre aftener' },
  { goalId: goalIds[1]!, progress: 'reached' as const },
];

function review(over: Partial<ReviewInput>): ReviewInput {
  return { date: '2026-04-15', goals: progress, decision: 'continue', ...over };
}

const level2Facts: Facts = {
  referenceDate: '2026-01-15',
  startDate: '2026-01-15',
  safetyConcern: false,
  child: { ageMonths: 60 },
  concern: 'pronounced',
  intensiveNeeded: true,
  parentalCapacityUnclear: true,
  investigation: 'completed',
};
const level2Context: ReviewContext = { decision: decide(level2Facts), standingOutcome: 'level2', facts: level2Facts, rules };
const capacityEstablished = { parentalCapacityUnclear: false, emotionalCareAdequate: true, practicalCareSeriousDeficits: true, parentsSeeNeed: true };

describe('a review against the plan', () => {
  it('keeps each goal\'s progress and note', () => {
    const r = conductReview(level2Context, review({}));
    expect(r.ok && r.value.goals).toEqual(progress);
  });

  it('schedules the next level-2 re-grant three months after this review', () => {
    const r = conductReview(level2Context, review({ date: '2026-04-15' }));
    expect(r.ok && r.value.nextReview).toMatchObject({ due: '2026-07-15', kind: 'regrant', passage: 'pps.omfang.2' });
  });

  it('brings forward a fixed date of the decision that comes before the next turn of the cadence', () => {
    const d = decision('level1', '2026-01-15', [
      { kind: 'follow-up', due: '2026-04-15', passage: 'pps.omfang.1', text: 'Første opfølgning (Barnets lov § 95)' },
      { kind: 'grant-end', due: '2026-10-15', passage: 'pps.omfang.1', text: 'Bevillingen udløber' },
    ]);
    expect(nextReviewAfter({ decision: d, standingOutcome: 'level1', rules }, '2026-04-10')).toMatchObject({ due: '2026-07-10', kind: 'follow-up' });
    expect(nextReviewAfter({ decision: d, standingOutcome: 'level1', rules }, '2026-08-01')).toMatchObject({ due: '2026-10-15', kind: 'grant-end' });
  });

  it('counts a review held a few days early as the periodic check it was', () => {
    expect(nextReviewAfter({ decision: level2('2026-01-15'), standingOutcome: 'level2', rules }, '2026-04-10')).toMatchObject({ due: '2026-07-10', kind: 'regrant' });
  });

  it('follows level 3 up every six months', () => {
    const ctx = { ...level2Context, decision: level3('2026-01-15'), standingOutcome: 'level3' as const };
    const r = conductReview(ctx, review({ date: '2026-07-10' }));
    expect(r.ok && r.value.nextReview?.due).toBe('2027-01-10');
  });

  it('on a level change re-runs the rules on the changed facts, dated the review day, and takes the new due dates', () => {
    const r = conductReview(level2Context, review({ decision: 'change-level', factChanges: capacityEstablished }));
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.value.newDecision?.decision).toMatchObject({ outcome: 'level3', startDate: '2026-04-15' });
    expect(r.value.newDecision?.facts).toMatchObject({ referenceDate: '2026-04-15', parentalCapacityUnclear: false, child: { ageMonths: 63 } });
    expect(r.value.newDecision?.decision.reviews).toContainEqual(expect.objectContaining({ kind: 'follow-up', due: '2026-10-15', passage: 'pps.omfang.3' }));
    // Barnets lov § 95: the first follow-up of the new support comes three months after it starts.
    expect(r.value.nextReview).toMatchObject({ due: '2026-07-15', kind: 'follow-up' });
  });

  it('refuses a level change when the rules still point to the same level', () => {
    const r = conductReview(level2Context, review({ decision: 'change-level', factChanges: {} }));
    expect(!r.ok && r.problems[0]?.message).toMatch(/^reglerne peger fortsat på samme indsats/);
  });

  it('asks for what the rules still miss before a level change', () => {
    const r = conductReview(level2Context, review({ decision: 'change-level', factChanges: { parentalCapacityUnclear: false } }));
    expect(!r.ok && r.problems.map((p) => p.field)).toEqual(['factChanges.emotionalCareAdequate', 'factChanges.practicalCareSeriousDeficits', 'factChanges.parentsSeeNeed']);
  });

  it('says which answers are wrong when the changed facts do not parse', () => {
    const r = conductReview(level2Context, review({ decision: 'change-level', factChanges: { concern: 'very' } }));
    expect(!r.ok && r.problems[0]?.field).toBe('factChanges.concern');
  });

  it('lets a level change end in the safety outcome', () => {
    const r = conductReview(level2Context, review({ decision: 'change-level', factChanges: { safetyConcern: true } }));
    expect(r.ok && r.value.newDecision?.decision.outcome).toBe('escalate');
  });

  it('extends by a new grant of the same level from the review day', () => {
    const r = conductReview(level2Context, review({ decision: 'extend' }));
    expect(r.ok && r.value.newDecision?.decision).toMatchObject({ outcome: 'level2', startDate: '2026-04-15' });
    expect(r.ok && r.value.nextReview?.due).toBe('2026-07-15');
  });

  it('records an escalation and keeps the next review due', () => {
    const r = conductReview(level2Context, review({ decision: 'escalate' }));
    expect(r.ok && r.value.escalation?.text).toMatch(/Underretning/);
    expect(r.ok && r.value.nextReview?.due).toBe('2026-07-15');
  });

  it('closing a special-support case schedules nothing more', () => {
    const r = conductReview(level2Context, review({ decision: 'close' }));
    expect(r.ok && r.value).toMatchObject({ nextReview: null, closing: {} });
  });
});

describe('closing a preventive course', () => {
  const ctx: ReviewContext = {
    decision: preventive('2026-01-07'),
    standingOutcome: 'preventive',
    facts: { referenceDate: '2026-01-07', startDate: '2026-01-07', concern: 'beginning', child: { ageMonths: 14 } },
    rules,
  };

  it('records whether the child was age-appropriate and a follow-up on the day the child is surely three', () => {
    const r = conductReview(ctx, review({ date: '2026-09-20', decision: 'close', ageAppropriate: 'yes' }));
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    // 14 months on 2026-01-07: three years old by 2026-01-07 + 22 months.
    expect(r.value.closing).toMatchObject({ ageAppropriate: 'yes', followUpAtThree: { due: '2027-11-07', passage: 'hpi.2.underformaal.maal' } });
    expect(r.value.nextReview).toBeNull();
  });

  it('counts the age from the day it was given, not from a start months later', () => {
    // 14 months on 2025-01-15, support from 2025-04-15: three by 2026-11-15, not 2027-02-15.
    const later = { ...ctx, decision: preventive('2025-04-15'), facts: { referenceDate: '2025-01-15', startDate: '2025-04-15', concern: 'beginning' as const, child: { ageMonths: 14 } } };
    const r = conductReview(later, review({ date: '2025-12-01', decision: 'close', ageAppropriate: 'yes' }));
    expect(r.ok && r.value.closing?.followUpAtThree?.due).toBe('2026-11-15');
  });

  it('asks whether the child was age-appropriate before closing', () => {
    const r = conductReview(ctx, review({ decision: 'close' }));
    expect(!r.ok && r.problems).toEqual([{ field: 'ageAppropriate', message: expect.stringMatching(/alderssvarende/), en: expect.stringMatching(/age-appropriate/) }]);
  });

  it('asks for the child\'s age now when the course began in pregnancy', () => {
    const unborn = { ...ctx, facts: { ...ctx.facts, child: { ageMonths: null, latePregnancy: true } } };
    const asked = conductReview(unborn, review({ decision: 'close', ageAppropriate: 'unknown' }));
    expect(!asked.ok && asked.problems[0]?.field).toBe('childAgeMonthsNow');
    const r = conductReview(unborn, review({ date: '2026-09-20', decision: 'close', ageAppropriate: 'unknown', childAgeMonthsNow: 6 }));
    expect(r.ok && r.value.closing?.followUpAtThree?.due).toBe('2029-03-20');
  });

  it('cannot be extended past 40 weeks', () => {
    const r = conductReview(ctx, review({ decision: 'extend' }));
    expect(!r.ok && r.problems[0]?.message).toMatch(/40 uger/);
  });

  it('keeps its handover and course end as the next reviews', () => {
    const r = conductReview(ctx, review({ date: '2026-05-01' }));
    expect(r.ok && r.value.nextReview).toMatchObject({ due: '2026-09-01', kind: 'handover' });
  });
});

describe('review input', () => {
  it('asks for progress on every goal of the plan', () => {
    const r = parseReviewInput({ date: '2026-04-15', goals: [progress[0]], decision: 'continue' }, { goalIds });
    expect(!r.ok && r.problems).toEqual([{ field: 'goals.1.progress', message: 'vælg fremskridt (ikke startet, noget, tydeligt, nået)', en: 'choose the progress (not started, some, clear, reached)' }]);
  });

  it('refuses a goal that is not in the plan', () => {
    const r = parseReviewInput({ date: '2026-04-15', goals: [...progress, { goalId: 'x', progress: 'some' }], decision: 'continue' }, { goalIds });
    expect(!r.ok && r.problems[0]?.message).toMatch(/ikke et mål i planen/);
  });

  it('refuses a CPR-like number in a goal note', () => {
    const r = parseReviewInput({ date: '2026-04-15', goals: [{ ...progress[0], note: '010203-1234' }, progress[1]], decision: 'continue' }, { goalIds });
    expect(!r.ok && r.problems[0]).toMatchObject({ field: 'goals.0.note', message: expect.stringMatching(/CPR/) });
  });

  it('refuses an unknown decision with a Danish message and its English', () => {
    const r = parseReviewInput({ date: '2026-04-15', goals: progress, decision: 'pause' }, { goalIds });
    expect(!r.ok && r.problems[0]).toEqual({ field: 'decision', message: 'vælg hvad gennemgangen fører til', en: 'choose what the review leads to' });
  });
});

describe('facts at the review', () => {
  it('ages the child by the whole months since the day its age was given', () => {
    const r = factsAtReview({ referenceDate: '2026-01-31', child: { ageMonths: 10 } }, { date: '2026-03-30' }, rules);
    expect(r.ok && r.value.child?.ageMonths).toBe(11);
  });

  it('counts from the intake\'s reference date, not from a later start', () => {
    const facts = { referenceDate: '2025-01-15', startDate: '2025-04-15', child: { ageMonths: 14 } };
    const r = factsAtReview(facts, { date: '2025-10-15' }, rules);
    expect(r.ok && r.value.child?.ageMonths).toBe(23);
  });
});
