import fc from 'fast-check';
import { decide } from '../../rules/decide.js';
import { parseFacts, type Facts } from '../../rules/facts.js';
import { arbitraryAnsweredFacts, arbitraryFacts } from '../support/arbitrary-facts.js';
import type { BenchResult } from './bench-result.js';

const CASES = 100_000;
const TARGET_MICROSECONDS = 50;

/**
 * The TypeScript measures' figure, for comparison after they were deleted: the same 100,000 cases,
 * same warm-up, timed in one process beside the file-based evaluator (the old rules/ exported from
 * commit 0fb4d84) on the shared development machine: 36.5, 38.2, 40.1 µs; the file-based one
 * 49.0, 49.2, 48.3 µs in the same rounds, i.e. about 1.27 times as long.
 * Not a target: a machine's load moves both; compare the ratio in one run where possible.
 */
const TYPESCRIPT_MEASURES_MEDIAN_MICROSECONDS = 38.2;

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number;
}

function medianMicros(cases: readonly Facts[], fn: (facts: Facts) => unknown): { median: number; p99: number } {
  for (let i = 0; i < 5_000; i++) fn(cases[i % cases.length] as Facts); // warm-up for the JIT
  const micros = new Float64Array(cases.length);
  let sink = 0;
  for (let i = 0; i < cases.length; i++) {
    const start = process.hrtime.bigint();
    if (fn(cases[i] as Facts)) sink++;
    micros[i] = Number(process.hrtime.bigint() - start) / 1000;
  }
  if (sink < 0) throw new Error('unreachable: keeps the results alive');
  micros.sort();
  return { median: percentile(micros, 0.5), p99: percentile(micros, 0.99) };
}

/**
 * Time per decision over generated cases (half partly answered, half fully), each timed alone,
 * beside the time to parse the same facts at the edge, measured in the same run.
 */
export async function run(): Promise<BenchResult[]> {
  const cases: Facts[] = [
    ...fc.sample(arbitraryFacts, { numRuns: CASES / 2, seed: 1 }),
    ...fc.sample(arbitraryAnsweredFacts, { numRuns: CASES / 2, seed: 2 }),
  ];
  const decided = medianMicros(cases, (facts) => decide(facts));
  const parsed = medianMicros(cases, (facts) => parseFacts(facts).ok);
  const { median, p99 } = decided;
  return [
    { name: `decide (standard file): median per case (${CASES} cases)`, value: median, unit: 'µs', target: TARGET_MICROSECONDS, ratio: median / TARGET_MICROSECONDS },
    { name: 'decide (TypeScript measures, recorded at 0fb4d84): median per case', value: TYPESCRIPT_MEASURES_MEDIAN_MICROSECONDS, unit: 'µs' },
    { name: 'decide standard file / TypeScript measures (median)', value: median / TYPESCRIPT_MEASURES_MEDIAN_MICROSECONDS, unit: '×' },
    { name: `decide: p99 per case (${CASES} cases)`, value: p99, unit: 'µs' },
    { name: 'parseFacts: median per case (same cases)', value: parsed.median, unit: 'µs' },
    { name: 'decide / parseFacts (median, same run)', value: median / parsed.median, unit: '×' },
  ];
}
