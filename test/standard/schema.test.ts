import { readFileSync } from 'node:fs';
import { join } from 'node:path';
// ajv comes with the Teams manifest tooling (a dev dependency); the product itself checks with zod.
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { standardJsonSchema } from '../../rules/standard/json-schema.js';
import { parseStandard } from '../../rules/standard/load.js';

const root = join(import.meta.dirname, '..', '..');
const read = (path: string): unknown => JSON.parse(readFileSync(join(root, path), 'utf8'));
const SEED = 'rules/standards/familiestotte-seed.json';

describe('the standard file format', () => {
  it('ships a JSON Schema for editors that is the zod schema of today (run scripts/standard-json-schema.ts)', () => {
    expect(read('rules/standard/standard.schema.json')).toEqual(standardJsonSchema());
  });

  it('the seed standard passes both the JSON Schema and the zod schema', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    const validate = ajv.compile(read('rules/standard/standard.schema.json') as object);
    expect(validate(read(SEED)), JSON.stringify(validate.errors)).toBe(true);
    expect(parseStandard(read(SEED)).ok).toBe(true);
  });

  it('names the place of a mistake in the file, in Danish', () => {
    const broken = structuredClone(read(SEED)) as { measures: { criteria: { branches: { if?: unknown }[] }[]; combine: string }[]; surplus?: number };
    const branches = broken.measures[2]?.criteria[0]?.branches ?? [];
    (branches[branches.length - 1] as { if?: unknown }).if = { q: 'concern', is: 'none' };
    (broken.measures[1] as { combine: string }).combine = 'some';
    broken.surplus = 1;
    const result = parseStandard(broken);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual(
      expect.arrayContaining([
        // The Danish is the message; an English beside it is the reader's other language.
        expect.objectContaining({ field: 'surplus', message: 'er ikke et kendt felt; fjern det eller ret stavningen' }),
        expect.objectContaining({ field: 'measures.1.combine', message: 'skal være en af: "all", "any"' }),
        expect.objectContaining({ field: `measures.2.criteria.0.branches.${branches.length - 1}.if`, message: expect.stringContaining('den sidste gren må ikke have en betingelse') }),
      ]),
    );
  });
});
