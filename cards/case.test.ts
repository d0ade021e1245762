import { describe, expect, it } from 'vitest';
import type { Override } from '../rules/decision-types.js';
import { allObjects, cardText, deepFreeze, executeActions } from '../test/support/card-json.js';
import * as f from '../test/support/card-fixtures.js';
import { caseCard, caseCreatedCard } from './case.js';
import { caseListCard, MAX_ROWS } from './case-list.js';
import type { CaseView } from './case-view.js';
import { VERBS } from './verbs.js';

const ctx = { locale: 'da' as const };
const view: CaseView = {
  caseReference: '2026-001234',
  childPseudonym: 'AB',
  outcome: 'level2',
  variant: null,
  startDate: '2026-02-01',
  status: 'open',
  channelName: 'Familieafdelingen Vest',
  decidedBy: 'Sagsbehandler K',
  decidedAt: '2026-01-15T10:00:00Z',
  reviews: f.level2Decision.reviews,
};
const override: Override = {
  recommended: 'level2',
  chosen: 'level1',
  chosenVariant: '1B',
  reason: 'Familien har selv bedt om færre besøg og har et stærkt netværk.',
  by: 'Sagsbehandler K',
  at: '2026-01-15T10:00:00Z',
};

describe('the case-created card', () => {
  it('confirms the case with reference, pseudonym, channel and due dates', () => {
    const text = cardText(caseCreatedCard(view, f.level2Decision, undefined, ctx));
    for (const s of ['SAGEN ER OPRETTET', '2026-001234', 'AB', 'Familieafdelingen Vest', '1. maj 2026', '15. maj 2026', 'Sagsbehandler K']) expect(text).toContain(s);
  });

  it('shows the recommendation and the override side by side, with the reason and who decided', () => {
    const card = caseCreatedCard({ ...view, outcome: 'level1', variant: '1B' }, f.level2Decision, override, ctx);
    const sideBySide = allObjects(card).find((o) => o['type'] === 'ColumnSet' && cardText(o).includes('ANBEFALINGEN'));
    expect(sideBySide).toBeDefined();
    const [recommended, chosen] = (sideBySide?.['columns'] as unknown[]).map(cardText);
    expect(recommended).toContain('Niveau 2: Intensiv praktisk pædagogisk støtte');
    expect(chosen).toContain('Niveau 1: Praktisk pædagogisk støtte i hjemmet (1B)');
    expect(chosen).toContain(override.reason);
    expect(chosen).toContain('Sagsbehandler K');
  });

  it('shows no side-by-side when the recommendation was accepted', () => {
    const card = caseCreatedCard(view, f.level2Decision, undefined, ctx);
    expect(cardText(card)).not.toContain('ANBEFALINGEN');
  });

  it('does not change its inputs', () => {
    expect(() => caseCreatedCard(deepFreeze(structuredClone(view)), deepFreeze(structuredClone(f.level2Decision)), deepFreeze({ ...override }), ctx)).not.toThrow();
  });
});

describe('the case card', () => {
  it('shows an open case with its measure and next due dates', () => {
    const text = cardText(caseCard(view, ctx));
    expect(text).toContain('SAG · ÅBEN');
    expect(text).toContain('Niveau 2: Intensiv praktisk pædagogisk støtte');
    expect(text).toContain('1. maj 2026');
  });

  it('shows a stored override on the case', () => {
    expect(cardText(caseCard({ ...view, outcome: 'level1', variant: '1B', override }, ctx))).toContain(override.reason);
  });
});

describe('the case list card', () => {
  it('lists each case with its next due date; tapping a row opens it', () => {
    const card = caseListCard([view, { ...view, caseReference: '2026-000999', childPseudonym: 'CD', outcome: 'preventive', reviews: [] }], ctx);
    const text = cardText(card);
    expect(text).toContain('2026-001234');
    expect(text).toContain('2026-000999');
    expect(text).toContain('1. maj 2026');
    const opens = executeActions(card).filter((a) => a['verb'] === VERBS.caseOpen);
    expect(opens.map((a) => (a['data'] as { caseReference: string }).caseReference)).toEqual(['2026-001234', '2026-000999']);
  });

  it('says so when there are no cases and offers to start one', () => {
    const card = caseListCard([], ctx);
    expect(cardText(card)).toContain('Der er ingen sager at vise');
    expect(executeActions(card).map((a) => a['verb'])).toEqual([VERBS.intakeStart]);
  });

  it(`shows at most ${MAX_ROWS} rows and says how many there are`, () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ ...view, caseReference: `2026-${String(i).padStart(6, '0')}` }));
    const card = caseListCard(many, ctx);
    expect(executeActions(card).filter((a) => a['verb'] === VERBS.caseOpen)).toHaveLength(MAX_ROWS);
    expect(cardText(card)).toContain(`Viser ${MAX_ROWS} af 40`);
  });
});
