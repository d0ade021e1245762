import { describe, expect, it } from 'vitest';
import { runtimeSupport } from './runtime.js';

describe('which Node.js the bot warns about at start', () => {
  it.each([
    ['24.22.3', 'supported'],
    ['22.23.5', 'supported'],
    ['20.20.2', 'end-of-life'],
    ['18.20.8', 'end-of-life'],
    ['26.1.0', 'untested'],
  ] as const)('Node %s is %s', (version, expected) => {
    expect(runtimeSupport(version)).toBe(expected);
  });
});
