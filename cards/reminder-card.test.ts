import { describe, expect, it } from 'vitest';
import template from './templates/reminder.json' with { type: 'json' };
import { reminderCard, reminderWords, type ReminderCardData } from './reminder-card.js';
import { expand } from './template.js';

const base: ReminderCardData = { tenantId: 't1', reminderId: 42, caseId: 'c-1', caseRef: 'SAG-"2026"\\1', due: '2026-04-01', notice: 'lead', task: 'Genbevilling: er effekten tilstrækkelig?', passage: 'pps.omfang.2', handled: null };

function actionTitles(card: Record<string, unknown>): string[] {
  return (card.actions as { title: string }[]).map((a) => a.title);
}

describe('reminder card', () => {
  it('shows the case, the due date in Danish form, what must be decided and the passage', () => {
    const card = reminderCard(base);
    const facts = (card.body as { facts?: { title: string; value: string }[] }[])[1]!.facts!;
    expect(facts).toEqual([
      { title: 'Sag', value: base.caseRef },
      { title: 'Frist', value: '01.04.2026' },
      { title: 'Skal tages stilling til', value: base.task },
      { title: 'Grundlag', value: 'pps.omfang.2' },
    ]);
    expect(actionTitles(card)).toEqual(['Gennemgang udført', 'Udsæt 1 uge', 'Åbn sagsoverblik']);
    expect(card.refresh).toMatchObject({ action: { type: 'Action.Execute', verb: 'reminder.refresh', data: { reminderId: '42', tenantId: 't1' } } });
  });

  it('shows who acted and when, and offers only the case summary once handled', () => {
    const card = reminderCard({ ...base, handled: { byName: 'Anna Berg', at: new Date('2026-03-20T09:30:00Z'), action: 'continue' } });
    expect(JSON.stringify(card.body)).toContain('Gennemgang udført: indsatsen fortsætter — Anna Berg, 20.03.2026, 10.30');
    expect(actionTitles(card)).toEqual(['Åbn sagsoverblik']);
  });

  it("in English when the team's language is English, the due date and the time in English form", () => {
    const card = reminderCard({ ...base, locale: 'en', handled: { byName: 'Anna Berg', at: new Date('2026-03-20T09:30:00Z'), action: 'continue' } });
    const facts = (card.body as { facts?: { title: string; value: string }[] }[])[1]!.facts!;
    expect(facts.map((f) => f.title)).toEqual(['Case', 'Due', 'To be decided', 'Basis']);
    expect(facts[1]!.value).toBe('1 April 2026');
    expect(JSON.stringify(card.body)).toContain('Review done: the support continues — Anna Berg, 20 March 2026');
    expect(JSON.stringify(card)).not.toMatch(/Gennemgang|Frist|Åbn/);
    // The Danish card of the same shape is a separate binding: neither language leaks into the other.
    expect(JSON.stringify(reminderCard({ ...base, handled: { byName: 'Anna Berg', at: new Date('2026-03-20T09:30:00Z'), action: 'continue' } }))).not.toMatch(/Review done|Open case/);
  });

  it('binds exactly as expanding the template directly would, special characters included', () => {
    const direct = expand(template, {
      s: reminderWords('da'), tenantId: 't1', reminderId: '42', caseId: 'c-1', caseRef: base.caseRef, dueText: '01.04.2026', task: base.task, passage: base.passage, heading: `Kommende frist: ${base.caseRef}`, handled: null, notice: null, typedReason: 'ferie "uge 12"',
    }) as unknown as { actions: { card?: { body: { value?: string }[] } }[] };
    const fast = reminderCard({ ...base, typedReason: 'ferie "uge 12"' }) as unknown as typeof direct;
    expect(fast.actions[1]!.card!.body[0]!.value).toBe('ferie "uge 12"');
    expect(JSON.stringify(fast.actions[1])).toBe(JSON.stringify(direct.actions[1]));
    expect(JSON.stringify((fast as unknown as { body: unknown[] }).body.slice(0, 2))).toBe(JSON.stringify((direct as unknown as { body: unknown[] }).body.slice(0, 2)));
  });
});
