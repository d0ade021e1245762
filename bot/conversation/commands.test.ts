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

  it('free text is not a command', () => {
    expect(parseCommand('hej, hvordan virker du?')).toBeUndefined();
    expect(parseCommand('find')).toBeUndefined();
    expect(parseCommand('')).toBeUndefined();
  });
});
