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
    expect(out).toContain('[PERSON_1]');
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
    expect(a).toBe('Samtale med [PERSON_1] om søvn.');
    expect(b).toBe('Opfølgning: [PERSON_1] var glad.');
  });

  it('masks a name everywhere once it is seen inside a sentence, also where it starts one', () => {
    const p = new Pseudonymiser({ names: [], knowsWord });
    const out = p.pseudonymise('Vi talte med Birgitte. Birgitte var positiv.');
    expect(out).toBe('Vi talte med [PERSON_1]. [PERSON_1] var positiv.');
  });

  it('without a dictionary masks only the registered names', () => {
    const p = new Pseudonymiser({ names: ['Oliver'] });
    expect(p.pseudonymise('Besøg hos Oliver og Birgitte.')).toBe('Besøg hos [PERSON_1] og Birgitte.');
  });

  it('reveals only its own placeholders and leaves anything else the model wrote', () => {
    const p = new Pseudonymiser({ names: ['Oliver'] });
    p.pseudonymise('Oliver');
    expect(p.reveal('[PERSON_1] og [PERSON_9]')).toBe('Oliver og [PERSON_9]');
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
