import { z } from 'zod';
import { describeIssues, type FieldProblem } from '../../rules/facts.js';
import { containsCprLike } from '../privacy/cpr.js';
import { containsFullNameLike } from '../privacy/full-name.js';

/**
 * Free text a caseworker writes into a plan or a review. It is stored in the case, so it must hold
 * neither a CPR number nor a full name; the message says what to write instead.
 */
export const CPR_MESSAGE = 'ligner et CPR-nummer, som ikke må gemmes; fjern nummeret (sagen kendes på sagsnummeret)';
export const NAME_MESSAGE =
  'ser ud til at indeholde et fuldt navn, som ikke må gemmes; skriv initialer eller en rolle (fx »mor«, »far«, »sundhedsplejersken«)';

export function caseText(max: number, emptyMessage: string) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? emptyMessage : 'skal være tekst') })
    .trim()
    .min(1, emptyMessage)
    .max(max, `er for lang: højst ${max} tegn; forkort teksten`)
    .refine((s) => !containsCprLike(s), CPR_MESSAGE)
    .refine((s) => !containsFullNameLike(s), NAME_MESSAGE);
}

/** Optional text: blank counts as not given. */
export function optionalCaseText(max: number) {
  return z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), caseText(max, 'mangler').optional());
}

/**
 * Danish field problems, keeping the messages written in the plan schemas: the shared facts
 * describer words invalid values generically ("skal være en af: …"), which shows ids, not words.
 */
export function describeCaseIssues(issues: readonly z.core.$ZodIssue[]): FieldProblem[] {
  return issues.flatMap((issue) => {
    const own = (issue.code === 'invalid_value' || issue.code === 'invalid_type') && !/^Invalid/.test(issue.message);
    if (own) return [{ field: issue.path.map(String).join('.') || '(rod)', message: issue.message }];
    return describeIssues([issue]);
  });
}
