import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, whichever folder it was cloned into. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The seed standards live beside the repository (CI clones it next to `shared/`), not inside it. */
export const seedsDir = path.resolve(repoRoot, '..', 'shared', 'seeds');

export function readSeed(file: string): string {
  return readFileSync(path.join(seedsDir, file), 'utf8');
}
