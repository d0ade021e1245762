import { describe, expect, it } from 'vitest';
import { containsCprLike, findCprLike, maskCpr } from './cpr.js';

/** The formats caseworkers were seen to write (and paste) a CPR number in. */
const WRITTEN = [
  ['with a dash', '010203-1234'],
  ['without a separator', '0102031234'],
  ['with a space', '010203 1234'],
  ['with dots in the date', '01.02.03-1234'],
  ['with spaces round the dash', '010203 - 1234'],
  ['in groups of two', '01 02 03 1234'],
  ['with an en dash', '010203–1234'],
  ['with a minus sign', '010203−1234'],
  ['with a slash', '010203/1234'],
  ['with an underscore', '010203_1234'],
  ['with a dot', '010203.1234'],
  ['with a zero-width space inside', '0102\u200B03-1234'],
  ['with a soft hyphen inside', '01\u00AD0203-1234'],
  ['in fullwidth digits', '０１０２０３-１２３４'],
  ['in Arabic-Indic digits', '٠١٠٢٠٣-١٢٣٤'],
  ['in Extended Arabic-Indic digits', '۰۱۰۲۰۳-۱۲۳۴'],
  ['with a late-century date', '311299-0001'],
] as const;

describe('CPR-like numbers', () => {
  it.each(WRITTEN)('are found when written %s (%s), and masked in the text as written', (_how, cpr) => {
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
