import { describe, expect, it } from 'vitest';
import { parseCommand } from './commands.js';

describe('typed commands', () => {
  it.each([
    ['hjælp', 'help'],
    ['Help', 'help'],
    ['ny sag', 'newCase'],
    ['Ny  sag!', 'newCase'],
    ['new case', 'newCase'],
    ['fortsæt', 'resume'],
    ['resume', 'resume'],
    ['mine sager', 'mine'],
    ['My cases', 'mine'],
  ])('"%s" is the %s command', (text, kind) => {
    expect(parseCommand(text)?.kind).toBe(kind);
  });

  it('find keeps the reference as typed', () => {
    expect(parseCommand('find 27.00.00-A00-12-24')).toEqual({ kind: 'find', reference: '27.00.00-A00-12-24' });
    expect(parseCommand('Søg abc-1')).toEqual({ kind: 'find', reference: 'abc-1' });
  });

  it('standard keeps the question as typed', () => {
    expect(parseCommand('Standard Hvor længe kan intensiv støtte bevilges?')).toEqual({ kind: 'standard', question: 'Hvor længe kan intensiv støtte bevilges?' });
    expect(parseCommand('standard')).toBeUndefined();
  });

  it('resumé asks for a case summary, keeping the reference as typed; plain "resume" still continues the interview', () => {
    expect(parseCommand('resumé SAG-2026-0042')).toEqual({ kind: 'summary', reference: 'SAG-2026-0042' });
    expect(parseCommand('Summary sag-7')).toEqual({ kind: 'summary', reference: 'sag-7' });
    expect(parseCommand('resumé')).toEqual({ kind: 'summary', reference: '' });
    expect(parseCommand('resume')).toEqual({ kind: 'resume' });
    expect(parseCommand('resume SAG-2026-0042'), 'English "resume <ref>" is the summary').toEqual({ kind: 'summary', reference: 'SAG-2026-0042' });
  });

  it.each([
    ['find', 'find'],
    ['Find', 'find'],
    ['/plan', 'plan'],
    ['gennemgang', 'review'],
    ['review', 'review'],
    ['noter', 'notes'],
    ['notat', 'note'],
    ['note', 'note'],
  ])('a bare "%s" (as the command menu sends it) asks for the case number instead of searching the standards', (text, askFor) => {
    expect(parseCommand(text)).toEqual({ kind: 'askReference', askFor });
  });

  it('free text is not a command', () => {
    expect(parseCommand('hej, hvordan virker du?')).toBeUndefined();
    expect(parseCommand('')).toBeUndefined();
  });
});
