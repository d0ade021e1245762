import { describe, expect, it } from 'vitest';
import { localeFrom } from './locale.js';

describe('choosing the language from the Teams locale', () => {
  it.each([
    ['da-DK', 'da'],
    ['en-US', 'en'],
    ['en-GB', 'en'],
    ['EN-us', 'en'],
    ['de-DE', 'da'],
    ['', 'da'],
    [undefined, 'da'],
    [null, 'da'],
  ])('%s gives %s (Danish unless the client is English)', (teams, expected) => {
    expect(localeFrom(teams)).toBe(expected);
  });
});
