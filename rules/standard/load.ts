import seed from '../standards/familiestotte-seed.json' with { type: 'json' };
import { describeIssues, type ParseResult } from '../facts.js';
import { StandardSchema, type Standard } from './schema.js';

/** Reads a standard file (already JSON-parsed); problems are Danish and name the place in the file. */
export function parseStandard(input: unknown): ParseResult<Standard> {
  const parsed = StandardSchema.safeParse(input, { reportInput: true });
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, problems: describeIssues(parsed.error.issues) };
}

/**
 * The seeds' standard (the servicestandard's three levels with the model's preventive course),
 * parsed through the same schema a municipality's file passes, so a broken file fails at start-up
 * rather than inside a decision.
 */
export const DEFAULT_STANDARD: Standard = StandardSchema.parse(seed);
