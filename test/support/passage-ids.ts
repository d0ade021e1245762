import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The fixed passage ids, copied from the project's list until rules/passages is on this
 * branch; then the tests ask isPassageId instead.
 */
export const KNOWN_PASSAGE_IDS: ReadonlySet<string> = new Set(
  readFileSync(join(import.meta.dirname, '..', 'fixtures', 'passage-ids.txt'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean),
);

export function isKnownPassageId(id: string): boolean {
  return KNOWN_PASSAGE_IDS.has(id);
}
