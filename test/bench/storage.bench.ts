import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStorage } from '../../bot/storage/storage.js';
import { sampleCase, scopeFor } from '../support/case-fixtures.js';

/** Same shape as the runner's BenchResult; kept structural so this file stands alone. */
interface BenchResult {
  name: string;
  value: number;
  unit: string;
  target?: number;
  ratio?: number;
}

const CASES = 200;
const READS = 300;

async function medianMs(times: number, fn: (i: number) => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 20; i++) await fn(i); // warm-up
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = process.hrtime.bigint();
    await fn(i);
    ms.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  ms.sort((a, b) => a - b);
  return ms[Math.floor(ms.length / 2)] as number;
}

/**
 * No target yet: absolute times on a shared two-core machine say little, so the figure to watch
 * is the ratio of an audited read to a bare select measured in the same run.
 * The embedded database a newcomer runs on: an audited case read (case, current decision and
 * audit row in one transaction) beside a bare primary-key select in the same run, and a team list.
 */
export async function run(): Promise<BenchResult[]> {
  const dir = await mkdtemp(join(tmpdir(), 'familiestotte-bench-'));
  const storage = await openStorage({ dataDir: dir });
  try {
    const scope = scopeFor('tenant-bench');
    const created = [];
    for (let i = 0; i < CASES; i++) created.push(await storage.cases.create(scope, sampleCase({ reference: `BENCH-${i}`, teamId: 'team-bench' })));
    const refs = created.map((c) => c.reference);
    const audited = await medianMs(READS, (i) => storage.cases.findByReference(scope, refs[i % refs.length] as string));
    const bare = await medianMs(READS, (i) =>
      storage.db.query('SELECT * FROM cases WHERE tenant_id = $1 AND reference = $2', [scope.tenantId, refs[i % refs.length]]),
    );
    const list = await medianMs(20, () => storage.cases.listForTeam(scope, 'team-bench'));
    return [
      { name: 'storage (PGlite): audited case read, median', value: audited, unit: 'ms' },
      { name: 'storage (PGlite): bare select of the same row, median', value: bare, unit: 'ms' },
      { name: 'storage: audited read / bare select (same run)', value: audited / bare, unit: '×' },
      { name: `storage (PGlite): team list of ${CASES} cases with ${CASES} audit rows, median`, value: list, unit: 'ms' },
    ];
  } finally {
    await storage.db.close();
    await rm(dir, { recursive: true, force: true });
  }
}
