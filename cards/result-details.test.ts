import { describe, expect, it } from 'vitest';
import type { Decision } from '../rules/decision-types.js';
import { passageById } from '../rules/passages/index.js';
import { cardText, executeActions, strayActions } from '../test/support/card-json.js';
import * as f from '../test/support/card-fixtures.js';
import { resultDetailsCard } from './result-details.js';
import { CARD_BUDGET_BYTES, cardBytes } from './template.js';
import { WHY_NOT_HEADINGS } from './outcome-text.js';
import { VERBS } from './verbs.js';

const ctx = { locale: 'da' as const, draftId: 'draft-1' };

describe("the result's background card", () => {
  it('says why not each other outcome, each item with its passage', () => {
    const text = cardText(resultDetailsCard(f.level2Decision, ctx));
    expect(text).toContain('Hvorfor ikke de andre udfald?');
    for (const [outcome, items] of Object.entries(f.level2Decision.whyNot)) {
      expect(text).toContain(WHY_NOT_HEADINGS[outcome as keyof typeof WHY_NOT_HEADINGS].da);
      for (const item of items ?? []) {
        expect(text, outcome).toContain(item.text);
        expect(text, outcome).toContain(item.passage);
      }
    }
  });

  it('shows the legal basis: what the standard cites beside what is in force now', () => {
    const text = cardText(resultDetailsCard(f.level2Decision, ctx));
    expect(text).toContain('Lovgrundlag');
    expect(text).toContain('Standarden henviser til: SEL § 52, stk. 3, nr. 2');
    expect(text).toContain('Barnets lov § 32, stk. 1, nr. 2');
  });

  it('quotes the standard’s words for every passage the decision cites, each once, marked as a quotation', () => {
    const card = resultDetailsCard(f.level2Decision, ctx);
    const text = cardText(card);
    const cited = new Set([...f.level2Decision.reasons, ...f.level2Decision.reviews, ...Object.values(f.level2Decision.whyNot).flat()].map((c) => c!.passage));
    for (const id of cited) {
      const words = `»${passageById(id)!.text}«`;
      expect(text.split(words).length - 1, id).toBe(1);
    }
  });

  it('quotes in parts that each fit: «Mere af ordlyden» leads to the next part, and across the parts every cited passage is quoted once', async () => {
    const { decide } = await import('../rules/decide.js');
    const { level2Facts } = await import('../test/support/card-fixtures.js');
    const decision = decide({ ...level2Facts, child: { ageMonths: 84, latePregnancy: true }, concern: 'concern', intensiveNeeded: false, solvableInLimitedPeriod: true, startDate: undefined });
    const cited = new Set([...decision.reasons, ...decision.warnings, ...Object.values(decision.whyNot).flat(), ...decision.reviews].flatMap((c) => (c?.passage ? [c.passage] : [])));
    const quoted: string[] = [];
    let from: number | undefined = 0;
    for (let part = 0; from !== undefined; part++) {
      expect(part, 'the parts end').toBeLessThan(cited.size);
      const card = resultDetailsCard(decision, { ...ctx, from, typed: { reason: 'Familien har selv bedt om det.' } });
      expect(cardBytes(card)).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
      expect(cardText(card).includes('Hvorfor ikke de andre udfald?'), `part ${part} says why not only first`).toBe(part === 0);
      quoted.push(...[...cardText(card).matchAll(/« · ([\w.-]+)/gu)].map((m) => m[1]!));
      const more = executeActions(card).find((a) => a['verb'] === VERBS.resultDetails);
      if (more) expect(more['data']).toMatchObject({ draftId: 'draft-1', reason: 'Familien har selv bedt om det.' });
      from = more ? Number((more['data'] as Record<string, string>)['from']) : undefined;
    }
    expect(quoted.length, 'more than one part').toBeGreaterThan(0);
    expect([...quoted].sort()).toEqual([...cited].filter((id) => passageById(id)).sort());
  });

  it('uses a passage lookup passed in by the caller', () => {
    const text = cardText(resultDetailsCard(f.level1Decision, { ...ctx, lookupPassage: (id) => ({ id, source: 'servicestandard', heading: 'H', text: `ORDLYD ${id}` }) }));
    expect(text).toContain('»ORDLYD pps.maalgruppe.1«');
  });

  it('decides nothing: its buttons lead back to the result card (or to more of the wording), carrying what was typed there (CPR numbers masked)', () => {
    const card = resultDetailsCard(f.level2Decision, { ...ctx, typed: { caseReference: '2026-001234', reason: 'Mor 010190-1234 har bedt om det', verb: 'x', stranger: 'y' } });
    const actions = executeActions(card).filter((a) => a['verb'] !== VERBS.resultDetails);
    expect(actions.length).toBeGreaterThan(0);
    for (const a of actions) {
      expect(a['verb']).toBe(VERBS.resultShow);
      expect(a['data']).toEqual({ verb: VERBS.resultShow, draftId: 'draft-1', caseReference: '2026-001234', reason: 'Mor [CPR fjernet] har bedt om det' });
      expect(a['fallback']).toMatchObject({ type: 'Action.Submit', data: a['data'] });
    }
    expect(strayActions(card)).toEqual([]);
    expect(JSON.stringify(card)).not.toContain('${');
  });

  it('stays within CARD_BUDGET_BYTES with a long "why not" list, keeping every item\'s passage', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ text: `Kriterium ${i} er ikke opfyldt, fordi svarene peger et andet sted hen.`, passage: ['hpi.3.maalgruppe.spaend', 'pps.maalgruppe.1', 'pps.kriterier.2', 'pps.omfang.1a', 'hpi.titel', 'pps.redaktion'][i % 6]! }));
    const heavy: Decision = { ...f.level2Decision, whyNot: { preventive: many, level1: many, level3: many, none: many } };
    for (const locale of ['da', 'en'] as const) {
      const card = resultDetailsCard(heavy, { ...ctx, locale });
      expect(cardBytes(card), locale).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
      const text = cardText(card);
      for (const o of ['preventive', 'level1', 'level3', 'none'] as const) expect(text, o).toContain(WHY_NOT_HEADINGS[o][locale]);
      for (const item of many) expect(text).toContain(item.passage);
    }
  });

  it('speaks English for an English Teams locale, quoting the Danish standard', () => {
    const text = cardText(resultDetailsCard(f.level2Decision, { ...ctx, locale: 'en' }));
    expect(text).toContain('Why not the other outcomes?');
    expect(text).toContain('Legal basis');
    expect(text).toContain('Back to the recommendation');
  });
});
