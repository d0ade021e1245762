import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { standardJsonSchema } from '../rules/standard/json-schema.js';

/** Writes the JSON Schema an editor uses to check a standard file while it is written (`$schema` in the file). */
const out = join(import.meta.dirname, '..', 'rules', 'standard', 'standard.schema.json');
writeFileSync(out, `${JSON.stringify(standardJsonSchema(), null, 2)}\n`);
console.log(`Skrevet: ${out}`);
