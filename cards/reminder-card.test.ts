import { describe, expect, it } from 'vitest';
import template from './templates/parts/reminder-item.json' with { type: 'json' };
import { reminderCard, reminderPostCard, reminderWords, type ReminderCardData } from './reminder-card.js';
import { expand } from './template.js';

const base: ReminderCardData = { tenantId: 't1', reminderId: 42, caseId: 'c-1', caseRef: 'SAG-"2026"\\1', due: '2026-04-01', notice: 'lead', task: 'Genbevilling: er effekten tilstrækkelig?', passage: 'pps.omfang.2', handled: null };

type Node = Record<string, unknown>;
/** Every object of the card, depth first (ShowCard forms included). */
function nodes(n: unknown): Node[] {
  if (Array.isArray(n)) return n.flatMap(nodes);
  if (!n || typeof n !== 'object') return [];
  return [n as Node, ...Object.values(n).flatMap(nodes)];
}
const factSets = (card: Node) => nodes(card.body).filter((n) => n.type === 'FactSet') as { facts: { title: string; value: string }[] }[];
/** The titles of each row of buttons the card shows, the card's own actions last. */
function buttonRows(card: Node): string[][] {
  const rows = (card.body as Node[]).flatMap((b) => [b, ...((b.items as Node[] | undefined) ?? [])]).filter((n) => n.type === 'ActionSet');
  return [...rows.map((r) => (r.actions as { title: string }[]).map((a) => a.title)), (card.actions as { title: string }[]).map((a) => a.title)];
}

