import { describe, expect, it } from 'vitest';
import { findNamesAndPlaces, looksLikeFullName, namesIn } from './names.js';

const masked = (text: string) =>
  findNamesAndPlaces(text)
    .reverse()
    .reduce((out, s) => out.slice(0, s.start) + `[${s.kind}]` + out.slice(s.end), text);

describe('full names in the pseudonym field', () => {
  it.each(['METTE JENSEN', 'mette jensen', 'M. Jensen', 'M Jensen', 'm. jensen', 'Ahmed El-Sayed', 'ahmed el-sayed', 'Mette Jensen', 'bo storm', 'Met\u200Bte Jensen'])(
    'refuses "%s"',
    (field) => expect(looksLikeFullName(field)).toBe(true),
  );
  it.each(['Barn A', 'Lillebror', 'Pigen', 'AH', 'Barn 1', 'M.J.', 'Mette', 'barn a'])('accepts "%s"', (field) => expect(looksLikeFullName(field)).toBe(false));
});

describe('names, places and institutions in a note', () => {
  it.each([
    ['Mette var glad.', '[NAVN] var glad.'],
    ['samtale med mette jensen om søvn', 'samtale med [NAVN] om søvn'],
    ['Besøg hos M. Jensen i dag', 'Besøg hos [NAVN] i dag'],
    ['mor ahmed el-sayed ringede', 'mor [NAVN] ringede'],
    ['Bo og Lærke legede. Storm sov.', '[NAVN] og [NAVN] legede. [NAVN] sov.'],
    ['Jens og Karina kom', '[NAVN] og [NAVN] kom'],
    ['storebror hedder storm', 'storebror hedder [NAVN]'],
    ['far sten nielsen var der', 'far [NAVN] var der'],
    ['Familien bor i Aarhus og flytter til hvide sande', 'Familien bor i [STED] og flytter til [STED]'],
    ['Barnet går i Solsikkens Børnehave og storebror i Møllevangskolen.', 'Barnet går i [INSTITUTION] og storebror i [INSTITUTION].'],
    ['Børnehaven Regnbuen ringede; SFO Mælkebøtten også', '[INSTITUTION] ringede; [INSTITUTION] også'],
  ])('masks "%s"', (text, expected) => expect(masked(text)).toBe(expected));

  it.each([
    'Han skal bo hos mormor, og der lå en sten i skoen.',
    'Det blev storm i nat, og hans mor var træt.',
    'Barnet starter i børnehaven og folkeskolen efter sommerferien; daginstitution og dagpleje er talt igennem.',
    'Mor og far vil gerne have faste sovetider.',
    'Vi kørte ad vejen til ringe tider, 2 timer per uge.',
  ])('leaves "%s" alone', (text) => expect(findNamesAndPlaces(text)).toEqual([]));

  it('names the names for the warning, not the places', () => {
    expect(namesIn('Mette Jensen bor i Aarhus.')).toEqual(['Mette Jensen']);
  });
});

describe('names for the note warning', () => {
  it('include a run of capitalised words not on the lists', () => {
    expect(namesIn('Zorana Kowalczyk var med.')).toEqual(['Zorana Kowalczyk']);
  });
  it('leave the known capitalised terms of the standards alone', () => {
    expect(namesIn('Samarbejde med Visitation Social jf. Barnets Lov.')).toEqual([]);
  });
});
