import { describe, expect, it } from 'vitest';
import { summaryCard } from '../../cards/summary-card.js';
import type { PlanSummary } from '../storage/plan-summary.js';
import { buildCaseSummary, type CaseSummaryInput } from './case-summary.js';
import { journalText } from './journal-text.js';
import { level2Decision } from '../../test/support/summary-fixtures.js';
import { standardPassage } from './passages.js';

const plan: PlanSummary = {
  caseId: '00000000-0000-4000-8000-000000000001',
  version: 2,
  purpose: 'At forældrene får faste rammer for måltider og sovetider.',
  expectedDuration: { value: 3, unit: 'months' },
  goals: [
    {
      id: 'g1',
      text: 'Fast sengetid kl. 19',
      agreedWithParents: true,
      progressSign: 'Barnet sover før kl. 19.30 fem dage om ugen',
      latest: { progress: 'some', label: 'Noget', date: '2026-09-01', note: null },
      history: [{ date: '2026-09-01', progress: 'some', label: 'Noget' }],
    },
    { id: 'g2', text: 'Morgenmad hver dag', agreedWithParents: false, progressSign: 'Dagtilbuddet bekræfter', latest: null, history: [] },
  ],
  lastReview: { date: '2026-09-01', decision: 'continue', label: 'Fortsæt' },
  nextReview: { due: '2026-12-01', kind: 'regrant', passage: 'pps.omfang.2', text: 'Ny bevilling' },
  closing: null,
};

const input = (over: Partial<CaseSummaryInput> = {}): CaseSummaryInput => ({
  case: { tenantId: 't', teamId: 'team', reference: 'FAM-2026-0042', label: 'A.B.', caseworkerId: 'cw', status: 'open' },
  decision: level2Decision(),
  override: null,
  notes: [],
  notesSummary: null,
  plan,
  passage: standardPassage,
  today: '2026-10-13',
  ...over,
});

describe('the case summary shows the plan', () => {
  it('gives the purpose, each goal with its latest progress, and the next review', () => {
    const s = buildCaseSummary(input());
    expect(s.plan).toEqual({
      purpose: plan.purpose,
      goals: [
        { text: 'Fast sengetid kl. 19', agreedWithParents: true, progress: 'Noget', since: '2026-09-01' },
        { text: 'Morgenmad hver dag', agreedWithParents: false, progress: 'Ikke gennemgået endnu', since: null },
      ],
      nextReview: { due: '2026-12-01', label: 'Ny bevilling' },
      lastReview: { date: '2026-09-01', label: 'Fortsæt' },
    });
  });

  it('puts the plan on the summary card and in the journal text', () => {
    const s = buildCaseSummary(input());
    const card = JSON.stringify(summaryCard(s));
    expect(card).toContain('Plan og mål');
    expect(card).toContain('Formål: At forældrene får faste rammer');
    expect(card).toContain('1. Fast sengetid kl. 19 (aftalt med forældrene)');
    expect(card).toContain('Næste gennemgang: 1. december 2026');
    const text = journalText(s);
    expect(text).toContain('Plan – formål: At forældrene får faste rammer');
    expect(text).toContain('2. Morgenmad hver dag: Ikke gennemgået endnu');
    expect(text).toContain('Næste gennemgang: 2026-12-01 (Ny bevilling)');
  });

  it('has no plan section when no plan was written', () => {
    const s = buildCaseSummary(input({ plan: null }));
    expect(s.plan).toBeNull();
    expect(JSON.stringify(summaryCard(s))).not.toContain('Plan og mål');
  });
});
