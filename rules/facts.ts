import { z } from 'zod';

/**
 * The facts of one case, as the intake interview (or an operator's JSON file) gives them.
 * An absent fact is UNKNOWN, never false: the decision asks for it when it matters.
 * This schema is the edge: everything inside rules/ works on the parsed, typed value.
 */

export const RISK_FACTOR_GROUPS = {
  expecting: 5,
  parent: 11,
  child: 8,
} as const;

export type RiskFactorGroup = keyof typeof RISK_FACTOR_GROUPS;

/** "expecting-1".."expecting-5", "parent-1".."parent-11", "child-1".."child-8" in the order the model prints them. */
export const RISK_FACTOR_IDS: readonly string[] = (Object.entries(RISK_FACTOR_GROUPS) as [RiskFactorGroup, number][])
  .flatMap(([group, count]) => Array.from({ length: count }, (_, i) => `${group}-${i + 1}`));

const RISK_FACTOR_SET = new Set(RISK_FACTOR_IDS);

/** A calendar date that exists: "2025-02-30" is rejected, not rolled over. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'skal være en dato på formen ÅÅÅÅ-MM-DD')
  .refine((s) => {
    const [y, m, d] = s.split('-').map(Number) as [number, number, number];
    const t = new Date(Date.UTC(y, m - 1, d));
    return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
  }, 'datoen findes ikke i kalenderen');

export const CONCERN_LEVELS = ['none', 'risk', 'beginning', 'concern', 'pronounced'] as const;
export type ConcernLevel = (typeof CONCERN_LEVELS)[number];

export const INVESTIGATION_STATES = ['none', 'underway', 'completed'] as const;

export const ChildSchema = z
  .object({
    /** Whole months of age; null when the child is not yet born. */
    ageMonths: z.number().int('skal være et helt antal måneder').min(0, 'kan ikke være negativ').max(12 * 30, 'er urimeligt stor').nullable().optional(),
    latePregnancy: z.boolean().optional(),
  })
  .strict();

export const FactsSchema = z
  .object({
    referenceDate: IsoDate,
    startDate: IsoDate.optional(),
    child: ChildSchema.optional(),
    concern: z.enum(CONCERN_LEVELS).optional(),
    safetyConcern: z.boolean().optional(),
    complexity: z.enum(['low', 'high']).optional(),
    problemDelimited: z.boolean().optional(),
    familyResourcesCarry: z.boolean().optional(),
    riskFactors: z
      .array(z.string().refine((id) => RISK_FACTOR_SET.has(id), { message: 'er ikke en kendt risikofaktor' }))
      .max(RISK_FACTOR_IDS.length)
      .refine((ids) => new Set(ids).size === ids.length, 'nævner den samme risikofaktor flere gange')
      .optional(),
    riskToDevelopment: z.boolean().optional(),
    investigation: z.enum(INVESTIGATION_STATES).optional(),
    preliminaryPlan: z.boolean().optional(),
    parentsNeedSupport: z.boolean().optional(),
    benefitsFromFamilyTreatment: z.boolean().optional(),
    solvableInLimitedPeriod: z.boolean().optional(),
    intensiveNeeded: z.boolean().optional(),
    parentalCapacityUnclear: z.boolean().optional(),
    emotionalCareAdequate: z.boolean().optional(),
    practicalCareSeriousDeficits: z.boolean().optional(),
    parentsSeeNeed: z.boolean().optional(),
    extraVisitsNeeded: z.boolean().optional(),
    receivesVisitationSocial: z.boolean().optional(),
    /** Why level 2 is chosen for a child of 13 or older (outside the standard's starting point). */
    olderChildReason: z.string().trim().min(1).max(2000).optional(),
  })
  .strict();

/**
 * How far a start date may lie from the reference date. A case assessed today may have started
 * some time ago (a re-assessment) or start soon; 1900 or 2999 is a typing error, and due dates
 * counted from it would be nonsense. Not a legal figure: a plausibility bound on input.
 */
export const START_WINDOW = { yearsBefore: 3, yearsAfter: 1 } as const;
const REFERENCE_YEARS = { from: 2000, to: 2099 } as const;

function shiftYears(iso: string, years: number): string {
  const [y, rest] = [Number(iso.slice(0, 4)), iso.slice(4)];
  // 29 February shifted to a non-leap year compares correctly as "-02-29" > "-02-28"; a bound, not a due date.
  return `${String(y + years).padStart(4, '0')}${rest}`;
}

/**
 * Answers that cannot all be true at once, or dates no case has. `parseFacts` refuses them at the
 * edge; the decision also warns about them (the interview builds facts step by step, and a stored
 * case keeps the schema it was saved with, so FactsSchema itself stays a plain object).
 */
