import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { REVIEW_KINDS, OUTCOMES } from '../../rules/decision-types.js';

/**
 * Golden cases: one JSON file per case in test/golden/, each naming the passage it proves.
 * A case may name a parameter set in test/fixtures/parameters/ when it proves a figure that
 * only a municipality's choice brings out (e.g. plain level 1 without 1A).
 */
export const GoldenCaseSchema = z
  .object({
    name: z.string().min(1),
    proves: z.string().min(1),
    /** Why the expected outcome is what it is where that changed, with the seed's words that argue it. */
    note: z.string().min(1).optional(),
    parameterSet: z.string().min(1).optional(),
    facts: z.unknown(),
    expected: z
      .object({
        outcome: z.enum(OUTCOMES),
        variant: z.enum(['1A', '1B']).nullable().optional(),
        reviews: z.array(z.object({ kind: z.enum(REVIEW_KINDS), due: z.string(), passage: z.string().optional() }).strict()).optional(),
        scope: z.record(z.string(), z.unknown()).optional(),
        missing: z.array(z.string()).optional(),
        warningPassages: z.array(z.string()).optional(),
        /** The first reason (the headline's "because") must contain this text and cite this passage. */
        firstReason: z.object({ contains: z.string().min(1), passage: z.string().min(1) }).strict().optional(),
        /** Fragments that must NOT occur in any reason or warning (e.g. an escalation's 24-hour wording). */
        notInText: z.array(z.string().min(1)).optional(),
      })
      .strict(),
  })
  .strict();

export type GoldenCase = z.infer<typeof GoldenCaseSchema> & { file: string };

export const GOLDEN_DIR = join(import.meta.dirname, '..', 'golden');

export function loadGoldenCases(dir = GOLDEN_DIR): GoldenCase[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({ ...GoldenCaseSchema.parse(JSON.parse(readFileSync(join(dir, file), 'utf8'))), file }));
}
