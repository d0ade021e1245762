import { describe, expect, it } from 'vitest';
import { passageById } from '../../rules/passages/index.js';
import { parsePlanCommand } from './plan-commands.js';
import { answerQuestion, type FoundPassage } from './question.js';

describe('plan commands', () => {
  it.each([
    ['plan 2026-001234', { kind: 'plan', reference: '2026-001234' }],
    ['Gennemgang SAG-7.', { kind: 'review', reference: 'SAG-7' }],
    ['/review 27.12.08-G01-123-25', { kind: 'review', reference: '27.12.08-G01-123-25' }],
  ])('reads "%s"', (text, expected) => expect(parsePlanCommand(text)).toEqual(expected));

  it.each(['plan', 'hvor længe varer en plan', 'gennemgangen', 'plan for familien?', 'gennemgang hvornår'])(
    'leaves "%s" to be answered as a question',
    (text) => expect(parsePlanCommand(text)).toBeUndefined(),
  );
});

describe('a question about the standards', () => {
  const duration = passageById('hpi.4.varighed')!;
  const search = (hits: FoundPassage[]) => () => hits;

  it('quotes the passages verbatim with their ids and names the commands', () => {
    const answer = answerQuestion('hvor længe varer forløbet', search([duration]));
    expect(answer).toContain(`(hpi.4.varighed)\n> ${duration.text}`);
    expect(answer).toContain('»gennemgang«');
    expect(answer, 'Teams strips <…> as HTML').not.toMatch(/<[a-zæøå]+>/);
  });

  it('says plainly when nothing matches, with examples of what to ask', () => {
    expect(answerQuestion('xyzzy', search([]))).toMatch(/^Jeg fandt ikke noget i standarderne/);
  });

  it('speaks English to an English reader, quoting the passages as they are', () => {
    const answer = answerQuestion('how long', search([duration]), 'en');
    expect(answer).toMatch(/^This is what the standards say/);
    expect(answer).toContain(`(hpi.4.varighed)\n> ${duration.text}`);
    expect(answer).toContain('»review«');
    expect(answerQuestion('xyzzy', search([]), 'en')).toMatch(/^I found nothing in the standards/);
  });
});
