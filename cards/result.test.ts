import { describe, expect, it } from 'vitest';
import type { Decision } from '../rules/decision-types.js';
import { isPassageId, passageById } from '../rules/passages/index.js';
import { allObjects, cardButtons, cardText, deepFreeze, executeActions, inputIds, ofType, strayActions } from '../test/support/card-json.js';
import * as f from '../test/support/card-fixtures.js';
import { resultCard } from './result.js';
import { CARD_BUDGET_BYTES, cardBytes } from './template.js';
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

  it("names each reason's passage by its heading and id and quotes none: the words, why not and the legal basis are one tap away", () => {
    const card = resultCard(f.level2Decision, ctx);
    const json = JSON.stringify(card);
    for (const reason of f.level2Decision.reasons) {
      expect(cardText(card)).toContain(`${passageById(reason.passage)!.heading} · ${reason.passage}`);
      expect(json, reason.passage).not.toContain(JSON.stringify(passageById(reason.passage)!.text).slice(1, 60));
    }
    expect(cardText(card)).not.toContain('Hvorfor ikke de andre udfald?');
    expect(cardText(card)).not.toContain('SEL § 52, stk. 3, nr. 2');
    expect(allObjects(card).filter((o) => o['isVisible'] === false)).toEqual([]);
    const [details] = executeActions(card).filter((a) => a['verb'] === VERBS.resultDetails);
    expect(details).toMatchObject({ data: { verb: VERBS.resultDetails, draftId: 'draft-1' }, fallback: { type: 'Action.Submit', data: { verb: VERBS.resultDetails, draftId: 'draft-1' } } });
  });

  it('uses a passage lookup passed in by the caller', () => {
    const card = resultCard(f.level1Decision, { ...ctx, lookupPassage: (id) => ({ id, source: 'servicestandard', heading: `OVERSKRIFT ${id}`, text: `ORDLYD ${id}` }) });
    expect(cardText(card)).toContain('OVERSKRIFT pps.maalgruppe.1');
    expect(cardText(card)).not.toContain('ORDLYD');
  });

  it('shows the warnings, each with its passage', () => {
    const text = cardText(resultCard(f.level2Decision, ctx));
    expect(text).toContain('Visitation Social');
    for (const w of f.level2Decision.warnings) if (w.passage) expect(text).toContain(w.passage);
  });

  it('puts the decision and its buttons first: reasons, warnings, the background button, then Følg anbefalingen', () => {
    const card = resultCard(f.level2Decision, ctx);
    const body = card['body'] as Record<string, unknown>[];
    const at = (test: (o: Record<string, unknown>) => boolean) => body.findIndex((o) => allObjects(o).some(test));
    const buttons = at((o) => o['title'] === 'Følg anbefalingen');
    const details = at((o) => o['verb'] === VERBS.resultDetails);
    expect(details).toBeGreaterThan(at((o) => o['text'] === 'Derfor'));
    expect(details).toBeGreaterThan(at((o) => o['text'] === 'Vær opmærksom på'));
    expect(buttons).toBeGreaterThan(details);
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

  it('offers the background, Acceptér, Vælg andet udfald and Start forfra, with unique input ids across the forms', () => {
    const card = resultCard(f.level2Decision, ctx);
    expect(cardButtons(card).map((a) => a['title'])).toEqual(['Hvorfor ikke de andre? Lovgrundlag', 'Følg anbefalingen', 'Træf en anden afgørelse', 'Start forfra']);
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

  it('stays within CARD_BUDGET_BYTES with more reasons and warnings than any real decision has, keeping every one\'s wording and passage', () => {
    // The rules give at most 7 reasons and 11 warnings (decide-contract.test.ts walks them).
    const many = (bullet: string, length: number) => Array.from({ length }, (_, i) => ({ text: `${bullet} ${i}: svarene peger på, at dette punkt skal med i vurderingen af familien.`, passage: i % 3 ? 'hpi.3.maalgruppe.spaend' : `pps.maalgruppe.${1 + (i % 2)}` }));
    const heavy: Decision = { ...f.level2Decision, reasons: many('Grund', 8), warnings: many('Advarsel', 12) };
    for (const locale of ['da', 'en'] as const) {
      const card = resultCard(heavy, { ...ctx, locale });
      expect(cardBytes(card), locale).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
      const text = cardText(card);
      for (const item of [...heavy.reasons, ...heavy.warnings]) expect(text).toContain(item.text);
      for (const id of ['hpi.3.maalgruppe.spaend', 'pps.maalgruppe.1', 'pps.maalgruppe.2']) expect(text).toContain(id);
      for (const r of heavy.reviews) expect(text).toContain(r.passage);
    }
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

  it("a refused form's values ride along to the background and back; a long typed reason stays in the form only", () => {
    const typed = { caseReference: '2026-001234', childPseudonym: 'AB', chosen: 'level1', reason: 'kort' };
    const short = executeActions(resultCard(f.level2Decision, { ...ctx, typed })).find((a) => a['verb'] === VERBS.resultDetails);
    expect(short?.['data']).toEqual({ verb: VERBS.resultDetails, draftId: 'draft-1', ...typed });
    const long = { ...typed, reason: 'Familien har selv bedt om færre besøg. '.repeat(50) };
    const card = resultCard(f.level2Decision, { ...ctx, typed: long });
    expect(executeActions(card).find((a) => a['verb'] === VERBS.resultDetails)?.['data']).toEqual({ verb: VERBS.resultDetails, draftId: 'draft-1' });
    expect(allObjects(showCard(card, 'Træf en anden afgørelse')).find((o) => o['id'] === 'reason')?.['value']).toBe(long.reason);
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
