import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, whichever folder it was cloned into. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The source standards the passages quote, kept in the repository so a clone anywhere can check them. */
export const seedsDir = path.resolve(repoRoot, 'rules', 'passages', 'sources');

export function readSeed(file: string): string {
  return readFileSync(path.join(seedsDir, file), 'utf8');
}
