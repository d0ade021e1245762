import { describe, expect, it } from 'vitest';
import type { Decision } from '../rules/decision-types.js';
import { isPassageId, passageById } from '../rules/passages/index.js';
import { allObjects, cardButtons, cardText, deepFreeze, executeActions, inputIds, ofType, strayActions } from '../test/support/card-json.js';
import * as f from '../test/support/card-fixtures.js';
import { CARD_BUDGET_BYTES, resultCard } from './result.js';
import { cardBytes } from './template.js';
import { WHY_NOT_HEADINGS } from './outcome-text.js';
import { VERBS } from './verbs.js';

const ctx = { locale: 'da' as const, draftId: 'draft-1', channels: f.channels };

function showCard(card: Record<string, unknown>, title: string): Record<string, unknown> {
  const action = cardButtons(card).find((a) => a['title'] === title);
  expect(action, title).toBeDefined();
  expect(action?.['type']).toBe('Action.ShowCard');
  return action?.['card'] as Record<string, unknown>;
}

describe('the result card', () => {
  it('cites only passages that exist in the catalogue (fixture sanity)', () => {
    const decisions = [f.level2Decision, f.level1Decision, f.preventiveDecision, f.escalateDecision, f.noneDecision];
    const ids = decisions.flatMap((d) => [...d.reasons, ...d.reviews, ...Object.values(d.whyNot).flat(), ...d.warnings].map((c) => c?.passage));
    for (const id of ids) if (id) expect(isPassageId(id), id).toBe(true);
  });

  it('for level 2 shows the outcome in plain Danish, the scope, every due date and every reason with its passage id', () => {
    const card = resultCard(f.level2Decision, ctx);
    const text = cardText(card);
    expect(text).toContain('Niveau 2: Intensiv praktisk pædagogisk støtte');
    expect(text).toContain('2–3 om ugen');
    expect(text).toContain('op til 3 måneder');
    for (const date of ['1. maj 2026', '15. maj 2026']) expect(text).toContain(date);
    for (const review of f.level2Decision.reviews) expect(text).toContain(review.text);
    for (const reason of f.level2Decision.reasons) {
      expect(text).toContain(reason.text);
      expect(text).toContain(reason.passage);
    }
  });

  it("puts each reason's verbatim passage text on the card, hidden until the caseworker taps the source", () => {
    const card = resultCard(f.level2Decision, ctx);
    const toggles = ofType(card, 'Action.ToggleVisibility');
    for (const reason of f.level2Decision.reasons) {
      const verbatim = passageById(reason.passage)!.text;
      const holder = allObjects(card).find((o) => o['type'] === 'Container' && typeof o['id'] === 'string' && JSON.stringify(o['items']).includes(JSON.stringify(verbatim).slice(1, 60)));
      expect(holder, reason.passage).toBeDefined();
      expect(holder?.['isVisible']).toBe(false);
      expect(toggles.some((t) => (t['targetElements'] as string[]).includes(holder?.['id'] as string))).toBe(true);
    }
  });

  it('uses a passage lookup passed in by the caller', () => {
    const card = resultCard(f.level1Decision, { ...ctx, lookupPassage: (id) => ({ id, source: 'servicestandard', heading: 'H', text: `ORDLYD ${id}` }) });
    expect(cardText(card)).toContain('ORDLYD pps.maalgruppe.1');
  });

  it('says why not the other outcomes, each with its passage, behind a toggle', () => {
    const card = resultCard(f.level2Decision, ctx);
    const text = cardText(card);
    expect(text).toContain('Hvorfor ikke de andre udfald?');
    for (const [outcome, items] of Object.entries(f.level2Decision.whyNot)) {
      for (const item of items ?? []) {
        expect(text, outcome).toContain(item.text);
        expect(text, outcome).toContain(item.passage);
      }
    }
    expect(allObjects(card).find((o) => o['id'] === 'why-not')?.['isVisible']).toBe(false);
  });

  it('shows warnings and the legal basis of the standard beside Barnets lov', () => {
    const text = cardText(resultCard(f.level2Decision, ctx));
    expect(text).toContain('Visitation Social');
    expect(text).toContain('SEL § 52, stk. 3, nr. 2');
    expect(text).toContain('Barnets lov § 32, stk. 1, nr. 2');
    expect(text).toContain('Standarden henviser til');
    expect(text).toContain('Gældende nu');
  });

  it('puts the decision and its buttons first; "why not" and the legal basis are collapsed below them', () => {
    const card = resultCard(f.level2Decision, ctx);
    const body = card['body'] as Record<string, unknown>[];
    const at = (test: (o: Record<string, unknown>) => boolean) => body.findIndex((o) => allObjects(o).some(test));
    const buttons = at((o) => o['title'] === 'Følg anbefalingen');
    expect(buttons).toBeGreaterThan(at((o) => o['text'] === 'Derfor'));
    for (const id of ['why-not', 'legal']) {
      expect(allObjects(card).find((o) => o['id'] === id)?.['isVisible'], id).toBe(false);
      expect(at((o) => o['id'] === id), id).toBeGreaterThan(buttons);
    }
    expect(JSON.stringify(allObjects(card).find((o) => o['id'] === 'legal'))).toContain('Barnets lov § 32, stk. 1, nr. 2');
  });

  it('says that a person decides (GDPR art. 22)', () => {
    expect(cardText(resultCard(f.preventiveDecision, ctx))).toMatch(/sagsbehandler træffer afgørelsen.*GDPR art\. 22/s);
  });

  it('shows the variant and its scope for level 1B', () => {
    const text = cardText(resultCard(f.level1Decision, ctx));
    expect(text).toContain('Niveau 1: Praktisk pædagogisk støtte i hjemmet (1B)');
    expect(text).toContain('op til 2 besøg om ugen de første 3–6 måneder');
  });

  it('puts the escalation first when the outcome is escalate', () => {
    const card = resultCard(f.escalateDecision, ctx);
    const first = (card['body'] as Record<string, unknown>[])[0];
    expect(cardText(first)).toContain('Barnet kan være i fare');
    expect(cardText(first)).toContain('Barnets lov § 133');
  });

  it('Acceptér opens the case form: reference, initials with a hint, the channels passed in, start date', () => {
    const form = showCard(resultCard(f.level2Decision, ctx), 'Følg anbefalingen');
    expect(inputIds(form)).toEqual(['caseReference', 'childPseudonym', 'channelId', 'startDate']);
    const text = cardText(form);
    expect(text).toContain('Aldrig fulde navn eller CPR-nummer.');
    const channelSet = ofType(form, 'Input.ChoiceSet')[0];
    expect(channelSet?.['choices']).toEqual(f.channels.map((c) => ({ title: c.name, value: c.id })));
    expect(ofType(form, 'Input.Date')[0]?.['value']).toBe(f.level2Decision.startDate);
    for (const input of allObjects(form).filter((o) => String(o['type']).startsWith('Input.'))) {
      expect(input['isRequired'], String(input['id'])).toBe(true);
      expect(input['errorMessage'], String(input['id'])).toBeTruthy();
    }
    expect(executeActions(form)).toEqual([expect.objectContaining({ verb: VERBS.caseAccept, data: { verb: VERBS.caseAccept, draftId: 'draft-1' } })]);
  });

  it('Vælg andet udfald requires a reason and offers every choosable outcome except the recommended one', () => {
    const form = showCard(resultCard(f.level2Decision, ctx), 'Træf en anden afgørelse');
    const reason = allObjects(form).find((o) => o['id'] === 'reason');
    expect(reason).toMatchObject({ type: 'Input.Text', isRequired: true, isMultiline: true });
    expect(reason?.['errorMessage']).toMatch(/begrundelse/i);
    const chosen = allObjects(form).find((o) => o['id'] === 'chosen');
    expect((chosen?.['choices'] as { value: string }[]).map((c) => c.value)).toEqual(['escalate', 'preventive', 'level1', 'level3', 'none']);
    expect(chosen?.['isRequired']).toBe(true);
    expect(executeActions(form).map((a) => a['verb'])).toEqual([VERBS.caseOverride]);
  });

  it('offers Acceptér, Vælg andet udfald and Start forfra, with unique input ids across the forms', () => {
    const card = resultCard(f.level2Decision, ctx);
    expect(cardButtons(card).map((a) => a['title'])).toEqual(['Følg anbefalingen', 'Træf en anden afgørelse', 'Start forfra']);
    const ids = inputIds(card);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('preselects the channel when the team has only one', () => {
    const form = showCard(resultCard(f.level1Decision, { ...ctx, channels: [f.channels[0]!] }), 'Følg anbefalingen');
    expect(ofType(form, 'Input.ChoiceSet')[0]?.['value']).toBe(f.channels[0]!.id);
  });

  it('speaks English for an English Teams locale, keeping the legal terms', () => {
    const text = cardText(resultCard(f.level2Decision, { ...ctx, locale: 'en' }));
    expect(text).toContain('Level 2: Intensiv praktisk pædagogisk støtte');
    expect(text).toContain('Due dates');
    expect(text).toContain('1 May 2026');
    expect(text).toContain('A person decides');
  });

  it('stays under the Teams size limit even with a long "why not" list, keeping every passage id', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ text: `Kriterium ${i} er ikke opfyldt, fordi svarene peger et andet sted hen.`, passage: i % 2 ? 'hpi.3.maalgruppe.spaend' : 'pps.maalgruppe.1' }));
    const heavy: Decision = { ...f.level2Decision, whyNot: { preventive: many, level1: many, level3: many, none: many } };
    const card = resultCard(heavy, ctx);
    expect(cardBytes(card)).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
    expect(cardText(card)).toContain('hpi.3.maalgruppe.spaend');
    // A cut list keeps the first items of every outcome, not all of the first outcome's.
    for (const o of ['preventive', 'level1', 'level3', 'none'] as const) expect(cardText(card), o).toContain(WHY_NOT_HEADINGS[o].da);
    for (const reason of heavy.reasons) expect(JSON.stringify(card)).toContain(JSON.stringify(passageById(reason.passage)!.text).slice(1, 60));
  });

  it('gives a needs-information decision the questions instead of a result', () => {
    const card = resultCard(f.needsInfoDecision, ctx);
    expect(cardText(card)).toContain('Der mangler oplysninger');
    expect(executeActions(card).map((a) => a['verb'])).toContain(VERBS.intakeMissing);
  });

  it('is a schema 1.5 card with fallback text, Action.Execute for server actions (Action.Submit only as their fallback), and no unbound ${…}', () => {
    for (const d of [f.level2Decision, f.level1Decision, f.preventiveDecision, f.escalateDecision, f.noneDecision]) {
      const card = resultCard(d, ctx);
      expect(card).toMatchObject({ version: '1.5', type: 'AdaptiveCard' });
      expect(String(card['fallbackText'])).toContain('Anbefaling');
      expect(strayActions(card)).toEqual([]);
      expect(JSON.stringify(card)).not.toContain('${');
      for (const a of executeActions(card)) expect((a['data'] as { verb: string }).verb).toBe(a['verb']);
    }
  });

  it('shows a refused Acceptér again with the problems and what was typed, CPR numbers masked', () => {
    const card = resultCard(f.level2Decision, {
      ...ctx,
      typed: { caseReference: '2026 001234', childPseudonym: 'AB 010190-1234', channelId: f.channels[1]!.id },
      problems: [{ field: 'caseReference', message: 'Sagsnummer: Sagsnummeret må ikke indeholde mellemrum.' }],
    });
    expect(cardText(card)).toContain('Sagsnummeret må ikke indeholde mellemrum');
    const form = showCard(card, 'Følg anbefalingen');
    const values = Object.fromEntries(allObjects(form).filter((o) => typeof o['id'] === 'string').map((o) => [o['id'], o['value']]));
    expect(values).toMatchObject({ caseReference: '2026 001234', childPseudonym: 'AB [CPR fjernet]', channelId: f.channels[1]!.id });
  });

  it('keeps the escalation above a refused-form banner', () => {
    const card = resultCard(f.escalateDecision, { ...ctx, problems: [{ field: 'x', message: 'Ret dette' }] });
    const body = card['body'] as unknown[];
    expect(cardText(body[0])).toContain('Barnet kan være i fare');
    expect(cardText(body[1])).toContain('Ret dette');
  });

  it('puts a refused override back: chosen outcome, variant and reason', () => {
    const form = showCard(resultCard(f.level2Decision, { ...ctx, typed: { chosen: 'level1', chosenVariant: '1B', reason: 'kort' } }), 'Træf en anden afgørelse');
    const values = Object.fromEntries(allObjects(form).filter((o) => typeof o['id'] === 'string').map((o) => [o['id'], o['value']]));
    expect(values).toMatchObject({ chosen: 'level1', chosenVariant: '1B', reason: 'kort' });
  });

  it('does not change the decision or context it is given', () => {
    const d = deepFreeze(structuredClone(f.level2Decision));
    expect(() => resultCard(d, deepFreeze({ ...ctx, channels: structuredClone(f.channels) }))).not.toThrow();
  });
});

describe('the result card for a level that waits on its basis', () => {
  it('says what blocks the level in the headline instead of "none fits", and the first reason says what to do', async () => {
    const { decide } = await import('../rules/decide.js');
    const decision = decide({
      referenceDate: '2025-01-15',
      startDate: '2025-01-31',
      safetyConcern: false,
      child: { ageMonths: 96 },
      concern: 'pronounced',
      intensiveNeeded: true,
      parentalCapacityUnclear: true,
      investigation: 'none',
      receivesVisitationSocial: false,
    });
    const text = cardText(resultCard(decision, ctx));
    expect(text).toContain('Niveau 2 kan ikke bevilges endnu – grundlaget mangler');
    expect(text).not.toContain('Ingen af indsatserne passer');
    expect(text).toContain('Start den (Barnets lov § 20)');
    expect(cardText(resultCard(decision, { ...ctx, locale: 'en' }))).toContain('Level 2 cannot be granted yet');
  });
});
