import { cp, readdir } from 'node:fs/promises';
import { extname, join, relative, resolve } from 'node:path';

/**
 * Copies what the compiled code reads from disk at run time (migrations, prompt templates, the
 * tab's static files, JSON data) next to the emitted JavaScript, keeping the source layout, so
 * `new URL('./x', import.meta.url)` finds the same file in dist/ as in the source tree.
 * Everything that is not TypeScript is copied, so a new asset needs no change here; tests,
 * fixtures and READMEs are left out.
 */

const ROOT = resolve(import.meta.dirname, '..');
const SOURCE_DIRS = ['bot', 'cards', 'rules', 'prompts'];
const SKIP_DIRS = new Set(['node_modules', 'test', '__fixtures__', '__snapshots__']);
const SKIP_FILE = (name: string): boolean =>
  extname(name) === '.ts' || name === 'README.md' || /\.(test|bench)\.[cm]?[jt]s$/.test(name) || name.startsWith('.');

async function* assets(dir: string): AsyncGenerator<string> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) yield* assets(path);
    } else if (entry.isFile() && !SKIP_FILE(entry.name)) yield path;
  }
}

export async function copyAssets(outDir: string): Promise<string[]> {
  const copied: string[] = [];
  for (const dir of SOURCE_DIRS) {
    for await (const file of assets(join(ROOT, dir))) {
      const rel = relative(ROOT, file);
      await cp(file, join(outDir, rel), { force: true });
      copied.push(rel);
    }
  }
  return copied;
}

function outDirFromArgs(argv: readonly string[]): string {
  const i = argv.indexOf('--out');
  const value = i >= 0 ? argv[i + 1] : undefined;
  if (i >= 0 && !value) throw new Error('--out needs a directory');
  return resolve(ROOT, value ?? 'dist');
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const outDir = outDirFromArgs(process.argv.slice(2));
  const copied = await copyAssets(outDir);
  process.stdout.write(`Copied ${copied.length} asset files to ${relative(process.cwd(), outDir) || '.'}\n`);
}
