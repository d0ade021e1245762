import { describe, expect, it } from 'vitest';
import { CPR_FORMATS } from '../../test/support/cpr-formats.js';
import { containsCprLike, findCprLike, maskCpr } from './cpr.js';


describe('CPR-like numbers', () => {
  it.each(CPR_FORMATS)('are found when written %s (%s), and masked in the text as written', (_how, cpr) => {
    const text = `Mor oplyste ${cpr} ved mødet.`;
    expect(containsCprLike(text)).toBe(true);
    expect(findCprLike(text)).toEqual([cpr]);
    expect(maskCpr(text)).toBe('Mor oplyste [CPR fjernet] ved mødet.');
  });

  it.each([
    ['a case reference', 'sag 27.12.08-G01-123-25'],
    ['a phone number', 'telefon 12345678'],
    ['a phone number in pairs', 'ring 20 30 40 50'],
    ['no 32nd day', '320199-1234'],
    ['no 13th month', '011399-1234'],
    ['part of a longer number', '12010203-12345'],
    ['a date alone', 'mødet 01.02.2026'],
  ])('are not found in %s (%s)', (_what, text) => {
    expect(containsCprLike(text)).toBe(false);
  });

  it('masks every CPR number and keeps the rest of the text', () => {
    expect(maskCpr('A 010203-1234 og B 0504061234.')).toBe('A [CPR fjernet] og B [CPR fjernet].');
  });

  it('finds each CPR number in order', () => {
    expect(findCprLike('010203-1234 og 0504061234')).toEqual(['010203-1234', '0504061234']);
  });
});