describe('reminder card', () => {
  it('shows the case, the due date in Danish form, what must be decided and the passage', () => {
    const card = reminderCard(base);
    expect(factSets(card).map((f) => f.facts)).toEqual([[
      { title: 'Sag', value: base.caseRef },
      { title: 'Frist', value: '01.04.2026' },
      { title: 'Skal tages stilling til', value: base.task },
      { title: 'Grundlag', value: 'pps.omfang.2' },
    ]]);
    // On a phone three buttons in one row are cut: the main action alone, then the other, then the overview.
    expect(buttonRows(card)).toEqual([['Gennemgang udført'], ['Udsæt 1 uge'], ['Åbn sagsoverblik']]);
    expect(card.refresh).toMatchObject({ action: { type: 'Action.Execute', verb: 'reminder.refresh', data: { reminderId: '42', tenantId: 't1' } } });
  });

  it('shows who acted and when, and offers only the case summary once handled', () => {
    const card = reminderCard({ ...base, handled: { byName: 'Anna Berg', at: new Date('2026-03-20T09:30:00Z'), action: 'continue' } });
    expect(JSON.stringify(card.body)).toContain('Gennemgang udført: indsatsen fortsætter — Anna Berg, 20.03.2026, 10.30');
    expect(buttonRows(card)).toEqual([['Åbn sagsoverblik']]);
  });

  it("in English when the team's language is English, the due date and the time in English form", () => {
    const card = reminderCard({ ...base, locale: 'en', handled: { byName: 'Anna Berg', at: new Date('2026-03-20T09:30:00Z'), action: 'continue' } });
    const [facts] = factSets(card).map((f) => f.facts);
    expect(facts!.map((f) => f.title)).toEqual(['Case', 'Due', 'To be decided', 'Basis']);
    expect(facts![1]!.value).toBe('1 April 2026');
    expect(JSON.stringify(card.body)).toContain('Review done: the support continues — Anna Berg, 20 March 2026');
    expect(JSON.stringify(card)).not.toMatch(/Gennemgang|Frist|Åbn/);
    // The Danish card of the same shape is a separate binding: neither language leaks into the other.
    expect(JSON.stringify(reminderCard({ ...base, handled: { byName: 'Anna Berg', at: new Date('2026-03-20T09:30:00Z'), action: 'continue' } }))).not.toMatch(/Review done|Open case/);
  });

  it('binds exactly as expanding the template directly would, special characters included', () => {
    const direct = expand(template, {
      s: reminderWords('da'), tenantId: 't1', reminderId: '42', idSuffix: '', caseRef: base.caseRef, itemHeading: null, dueText: '01.04.2026', task: base.task, passage: base.passage, handled: null, typedReason: 'ferie "uge 12"', typedNote: null,
    }) as { item: Node; done: Node; snooze: Node };
    const fast = reminderCard({ ...base, typedReason: 'ferie "uge 12"' });
    const item = (fast.body as Node[])[1] as { items: Node[] };
    const snooze = ((item.items.at(-1) as { actions: Node[] }).actions[0]) as { card: { body: { value?: string }[] } };
    expect(snooze.card.body[0]!.value).toBe('ferie "uge 12"');
    expect(JSON.stringify(snooze)).toBe(JSON.stringify(direct.snooze));
    expect(JSON.stringify(item.items.slice(0, 1))).toBe(JSON.stringify((direct.item.items as Node[]).slice(0, 1)));
  });

  describe('a post of several items of one case', () => {
    const followUp = { ...base, reminderId: 43, task: 'Første opfølgning efter Barnets lov § 95.', passage: 'pps.lovgrundlag' };
    const post = (over: Partial<Parameters<typeof reminderPostCard>[0]> = {}) =>
      reminderPostCard({ tenantId: 't1', caseId: 'c-1', caseRef: 'SAG-1', items: [followUp, { ...base, notice: 'due' }], ...over });

    it('names the case and the caseworker once, and gives each item its own words, date and forms', () => {
      const card = post({ to: { id: '29:aad-sanne', name: 'Sanne Sagsbehandler' } });
      const text = JSON.stringify(card);
      expect((card.body as Node[])[0]!.text).toBe('2 påmindelser: SAG-1');
      expect(text.match(/<at>Sanne Sagsbehandler<\/at>/g)).toHaveLength(2); // the line, and the entity Teams finds it by
      expect(card.msteams).toEqual({ entities: [{ type: 'mention', text: '<at>Sanne Sagsbehandler</at>', mentioned: { id: '29:aad-sanne', name: 'Sanne Sagsbehandler' } }] });
      expect(factSets(card).map((f) => f.facts.map((x) => x.value))).toEqual([
        ['01.04.2026', followUp.task, 'pps.lovgrundlag'],
        ['01.04.2026', base.task, 'pps.omfang.2'],
      ]);
      expect(nodes(card.body).filter((n) => n.type === 'TextBlock' && n.weight === 'Bolder' && !n.size).map((n) => n.text)).toEqual(['Kommende frist', 'Frist i dag']);
      expect(buttonRows(card)).toEqual([['Gennemgang udført'], ['Udsæt 1 uge'], ['Gennemgang udført'], ['Udsæt 1 uge'], ['Åbn sagsoverblik']]);
      // Each item's forms name its own reminder, and its inputs are its own: no id twice on the card.
      const executes = nodes(card).filter((n) => n.type === 'Action.Execute' && n.verb !== 'case.open') as { verb: string; data: { reminderId: string } }[];
      expect(executes.map((e) => [e.verb, e.data.reminderId])).toEqual([
        ['reminder.refresh', '43'], ['reminder.done', '43'], ['reminder.snooze', '43'], ['reminder.done', '42'], ['reminder.snooze', '42'],
      ]);
      const ids = nodes(card).filter((n) => typeof n.id === 'string').map((n) => n.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toContain('decision-43');
      expect(ids).toContain('reason-42');
    });

    it('shows an item handled while the other stays open, and what was typed on the item it was typed on', () => {
      const card = post({ items: [{ ...followUp, handled: { byName: 'Anna Berg', at: new Date('2026-03-20T09:30:00Z'), action: 'continue' } }, { ...base, typedReason: 'ferie' }] });
      expect(buttonRows(card)).toEqual([['Gennemgang udført'], ['Udsæt 1 uge'], ['Åbn sagsoverblik']]);
      expect(JSON.stringify(card)).toContain('Anna Berg');
      expect(nodes(card).find((n) => n.id === 'reason-42')).toMatchObject({ value: 'ferie' });
    });

    it('in English', () => {
      const card = post({ locale: 'en' });
      expect((card.body as Node[])[0]!.text).toBe('2 reminders: SAG-1');
      expect(JSON.stringify(card)).not.toMatch(/Gennemgang|Frist|Åbn|påmindelser/);
    });
  });
});
