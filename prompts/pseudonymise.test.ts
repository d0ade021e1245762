import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDanishWords, type KnowsWord } from './danish-words.js';
import { Pseudonymiser } from './pseudonymise.js';

let knowsWord: KnowsWord;
beforeAll(async () => {
  knowsWord = await loadDanishWords();
});

const NOTE = [
  'Hjemmebesøg hos Mette Jensen (CPR 010203-1234), Vestergade 12, 2. th, 8000 Aarhus C.',
  'Mor ringede fra 12 34 56 78 og igen fra +45 87654321.',
  'Oliver sov dårligt. Mettes kæreste Kasper var til stede; mail kasper.k@example.dk.',
  'Kasper bor på Nørrebrogade 3B. Mødet 2024-03-12 med PPR og Visitation Social om 2-3 ugentlige besøg i 40 uger.',
].join('\n');

describe('pseudonymisation before a language model call', () => {
  it('replaces CPR numbers, phone numbers, e-mails, addresses and names with placeholders', () => {
    const p = new Pseudonymiser({ names: ['Mette Jensen', 'Oliver'], knowsWord });
    const out = p.pseudonymise(NOTE);
    for (const secret of ['010203-1234', '12 34 56 78', '87654321', 'kasper.k@example.dk', 'Vestergade', 'Aarhus', 'Nørrebrogade', 'Mette', 'Jensen', 'Oliver', 'Kasper']) {
      expect(out, secret).not.toContain(secret);
    }
    expect(out).toContain('[CPR_1]');
    expect(out).toContain('[TLF_2]');
    expect(out).toContain('[EMAIL_1]');
    expect(out).toContain('[ADRESSE_2]');
    expect(out).toContain('[NAVN_1]');
  });

  it('gives back exactly the original text when the placeholders are revealed', () => {
    const p = new Pseudonymiser({ names: ['Mette Jensen', 'Oliver'], knowsWord });
    expect(p.reveal(p.pseudonymise(NOTE))).toBe(NOTE);
  });

  it('keeps ordinary words, dates, figures, acronyms and sentence-initial capitals', () => {
    const p = new Pseudonymiser({ names: ['Mette Jensen'], knowsWord });
    const out = p.pseudonymise(NOTE);
    for (const kept of ['Hjemmebesøg', 'Mor ringede', 'Mødet 2024-03-12', 'PPR', 'Visitation Social', '2-3 ugentlige besøg i 40 uger']) {
      expect(out).toContain(kept);
    }
  });

  it('uses the same placeholder for the same person in every text of one summary', () => {
    const p = new Pseudonymiser({ names: ['Mette Jensen'], knowsWord });
    const a = p.pseudonymise('Samtale med Mette Jensen om søvn.');
    const b = p.pseudonymise('Opfølgning: mette jensen var glad.');
    expect(a).toBe('Samtale med [NAVN_1] om søvn.');
    expect(b).toBe('Opfølgning: [NAVN_1] var glad.');
  });

  it('masks a name everywhere once it is seen inside a sentence, also where it starts one', () => {
    const p = new Pseudonymiser({ names: [], knowsWord });
    const out = p.pseudonymise('Vi talte med Birgitte. Birgitte var positiv.');
    expect(out).toBe('Vi talte med [NAVN_1]. [NAVN_1] var positiv.');
  });

  it('without a dictionary masks the registered and the listed names, not an unlisted one', () => {
    const p = new Pseudonymiser({ names: ['Oliver'] });
    expect(p.pseudonymise('Besøg hos Oliver og Birgitte og Zorana.')).toBe('Besøg hos [NAVN_1] og [NAVN_2] og Zorana.');
  });

  it.each([
    ['a listed name at a sentence start and in lower case', 'Karina var glad. samtale med karina og jens.', 'Karina var glad', 'karina', 'jens'],
    ['a full name in capitals, in lower case, and as initial plus surname', 'METTE JENSEN, mette jensen og M. Jensen', 'METTE', 'mette', 'Jensen'],
    ['names that are also words, where they are written as names', 'Bo, Lærke og Sten Nielsen. Storm sov. Storebror hedder storm.', 'Bo', 'Lærke', 'Sten', 'Storm', 'storm.'],
    ['a hyphenated surname in lower case', 'mor ahmed el-sayed ringede', 'ahmed', 'el-sayed'],
    ['the registered pseudonym in any case', 'LILLEBROR og lillebror', 'LILLEBROR', 'lillebror'],
    ['towns', 'Familien flyttede fra Aarhus til hvide sande og Køge', 'Aarhus', 'hvide sande', 'Køge'],
    ['institutions with their names', 'Solsikkens Børnehave, Børnehaven Regnbuen, Møllevangskolen og SFO Mælkebøtten', 'Solsikke', 'Regnbuen', 'Møllevang', 'Mælkebøtten'],
    ['street addresses in lower case and with the floor', 'bor på nørregade 20 og på Nørregade 20, 2. th', 'nørregade', 'Nørregade', '2. th'],
    ['phone numbers in every Danish grouping', '20304050 · 21 31 41 51 · 2232 4252 · 2333-4353 · 24.34.44.54 · +45 25 35 45 55 · 0045 26364656', '20304050', '21 31', '2232', '2333', '24.34', '25 35', '26364656'],
    ['e-mails written out', 'mette snabel-a mail punktum dk, ole at post dot dk, kim (at) net (dot) dk', 'mette', 'ole', 'kim', 'mail', 'post'],
  ])('masks %s', (_what, text, ...secrets) => {
    const p = new Pseudonymiser({ names: ['Lillebror'], knowsWord });
    const out = p.pseudonymise(text);
    for (const secret of secrets) expect(out, secret).not.toContain(secret);
    // One mask per value whatever its case, so the reader gets the first spelling back.
    expect(p.reveal(out).toLocaleLowerCase('da')).toBe(text.toLocaleLowerCase('da'));
  });

  it('leaves words that are also names, dates, year ranges and generic institutions alone in ordinary use', () => {
    const p = new Pseudonymiser({ names: ['Lillebror'], knowsWord });
    const text = 'Barnet skal bo hos mor; der var storm, og hans bror fandt en sten. Perioden 2024-2025, mødet 2024-03-12 kl. 10.30-11.30. Barnet går i børnehaven og starter i folkeskolen; dagplejen er slut. Mor sagde at far var træt.';
    expect(p.pseudonymise(text)).toBe(text);
  });

  it('masks a pseudonym such as "Barn A" whole, but not the word "barn" in every note', () => {
    const p = new Pseudonymiser({ names: ['Barn A', 'Mette Sørensen'], knowsWord });
    expect(p.pseudonymise('Barn A sov. Et barn i klassen græd. Mette kom.')).toBe('[NAVN_1] sov. Et barn i klassen græd. [NAVN_2] kom.');
  });

  it('gives the same mask to the same value in one request, and different ones to different values', () => {
    const p = new Pseudonymiser({ names: [], knowsWord });
    expect(p.pseudonymise('Karina ringede fra 2030-4050. Senere ringede karina igen fra 2030-4050, og Jens fra 20 30 40 51.')).toBe(
      '[NAVN_1] ringede fra [TLF_1]. Senere ringede [NAVN_1] igen fra [TLF_1], og [NAVN_2] fra [TLF_2].',
    );
  });

  it('reveals only its own placeholders and leaves anything else the model wrote', () => {
    const p = new Pseudonymiser({ names: ['Oliver'] });
    p.pseudonymise('Oliver');
    expect(p.reveal('[NAVN_1] og [NAVN_9]')).toBe('Oliver og [NAVN_9]');
  });

  it('never lets a CPR number or phone number through, whatever surrounds it', () => {
    const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
    const cpr = fc
      .tuple(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 12 }), digits(2), digits(4), fc.constantFrom('-', ' ', ''))
      .map(([d, m, y, s, sep]) => `${String(d).padStart(2, '0')}${String(m).padStart(2, '0')}${y}${sep}${s}`);
    const phone = fc
      .tuple(fc.integer({ min: 2, max: 9 }), digits(7), fc.constantFrom('', '+45 ', '+45'))
      .map(([first, rest, prefix]) => `${prefix}${first}${rest}`);
    const words = fc.array(fc.constantFrom('mor', 'ringede', 'fra', 'og', 'nummer', 'tlf.', 'cpr:', '(', ')', ','), { maxLength: 4 });
    fc.assert(
      fc.property(words, fc.oneof(cpr, phone), words, (before, secret, after) => {
        const p = new Pseudonymiser({ names: [] });
        const text = `${before.join(' ')} ${secret} ${after.join(' ')}`;
        const out = p.pseudonymise(text);
        expect(out).not.toContain(secret.replace(/^\+45 ?/, ''));
        expect(p.reveal(out)).toBe(text);
      }),
    );
  });
});
