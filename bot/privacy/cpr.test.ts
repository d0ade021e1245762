import { describe, expect, it } from 'vitest';
import { containsCprLike, findCprLike, maskCpr } from './cpr.js';

describe('CPR-like numbers', () => {
  it.each([
    ['010203-1234', true],
    ['0102031234', true],
    ['010203 1234', true],
    ['cpr 311299-0001 står her', true],
    ['sag 27.12.08-G01-123-25', false],
    ['telefon 12345678', false],
    ['320199-1234', false], // no 32nd day
    ['011399-1234', false], // no 13th month
    ['12010203-12345', false], // part of a longer number
  ])('%s is detected as CPR-like: %s', (text, expected) => {
    expect(containsCprLike(text)).toBe(expected);
  });

  it('masks every CPR number and keeps the rest of the text', () => {
    expect(maskCpr('A 010203-1234 og B 0504061234.')).toBe('A [CPR fjernet] og B [CPR fjernet].');
  });

  it('finds each CPR number in order', () => {
    expect(findCprLike('010203-1234 og 0504061234')).toEqual(['010203-1234', '0504061234']);
  });
});
