import { z } from 'zod';
import { describeIssues, type FieldProblem } from '../../rules/facts.js';
import { containsCprLike } from '../privacy/cpr.js';
import { containsFullNameLike } from '../privacy/full-name.js';
import { englishOf, said } from '../said.js';

/**
 * Free text a caseworker writes into a plan or a review. It is stored in the case, so it must hold
 * neither a CPR number nor a full name; the message says what to write instead.
 */
export const CPR_MESSAGE = said(
  'ligner et CPR-nummer, som ikke må gemmes; fjern nummeret (sagen kendes på sagsnummeret)',
  'looks like a CPR number, which must not be stored; remove the number (the case is known by its case number)',
);
export const NAME_MESSAGE = said(
  'ser ud til at indeholde et fuldt navn, som ikke må gemmes; skriv initialer eller en rolle (fx »mor«, »far«, »sundhedsplejersken«)',
  'seems to contain a full name, which must not be stored; write initials or a role (e.g. »mother«, »father«, »the health visitor«)',
);
const NOT_TEXT = said('skal være tekst', 'must be text');

export function caseText(max: number, emptyMessage: string) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? emptyMessage : NOT_TEXT) })
    .trim()
    .min(1, emptyMessage)
    .max(max, said(`er for lang: højst ${max} tegn; forkort teksten`, `is too long: at most ${max} characters; shorten the text`))
    .refine((s) => !containsCprLike(s), CPR_MESSAGE)
    .refine((s) => !containsFullNameLike(s), NAME_MESSAGE);
}

/** Optional text: blank counts as not given. */
export function optionalCaseText(max: number) {
  return z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), caseText(max, said('mangler', 'is missing')).optional());
}

/**
 * Field problems, keeping the messages written in the plan schemas (each with its English, written
 * with `said`): the shared facts describer words invalid values generically ("skal være en af: …"),
 * which shows ids, not words.
 */
export function describeCaseIssues(issues: readonly z.core.$ZodIssue[]): FieldProblem[] {
  return issues.flatMap((issue): FieldProblem[] => {
    const own = (issue.code === 'invalid_value' || issue.code === 'invalid_type') && !/^Invalid/.test(issue.message);
    const field = issue.path.map(String).join('.') || '(rod)';
    const en = englishOf(issue.message);
    if (own) return [{ field, message: issue.message, ...(en ? { en } : {}) }];
    return describeIssues([issue]).map((p) => (en && p.message === issue.message ? { ...p, en } : p));
  });
}
