import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchModule, BenchResult } from './bench-result.js';

/**
 * Runs every test/bench/*.bench.ts (found on disk, so a new benchmark needs no edit here),
 * prints one table and writes the figures to test/.artifacts/bench.json for comparison.
 */
const here = import.meta.dirname;
// `npm run bench -- turns reminders` runs only the files whose names contain one of the words.
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((word) => f.includes(word)))
  .sort();

const results: (BenchResult & { file: string })[] = [];
for (const file of files) {
  const mod = (await import(pathToFileURL(join(here, file)).href)) as BenchModule;
  const mine = await mod.run();
  // Printed as each file finishes, so a long run shows its figures even if a later file fails.
  for (const r of mine) console.log(`${file}: ${r.name} = ${r.value.toFixed(3)} ${r.unit}${r.ratio === undefined ? '' : ` (ratio ${r.ratio.toFixed(3)})`}`);
  for (const result of mine) results.push({ file, ...result });
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
