import { describe, expect, it } from 'vitest';
import { containsFullNameLike } from './full-name.js';

describe('full-name check', () => {
  it.each(['Mor hedder Mette Jensen', 'Mette Jensen vil gerne', 'Anne-Marie Holm-Nielsen', 'samtale med Ole  Hansen'])(
    'flags "%s" as holding a full name',
    (text) => expect(containsFullNameLike(text)).toBe(true),
  );

  it.each([
    'Mor og far vil gerne have faste sovetider.',
    'Barnet starter i vuggestue. Mor er glad.',
    'Samarbejde med Visitation Social om bostøtte',
    'Jf. Barnets Lov § 32',
    'M.J. og barnet (initialer)',
    'Sundhedsplejersken henviste.',
  ])('lets "%s" pass', (text) => expect(containsFullNameLike(text)).toBe(false));
});
