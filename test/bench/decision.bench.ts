import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { decide } from '../../rules/decide.js';
import { parseFacts, type Facts } from '../../rules/facts.js';
import { arbitraryAnsweredFacts, arbitraryFacts } from '../support/arbitrary-facts.js';
import type { BenchResult } from './bench-result.js';

const CASES = 100_000;
const TARGET_MICROSECONDS = 50;

/**
 * The last commit with the TypeScript measure functions (rules/measures/, rules/schedule.ts), run
 * beside the standard file in the same process as the yardstick: the file-based evaluator must
 * take no longer than they did on the same cases, on whatever machine the bench runs.
 */
const TYPESCRIPT_MEASURES_COMMIT = '0fb4d84706895bd60532aeec8894925fa539abe3';

/** Their median when they were last measured beside the file-based one elsewhere; shown only when git cannot give the code. */
const TYPESCRIPT_MEASURES_RECORDED_MICROSECONDS = 38.2;

type Decider = (facts: Facts) => unknown;

/**
 * That commit's rules/ (without its tests), exported once from git into test/.artifacts/ and
 * imported from there, so it resolves its own modules and this checkout's node_modules. A reason
 * instead when git has no such commit (a shallow clone, an exported tree).
 */
async function typescriptMeasures(): Promise<Decider | string> {
  const root = join(import.meta.dirname, '..', '..');
  const dir = join(root, 'test', '.artifacts', `typescript-measures-${TYPESCRIPT_MEASURES_COMMIT.slice(0, 7)}`);
  const entry = join(dir, 'rules', 'decide.ts');
  if (!existsSync(entry)) {
    try {
      const archive = execFileSync('git', ['archive', TYPESCRIPT_MEASURES_COMMIT, 'rules', ':(exclude)*.test.ts'], { cwd: root, maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'pipe'] });
      mkdirSync(dir, { recursive: true });
      execFileSync('tar', ['-x', '-C', dir], { input: archive });
    } catch (error) {
      rmSync(dir, { recursive: true, force: true });
      return `git archive ${TYPESCRIPT_MEASURES_COMMIT.slice(0, 7)}: ${(error as Error).message.split('\n')[0]}`;
    }
  }
  const mod = (await import(pathToFileURL(entry).href)) as { decide: Decider };
  return (facts) => mod.decide(facts);
}

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number;
}

/**
 * Each function timed alone on every case, the functions taking turns case by case (and in turned
 * order on every other case), so a change in the machine's load falls on all of them alike.
 */
function medians(cases: readonly Facts[], fns: readonly Decider[]): { median: number; p99: number }[] {
  for (const fn of fns) for (let i = 0; i < 5_000; i++) fn(cases[i % cases.length] as Facts); // warm-up for the JIT
  const micros = fns.map(() => new Float64Array(cases.length));
  let sink = 0;
  for (let i = 0; i < cases.length; i++) {
    const facts = cases[i] as Facts;
    for (let k = 0; k < fns.length; k++) {
      const j = i % 2 === 0 ? k : fns.length - 1 - k;
      const start = process.hrtime.bigint();
      if ((fns[j] as Decider)(facts)) sink++;
      (micros[j] as Float64Array)[i] = Number(process.hrtime.bigint() - start) / 1000;
    }
  }
  if (sink < 0) throw new Error('unreachable: keeps the results alive');
  return micros.map((m) => {
    m.sort();
    return { median: percentile(m, 0.5), p99: percentile(m, 0.99) };
  });
}

/**
 * Time per decision over generated cases (half partly answered, half fully), each timed alone,
 * beside the TypeScript measures the standard file replaced and the time to parse the same facts
 * at the edge, all measured in the same run.
 */
export async function run(): Promise<BenchResult[]> {
  const cases: Facts[] = [
    ...fc.sample(arbitraryFacts, { numRuns: CASES / 2, seed: 1 }),
    ...fc.sample(arbitraryAnsweredFacts, { numRuns: CASES / 2, seed: 2 }),
  ];
  const measures = await typescriptMeasures();
  const fns: Decider[] = [(facts) => decide(facts), (facts) => parseFacts(facts).ok];
  if (typeof measures === 'function') fns.push(measures);
  const [decided, parsed, old] = medians(cases, fns) as [{ median: number; p99: number }, { median: number; p99: number }, { median: number; p99: number } | undefined];
  const { median, p99 } = decided;
  const short = TYPESCRIPT_MEASURES_COMMIT.slice(0, 7);
  const comparison: BenchResult[] = old
    ? [
        { name: `decide (TypeScript measures of ${short}, same run): median per case`, value: old.median, unit: 'µs' },
        { name: 'decide standard file / TypeScript measures (median, same run)', value: median / old.median, unit: '×', target: 1, ratio: median / old.median },
      ]
    : [{ name: `decide (TypeScript measures, recorded on another machine; not run here: ${measures as string})`, value: TYPESCRIPT_MEASURES_RECORDED_MICROSECONDS, unit: 'µs' }];
  return [
    { name: `decide (standard file): median per case (${CASES} cases)`, value: median, unit: 'µs', target: TARGET_MICROSECONDS, ratio: median / TARGET_MICROSECONDS },
    ...comparison,
    { name: `decide: p99 per case (${CASES} cases)`, value: p99, unit: 'µs' },
    { name: 'parseFacts: median per case (same cases)', value: parsed.median, unit: 'µs' },
    { name: 'decide / parseFacts (median, same run)', value: median / parsed.median, unit: '×' },
  ];
}
