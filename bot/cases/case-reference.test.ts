import { describe, expect, it } from 'vitest';
import { CaseReferenceSchema, ChildPseudonymSchema, parseCaseReference, parseChildPseudonym } from './case-reference.js';

describe('case reference', () => {
  it.each([
    ['27.12.08-G01-123-25', '27.12.08-G01-123-25'],
    ['SAG-2025-0042', 'SAG-2025-0042'],
    ['  SAG-2025-0042 ', 'SAG-2025-0042'],
    ['2025/0042', '2025/0042'],
    ['ÆØÅ-1', 'ÆØÅ-1'],
    ['A12', 'A12'],
    ['A'.repeat(40), 'A'.repeat(40)],
  ])('accepts %j as %j', (input, value) => {
    expect(parseCaseReference(input)).toEqual({ ok: true, value });
  });

  it.each([
    ['', 'Skriv kommunens sagsnummer'],
    ['   ', 'Skriv kommunens sagsnummer'],
    ['010203-1234', 'ligner et CPR-nummer'],
    ['0102031234', 'ligner et CPR-nummer'],
    ['SAG-010203-1234', 'ligner et CPR-nummer'],
    ['01.02.03-1234', 'ligner et CPR-nummer'],
    ['SAG 2025 0042', 'må ikke indeholde mellemrum'],
    ['SAG_2025', 'må kun indeholde bogstaver, tal, punktum (.), bindestreg (-) og skråstreg (/)'],
    ['SAG#1', 'må kun indeholde bogstaver'],
    ['AB', 'mellem 3 og 40 tegn (det har 2)'],
    ['A'.repeat(41), 'mellem 3 og 40 tegn (det har 41)'],
    ['.-/', 'skal indeholde bogstaver eller tal'],
  ])('refuses %j saying %j, with an example of what to write', (input, message) => {
    const result = parseCaseReference(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain(message);
    expect(result.message).toContain('SAG-2025-0042');
  });

  it('the zod schema gives the same Danish message, for parsing card submissions', () => {
    const result = CaseReferenceSchema.safeParse('010203-1234');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain('CPR-numre må ikke gemmes');
    expect(CaseReferenceSchema.parse(' SAG-1 ')).toBe('SAG-1');
  });
});

describe('child pseudonym', () => {
  it.each([
    ['AH', 'AH'],
    ['A.H.', 'A.H.'],
    ['A. H.', 'A. H.'],
    ['Barn 1', 'Barn 1'],
    ['Lille-A', 'Lille-A'],
    ['Mads', 'Mads'],
    ['Barn A', 'Barn A'],
    ['Lillebror', 'Lillebror'],
    ['Pigen', 'Pigen'],
    [' ah ', 'ah'],
    ['X'.repeat(20), 'X'.repeat(20)],
  ])('accepts %j as %j', (input, value) => {
    expect(parseChildPseudonym(input)).toEqual({ ok: true, value });
  });

  it.each([
    ['', 'Skriv barnets initialer eller et pseudonym'],
    ['Anna Hansen', 'ligner et fuldt navn'],
    ['Anna Marie Hansen', 'ligner et fuldt navn'],
    ['Ærø Østergård', 'ligner et fuldt navn'],
    // Whatever the case, and an initial before a surname.
    ['METTE JENSEN', 'ligner et fuldt navn'],
    ['mette jensen', 'ligner et fuldt navn'],
    ['M. Jensen', 'ligner et fuldt navn'],
    ['Ahmed El-Sayed', 'ligner et fuldt navn'],
    ['ahmed el-sayed', 'ligner et fuldt navn'],
    ['0102031234', 'ikke CPR-nummer eller fødselsdato'],
    ['AH 010203-1234', 'ikke CPR-nummer eller fødselsdato'],
    ['AH 010203', 'ikke CPR-nummer eller fødselsdato'],
    ['X'.repeat(21), 'højst være 20 tegn (det har 21)'],
    ['AH!', 'kun indeholde bogstaver, tal, mellemrum, punktum og bindestreg'],
  ])('refuses %j saying %j, with an example of what to write', (input, message) => {
    const result = parseChildPseudonym(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain(message);
    expect(result.message).toContain('"AH"');
  });

  it('the zod schema gives the same Danish message', () => {
    expect(ChildPseudonymSchema.safeParse('Anna Hansen').error?.issues[0]?.message).toContain('navne må ikke gemmes');
  });
});