export function factContradictions(facts: Facts): FieldProblem[] {
  const problems: { path: (string | number)[]; message: string; en: string }[] = [];
  const year = Number(facts.referenceDate.slice(0, 4));
  if (year < REFERENCE_YEARS.from || year > REFERENCE_YEARS.to) {
    problems.push({
      path: ['referenceDate'],
      message: `skal ligge mellem år ${REFERENCE_YEARS.from} og ${REFERENCE_YEARS.to}`,
      en: `must lie between the years ${REFERENCE_YEARS.from} and ${REFERENCE_YEARS.to}`,
    });
  } else if (facts.startDate !== undefined) {
    const earliest = shiftYears(facts.referenceDate, -START_WINDOW.yearsBefore);
    const latest = shiftYears(facts.referenceDate, START_WINDOW.yearsAfter);
    if (facts.startDate < earliest || facts.startDate > latest) {
      problems.push({
        path: ['startDate'],
        message: `skal ligge mellem ${earliest} og ${latest} (højst ${START_WINDOW.yearsBefore} år før og ${START_WINDOW.yearsAfter} år efter referencedatoen); ret datoen`,
        en: `must lie between ${earliest} and ${latest} (at most ${START_WINDOW.yearsBefore} years before and ${START_WINDOW.yearsAfter} years after the reference date); correct the date`,
      });
    }
  }
  if (facts.child?.latePregnancy === true && typeof facts.child.ageMonths === 'number') {
    problems.push({
      path: ['child', 'latePregnancy'],
      message: 'kan ikke gælde et barn, der er født (barnets alder er oplyst); ret enten alderen, eller svar, at barnet ikke er født endnu',
      en: 'cannot hold for a child who is born (the child\'s age is given); correct the age, or answer that the child is not born yet',
    });
  }
  return problems.map((p) => ({ field: p.path.join('.'), message: p.message, en: p.en }));
}

export type Facts = z.infer<typeof FactsSchema>;

/** The boolean facts the interview asks; the bot and the tests share this list. */
export type BooleanFact = {
  [K in keyof Facts]-?: NonNullable<Facts[K]> extends boolean ? K : never;
}[keyof Facts];

export interface FieldProblem {
  /** Dotted path of the offending field, e.g. "child.ageMonths" or "riskFactors.2". */
  field: string;
  /** Danish: what is wrong and what is allowed. */
  message: string;
  /** The same in English, where the edge that found the problem has it (the reader falls back to the Danish). */
  en?: string;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; problems: FieldProblem[] };

export function parseFacts(input: unknown): ParseResult<Facts> {
  // reportInput lets the message tell "missing" from "wrong type"; the input itself is never echoed.
  const result = FactsSchema.safeParse(input, { reportInput: true });
  if (result.success) {
    const contradictions = factContradictions(result.data);
    return contradictions.length > 0 ? { ok: false, problems: contradictions } : { ok: true, value: result.data };
  }
  return { ok: false, problems: describeIssues(result.error.issues) };
}

/** Turns zod issues into field messages a person can act on: Danish, with the English beside it. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): FieldProblem[] {
  return issues.flatMap((issue) => {
    const base = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        field: base ? `${base}.${key}` : key,
        message: 'er ikke et kendt felt; fjern det eller ret stavningen',
        en: 'is not a known field; remove it or correct the spelling',
      }));
    }
    const problem: FieldProblem = { field: base || '(rod)', message: message(issue, 'da') };
    const en = message(issue, 'en');
    // The same text in both means nobody translated it: leave the English out, the reader falls back.
    return [en === problem.message ? problem : { ...problem, en }];
  });
}

/** The English of the messages this file's schemas carry (zod holds one string per issue). */
const OWN_MESSAGES_EN: Record<string, string> = {
  'skal være en dato på formen ÅÅÅÅ-MM-DD': 'must be a date in the form YYYY-MM-DD',
  'datoen findes ikke i kalenderen': 'the date does not exist in the calendar',
  'skal være et helt antal måneder': 'must be a whole number of months',
  'kan ikke være negativ': 'cannot be negative',
  'er urimeligt stor': 'is unreasonably large',
  'er ikke en kendt risikofaktor': 'is not a known risk factor',
  'nævner den samme risikofaktor flere gange': 'names the same risk factor more than once',
};

function message(issue: z.core.$ZodIssue, language: 'da' | 'en'): string {
  const da = language === 'da';
  const own = (m: string): string => (da ? m : (OWN_MESSAGES_EN[m] ?? m));
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return da ? 'mangler' : 'is missing';
      return da ? `har forkert type: forventede ${TYPE_NAMES[issue.expected]?.da ?? issue.expected}` : `has the wrong type: expected ${TYPE_NAMES[issue.expected]?.en ?? issue.expected}`;
    case 'invalid_value':
      return `${da ? 'skal være en af' : 'must be one of'}: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'too_small':
      return issue.message && !issue.message.startsWith('Too small') ? own(issue.message) : da ? `er for lille (mindst ${String(issue.minimum)})` : `is too small (at least ${String(issue.minimum)})`;
    case 'too_big':
      return issue.message && !issue.message.startsWith('Too big') ? own(issue.message) : da ? `er for stor (højst ${String(issue.maximum)})` : `is too large (at most ${String(issue.maximum)})`;
    default:
      return own(issue.message);
  }
}

const TYPE_NAMES: Record<string, { da: string; en: string }> = {
  string: { da: 'tekst', en: 'text' },
  number: { da: 'tal', en: 'a number' },
  int: { da: 'helt tal', en: 'a whole number' },
  boolean: { da: 'true eller false', en: 'true or false' },
  array: { da: 'liste', en: 'a list' },
  object: { da: 'objekt', en: 'an object' },
  null: { da: 'null', en: 'null' },
};
