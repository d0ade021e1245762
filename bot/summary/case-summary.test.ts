import { describe, expect, it } from 'vitest';
import { buildCaseSummary, dueSoonFirst, type CaseSummaryInput } from './case-summary.js';
import { journalText } from './journal-text.js';
import { contactNotes, level2Decision, OVERRIDE } from '../../test/support/summary-fixtures.js';
import { standardPassage } from './passages.js';
import { decide } from '../../rules/decide.js';

const base = (over: Partial<CaseSummaryInput> = {}): CaseSummaryInput => ({
  case: { tenantId: 't', teamId: 'team', reference: 'FAM-2026-0042', label: 'A.B.', caseworkerId: 'cw', status: 'open' },
  decision: level2Decision(),
  override: null,
  notes: [],
  notesSummary: null,
  passage: standardPassage,
  today: '2026-10-13',
  ...over,
});

describe('the case summary', () => {
  it('names a level that waits only on its basis as the result card does, in both languages, not "none fits"', () => {
    // Level 2 fits the family, but there is no børnefaglig undersøgelse yet.
    const blocked = decide({ referenceDate: '2025-01-15', startDate: '2025-01-31', safetyConcern: false, child: { ageMonths: 96 }, concern: 'pronounced', intensiveNeeded: true, parentalCapacityUnclear: true, investigation: 'none', receivesVisitationSocial: false });
    expect(blocked.outcome).toBe('none');
    const da = buildCaseSummary(base({ decision: blocked }));
    expect(da.decision?.recommendation).toBe('Niveau 2 kan ikke bevilges endnu – grundlaget mangler');
    expect(journalText(da)).toContain('Niveau 2 kan ikke bevilges endnu');
    expect(journalText(da)).not.toContain('Ingen af indsatserne passer');
    expect(buildCaseSummary(base({ decision: blocked, locale: 'en' })).decision?.recommendation).toBe('Level 2 cannot be granted yet – its basis is missing');
  });

  it('gives each reason the verbatim text of the passage it cites', () => {
    const s = buildCaseSummary(base());
    expect(s.decision?.recommendation).toBe('Niveau 2: intensiv praktisk pædagogisk støtte');
    const intensive = s.decision?.reasons.find((r) => r.passage.id === 'pps.kriterier.2');
    expect(intensive?.passage.text).toMatch(/^Det er vurderet, at der er behov for en intensiv indsats/);
  });

  it('lists due dates earliest first with days left, and names the next one', () => {
    const s = buildCaseSummary(base());
    expect(s.dueDates.map((d) => [d.due, d.label, d.daysLeft])).toEqual([
      ['2026-12-01', 'Opfølgning', 49],
      ['2026-12-01', 'Ny bevilling', 49],
      ['2027-01-01', 'Børnefaglig undersøgelse afsluttet', 80],
    ]);
    expect(s.nextDue).toBe('2026-12-01');
    expect(buildCaseSummary(base({ today: '2026-12-15' })).nextDue).toBe('2027-01-01');
  });

  it('shows the recommendation and the caseworker’s choice side by side when overridden', () => {
    const s = buildCaseSummary(base({ override: OVERRIDE }));
    expect(s.override).toMatchObject({ recommended: 'Niveau 2: intensiv praktisk pædagogisk støtte', chosen: 'Niveau 3: kompenserende praktisk pædagogisk støtte', by: 'Sagsbehandler A' });
    expect(s.decision?.standing).toBe(s.override?.chosen);
  });

  it('measures scope used against granted only when notes exist, counting meetings as visits', () => {
    expect(buildCaseSummary(base()).scope).toBeNull();
    const s = buildCaseSummary(base({ notes: contactNotes(14, '2026-09-01', 3) }));
    // 14 contacts in 6 weeks = 2,3 a week against 2–3 granted
    expect(s.scope?.contacts).toBe(14);
    expect(s.scope?.status).toBe('within');
    expect(s.scope?.text).toMatch(/^2,3 besøg om ugen af bevilget 2–3/);
    const sparse = buildCaseSummary(base({ notes: contactNotes(3, '2026-09-01', 14) }));
    expect(sparse.scope?.status).toBe('below');
  });

  it('counts interdisciplinary meetings as visits but not ordinary meetings or calls, as the case card does (pps.saerlige.tvaerfaglige-moeder)', () => {
    const notes = [
      { date: '2026-09-02', kind: 'visit' as const, minutes: 60 },
      { date: '2026-09-03', kind: 'interdisciplinary-meeting' as const, minutes: 45 },
      { date: '2026-09-04', kind: 'meeting' as const, minutes: 30 },
      { date: '2026-09-05', kind: 'phone' as const, minutes: 10 },
    ];
    expect(buildCaseSummary(base({ notes })).scope?.contacts).toBe(2);
  });

  it('masks a CPR number that slipped into a free-text field', () => {
    const s = buildCaseSummary(base({ override: { ...OVERRIDE, reason: 'Se 010203-1234 for detaljer' } }));
    expect(s.override?.reason).not.toMatch(/010203/);
  });

  it('sorts cases with a coming due date first, earliest first', () => {
    const cases = [
      { reference: 'C', nextDue: null },
      { reference: 'B', nextDue: '2027-02-01' },
      { reference: 'A', nextDue: '2026-12-01' },
    ];
    expect(cases.sort(dueSoonFirst).map((c) => c.reference)).toEqual(['A', 'B', 'C']);
  });
});

describe('the journal text', () => {
  it('is plain text with the decision, the override, the reasons with passage ids, the dates and the notes summary', () => {
    const text = journalText(
      buildCaseSummary(
        base({
          override: OVERRIDE,
          notes: contactNotes(10),
          notesSummary: { text: 'Familien har fået faste morgenrutiner.', producedBy: 'udtræk uden sprogmodel', byModel: false, at: '2026-10-12T08:00:00Z', noteCount: 10 },
        }),
      ),
    );
    expect(text).toContain('Sagsresumé, sag FAM-2026-0042 (A.B.), pr. 2026-10-13');
    expect(text).toContain('Anbefaling efter servicestandarden: Niveau 2: intensiv praktisk pædagogisk støtte');
    expect(text).toContain('Valgt af sagsbehandler: Niveau 3: kompenserende praktisk pædagogisk støtte');
    expect(text).toContain('- Der er behov for en intensiv indsats, hvis udviklingen skal vendes. [pps.kriterier.2]');
    expect(text).toContain('- 2026-12-01 Ny bevilling: Bevillingen gælder 3 måneder ad gangen: har indsatsen tilstrækkelig effekt til at sikre barnets trivsel? Bevilg igen eller afslut. [pps.omfang.2]');
    expect(text).toContain('Bemærk:\n- Niveau 2 starter sideløbende med den børnefaglige undersøgelse');
    expect(text).toContain('Resumé af 10 notater (udtræk uden sprogmodel, 2026-10-12):');
    expect(text).not.toMatch(/<|\*\*/);
  });

  it('counts one note as »1 notat«', () => {
    const one = { text: 'Besøg.', producedBy: 'udtræk uden sprogmodel', byModel: false, at: '2026-10-12T08:00:00Z', noteCount: 1 };
    expect(journalText(buildCaseSummary(base({ notes: contactNotes(1), notesSummary: one })))).toContain('Resumé af 1 notat (udtræk uden sprogmodel, 2026-10-12):');
  });

  it('says plainly when no decision has been made', () => {
    expect(journalText(buildCaseSummary(base({ decision: null })))).toContain('Der er ikke truffet en afgørelse i sagen endnu.');
  });
});
