import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decide } from '../../rules/decide.js';
import { digests, LEGACY, legacyFacts } from './legacy-digest.js';

const recorded = JSON.parse(readFileSync(new URL('./legacy-decisions.json', import.meta.url), 'utf8')) as typeof LEGACY & { digests: string[] };

describe('the standard file decides as the deleted TypeScript measures did', () => {
  it(`gives the recorded decisions for ${LEGACY.runs} generated cases (outcome, reasons, why-nots, citations, missing in order, dates, trace)`, () => {
    expect({ seed: recorded.seed, runs: recorded.runs, chunk: recorded.chunk }).toEqual(LEGACY);
    expect(digests(legacyFacts().map((f) => decide(f)))).toEqual(recorded.digests);
  }, 300_000);
});
