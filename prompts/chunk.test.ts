import { describe, expect, it } from 'vitest';
import { chunkLines } from './chunk.js';
import { estimateTokens } from './tokens.js';

describe('chunking notes to a token allowance', () => {
  it('keeps lines whole and in order, each chunk within the allowance', () => {
    const lines = Array.from({ length: 30 }, (_, i) => `Notat ${i}: barnet sov godt, og mor var glad for besøget i dag.`);
    const chunks = chunkLines(lines, 60);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.flat()).toEqual(lines);
    for (const c of chunks) expect(c.reduce((s, l) => s + estimateTokens(l) + 1, 0)).toBeLessThanOrEqual(60);
  });

  it('splits one line larger than the allowance into numbered parts that keep every word', () => {
    const line = Array.from({ length: 50 }, (_, i) => `Sætning nummer ${i} om trivsel.`).join(' ');
    const parts = chunkLines([line], 40).flat();
    expect(parts.length).toBeGreaterThan(1);
    expect(parts[0]).toMatch(/^\(del 1\/\d+\) /);
    expect(parts.map((p) => p.replace(/^\(del \d+\/\d+\) /, '')).join(' ')).toBe(line);
  });
});
