import { describe, expect, it } from 'vitest';
import { longCase } from '../test/support/case-notes.js';
import { extractiveSummary } from './extractive.js';
import { NOTE_KIND_LABELS, type Note } from './notes.js';

const lines = (summary: string) => summary.split('\n').filter((l) => /^\d{4}-\d{2}-\d{2} /.test(l));

describe('extractive summary (no language model)', () => {
  it('says it was made without a language model', () => {
    expect(extractiveSummary(longCase(3))).toMatch(/^Uddrag af notaterne, lavet uden sprogmodel/);
  });

  it('is the same text every time for the same notes, whatever order they come in', () => {
    const notes = longCase(40);
    expect(extractiveSummary([...notes].reverse())).toBe(extractiveSummary(notes));
  });

  it('quotes notes oldest first', () => {
    const dates = lines(extractiveSummary(longCase(40))).map((l) => l.slice(0, 10));
    expect(dates).toEqual([...dates].sort());
  });

  it('represents every kind of note even when most are of one kind', () => {
    const notes: Note[] = [
      { date: '2025-01-01', kind: 'phone', text: 'Opstart pr. telefon.' },
      { date: '2025-01-02', kind: 'observation', text: 'Observation i vuggestuen.' },
      ...Array.from({ length: 30 }, (_, i) => ({ date: `2025-02-${String(i + 1).padStart(2, '0')}`, kind: 'visit' as const, text: `Besøg ${i + 1}.` })),
      { date: '2025-01-03', kind: 'interdisciplinary-meeting', text: 'Tværfagligt møde.' },
      { date: '2025-01-04', kind: 'meeting', text: 'Møde med forældrene.' },
    ];
    const quoted = lines(extractiveSummary(notes));
    for (const label of Object.values(NOTE_KIND_LABELS)) expect(quoted.some((l) => l.includes(` ${label}: `)), label).toBe(true);
    expect(quoted.at(-1)).toContain('Besøg 30.');
  });

  it('counts all notes by kind and says how many it quotes', () => {
    const summary = extractiveSummary(longCase(40));
    expect(summary).toContain('af 40 notater vist');
    expect(summary).toMatch(/14 × besøg/);
  });

  it('never quotes a CPR number', () => {
    const summary = extractiveSummary([{ date: '2025-01-01', kind: 'visit', text: 'Barnets CPR er 010203-1234, står i journalen.' }]);
    expect(summary).not.toContain('010203-1234');
  });

  it('says so when there are no notes', () => {
    expect(extractiveSummary([])).toBe('Der er ingen notater på sagen endnu.');
  });
});
