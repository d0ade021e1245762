import { z } from 'zod';
import { StandardSchema } from './schema.js';

/**
 * The zod schema as JSON Schema (draft 2020-12), for editors. Checks that need more than one
 * field at a time (the last branch has no condition, a choice has options) are the zod schema's
 * and the checker's; the editor still sees every field, its type and its description.
 */
export function standardJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(StandardSchema, { unrepresentable: 'any', io: 'input', cycles: 'ref', reused: 'ref' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://familiestotte.dk/schemas/servicestandard.schema.json',
    title: 'Servicestandard (Familiestøtte)',
    description: 'En kommunes servicestandard som fil: spørgsmål, indsatser med kriterier, hit policy. Tjek filen med npm run check-standard -- FIL.',
  };
}
