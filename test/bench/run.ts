import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchModule, BenchResult } from './bench-result.js';

/**
 * Runs every test/bench/*.bench.ts (found on disk, so a new benchmark needs no edit here),
 * prints one table and writes the figures to test/.artifacts/bench.json for comparison.
 */
const here = import.meta.dirname;
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort();

const results: (BenchResult & { file: string })[] = [];
for (const file of files) {
  const mod = (await import(pathToFileURL(join(here, file)).href)) as BenchModule;
  for (const result of await mod.run()) results.push({ file, ...result });
}

const rows = results.map((r) => ({
  benchmark: r.name,
  value: `${r.value.toFixed(2)} ${r.unit}`,
  target: r.target === undefined ? '' : `${r.target} ${r.unit}`,
  ratio: r.ratio === undefined ? '' : r.ratio.toFixed(3),
}));
console.table(rows);

const out = join(here, '..', '.artifacts');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'bench.json'), `${JSON.stringify({ node: process.version, results }, null, 2)}\n`);
console.log(`Skrevet: ${join(out, 'bench.json')}`);

const missed = results.filter((r) => r.ratio !== undefined && r.ratio > 1);
if (missed.length > 0) {
  console.error(`Over målet: ${missed.map((r) => r.name).join(', ')}`);
  process.exitCode = 1;
}
