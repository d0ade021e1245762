import { describe, expect, it } from 'vitest';
import { cardText, executeActions } from '../test/support/card-json.js';
import { errorCard } from './error.js';
import { helpCard } from './help.js';
import { VERBS } from './verbs.js';

describe('the help card', () => {
  it("lists the commands in the card's own language only", () => {
    const da = cardText(helpCard({ locale: 'da' }));
    for (const c of ['hjælp', 'ny sag', 'fortsæt', 'find «sagsnummer»', 'mine sager']) expect(da).toContain(c);
    expect(da).not.toContain('my cases');
    const en = cardText(helpCard({ locale: 'en' }));
    for (const c of ['help', 'new case', 'resume', 'find «case reference»', 'my cases']) expect(en).toContain(c);
    expect(en).not.toContain('mine sager');
  });

  it('offers Ny sag, Fortsæt and Mine sager as buttons', () => {
    expect(executeActions(helpCard({ locale: 'da' })).map((a) => a['verb'])).toEqual([VERBS.intakeStart, VERBS.intakeResume, VERBS.caseMine]);
  });

  it('reminds the user never to type CPR numbers or full names', () => {
    expect(cardText(helpCard({ locale: 'da' }))).toContain('Skriv aldrig CPR-numre eller fulde navne');
  });

  it('leads with the English commands for an English locale', () => {
    expect(cardText(helpCard({ locale: 'en' }))).toContain('How to use Familiestøtte');
  });
});

describe('the error card', () => {
  it('shows the Danish message and keeps what was typed in editable fields with the same ids', () => {
    const card = errorCard('Sagsnummeret findes allerede. Vælg et andet.', { caseReference: { label: 'Sagsnummer', value: '2026-001234' }, reason: 'En lang begrundelse' }, { locale: 'da' });
    const text = cardText(card);
    expect(text).toContain('Sagsnummeret findes allerede');
    expect(text).toContain('Det, du skrev, er gemt her:');
    expect(JSON.stringify(card)).toContain('"id":"caseReference"');
    expect(JSON.stringify(card)).toContain('"value":"2026-001234"');
    expect(JSON.stringify(card)).toContain('"value":"En lang begrundelse"');
  });

  it('resends the kept input with the retry verb', () => {
    const card = errorCard('Prøv igen.', { caseReference: 'x' }, { locale: 'da', retry: { verb: VERBS.caseAccept, data: { draftId: 'd1' } } });
    expect(executeActions(card)).toEqual([expect.objectContaining({ verb: VERBS.caseAccept, associatedInputs: 'auto', data: { draftId: 'd1', verb: VERBS.caseAccept } })]);
  });

  it('lists the problems one by one', () => {
    const text = cardText(errorCard('Ret dette:', {}, { locale: 'da', details: ['Sagsnummer: mangler', 'Startdato: datoen findes ikke i kalenderen'] }));
    expect(text).toContain('• Sagsnummer: mangler');
    expect(text).toContain('• Startdato: datoen findes ikke i kalenderen');
  });

  it('keeps the card small when a huge text was typed', () => {
    const card = errorCard('For lang tekst.', { reason: 'x'.repeat(100_000) }, { locale: 'da' });
    expect(JSON.stringify(card).length).toBeLessThan(5_000);
  });

  it('does not evaluate template expressions in what the user typed', () => {
    const card = errorCard('Fejl ${1+1}', { reason: '${$root.message} @{x}' }, { locale: 'da' });
    expect(cardText(card)).toContain('Fejl ${1+1}');
    expect(JSON.stringify(card)).toContain('${$root.message} @{x}');
  });
});
