import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { containsCprLike } from '../privacy/cpr.js';
import { parseCaseReference, parseChildPseudonym } from './case-reference.js';

/** Generated input: whatever a person types, nothing CPR-like gets through, and nothing is accepted unchecked. */
const cpr = fc
  .tuple(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 9999 }), fc.constantFrom('-', ' ', ''))
  .map(([d, m, y, s, sep]) => `${String(d).padStart(2, '0')}${String(m).padStart(2, '0')}${String(y).padStart(2, '0')}${sep}${String(s).padStart(4, '0')}`);
const referenceChar = fc.constantFrom(...'ABCSAGæøå0123456789.-/ _#'.split(''));
const typed = fc.string({ unit: referenceChar, maxLength: 50 });

describe('validation over generated input', () => {
  it('a reference with a CPR number anywhere in it is always refused', () => {
    fc.assert(
      fc.property(typed, cpr, typed, (before, number, after) => {
        const result = parseCaseReference(`${before}${number}${after}`);
        // Digits around the number may make it a longer number, which is not CPR-like; the rule is about what is left.
        if (containsCprLike(`${before}${number}${after}`)) expect(result.ok).toBe(false);
      }),
    );
  });

  it('an accepted reference is trimmed, 3–40 allowed characters, and not CPR-like', () => {
    fc.assert(
      fc.property(typed, (input) => {
        const result = parseCaseReference(input);
        if (!result.ok) {
          expect(result.message.length).toBeGreaterThan(20);
          return;
        }
        expect(result.value).toBe(input.trim());
        expect(result.value).toMatch(/^[\p{L}\d./-]{3,40}$/u);
        expect(containsCprLike(result.value)).toBe(false);
      }),
    );
  });

  it('a pseudonym with a CPR number in it is always refused', () => {
    fc.assert(
      fc.property(fc.constantFrom('', 'AH ', 'Barn '), cpr, (prefix, number) => {
        expect(parseChildPseudonym(`${prefix}${number}`).ok).toBe(false);
      }),
    );
  });

  it('two capitalised words are always refused as a full name', () => {
    const word = fc.tuple(fc.constantFrom('A', 'B', 'Æ', 'Ø', 'K'), fc.string({ unit: fc.constantFrom('a', 'n', 'e', 'ø', 's'), minLength: 1, maxLength: 8 })).map(([h, t]) => h + t);
    fc.assert(
      fc.property(word, word, (first, last) => {
        const result = parseChildPseudonym(`${first} ${last}`);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.message).toContain('fuldt navn');
      }),
    );
  });
});
