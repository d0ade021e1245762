import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Where browser tests save their screenshots. A normal test run must not change tracked files
 * (CI and a newcomer's clone stay clean), so screenshots go to test/.artifacts/ to be looked at;
 * `UPDATE_SCREENSHOTS=1 npm test` refreshes the ones the README shows in docs/screenshots/.
 */
export function screenshotDir(): string {
  const dir = process.env.UPDATE_SCREENSHOTS === '1'
    ? fileURLToPath(new URL('../../docs/screenshots/', import.meta.url))
    : fileURLToPath(new URL('../.artifacts/screenshots/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  return dir;
}
