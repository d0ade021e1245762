import { z } from 'zod';
import { IsoDate } from '../facts.js';
import { PASSAGE_SOURCES } from '../passages/passage.js';

/**
 * A municipality's standard as a file: who approved it and from when, the passages it rests on,
 * the questions the interview asks, the measures with their criteria as data, and the hit policy.
 * Figures are not in the file: criteria name them by parameter id, and the municipality's
 * parameter set gives their dated values, as before. One evaluator (evaluate.ts) runs any file
 * that passes this schema; `npm run check-standard` proves more than the schema can.
 */

const Id = z.string().regex(/^[a-z0-9][a-zA-Z0-9._-]*$/, 'skal være et id med små bogstaver, tal, punktum, bindestreg eller understreg');

/**
 * Every text a caseworker reads, Danish first and English for an English Teams: both are required,
 * so a standard cannot leave an English reader with half a card in Danish. Legal terms and the
 * standard's own terms (børnefaglig undersøgelse, Barnets lov § 20) stay Danish in the English.
 */
export const BilingualSchema = z.object({ da: z.string().min(1, 'må ikke være tom'), en: z.string().min(1, 'må ikke være tom') }).strict();
/** A reason, question or due-date text: the same two languages as a label. */
export const TextSchema = BilingualSchema;

export type Text = z.infer<typeof TextSchema>;
export type Language = keyof Text;

/** A figure from the municipality's parameter set, by id, or a plain number. */
export const FigureRefSchema = z.object({ figure: z.string().min(1) }).strict();
const Operand = z.union([z.number(), FigureRefSchema]);

const Value = z.union([z.string(), z.boolean()]);

/**
 * Conditions over the answers and the figures. Three-valued: a test of an unanswered question is
 * UNKNOWN (never false), and all / any / not combine as in Kleene's logic. Only `answered` and
 * `unanswered` are two-valued, for a criterion that must say what to ask first.
 */
export type Condition =
  | { answered: string }
  | { unanswered: string }
  | { q: string; is: string | boolean }
  | { q: string; in: (string | boolean)[] }
  | { q: string; isNull: boolean }
  | { q: string; lt: number | { figure: string } }
  | { q: string; lte: number | { figure: string } }
  | { q: string; gt: number | { figure: string } }
  | { q: string; gte: number | { figure: string } }
  | { q: string; anySelected: true; groups?: string[] }
  | { figure: string; gt: number }
  | { variant: string }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.object({ answered: z.string() }).strict(),
    z.object({ unanswered: z.string() }).strict(),
    z.object({ q: z.string(), is: Value }).strict(),
    z.object({ q: z.string(), in: z.array(Value).min(1) }).strict(),
    z.object({ q: z.string(), isNull: z.boolean() }).strict(),
    z.object({ q: z.string(), lt: Operand }).strict(),
    z.object({ q: z.string(), lte: Operand }).strict(),
    z.object({ q: z.string(), gt: Operand }).strict(),
    z.object({ q: z.string(), gte: Operand }).strict(),
    z.object({ q: z.string(), anySelected: z.literal(true), groups: z.array(z.string()).min(1).optional() }).strict(),
    z.object({ figure: z.string(), gt: z.number() }).strict(),
    z.object({ variant: z.string() }).strict(),
    z.object({ all: z.array(ConditionSchema).min(1) }).strict(),
    z.object({ any: z.array(ConditionSchema).min(1) }).strict(),
    z.object({ not: ConditionSchema }).strict(),
  ]),
);

const OptionSchema = z
  .object({
    value: z.string().min(1),
    label: BilingualSchema,
    /** How the answer reads inside a sentence of a reason ("udpræget bekymring"). */
    inText: TextSchema.optional(),
    /** For a multiple choice: the checklist the option belongs to. */
    group: z.string().min(1).optional(),
    /** The passage the option quotes (a checklist bullet). */
    passage: z.string().min(1).optional(),
  })
  .strict();

export const QuestionSchema = z
  .object({
    /** The fact's name in the facts contract ("child.ageMonths"). */
    id: z.string().min(1),
    type: z.enum(['boolean', 'choice', 'multi', 'months', 'text']),
    wording: BilingualSchema,
    /** What the open question is called in a sentence ("barnets alder"). */
    label: TextSchema,
    help: BilingualSchema.optional(),
    options: z.array(OptionSchema).min(1).optional(),
    groups: z.array(z.object({ id: z.string().min(1), label: BilingualSchema }).strict()).optional(),
    /** May the caseworker answer "ved ikke"? The answer is then unknown, and asked for again when it matters. */
    unknownAllowed: z.boolean(),
    /** Months only: null is an answer (the child is not yet born). */
    nullMeans: TextSchema.optional(),
    /** Asked only when this holds (an unknown condition asks it). */
    shownWhen: ConditionSchema.optional(),
  })
  .strict()
  .superRefine((q, ctx) => {
    const needsOptions = q.type === 'choice' || q.type === 'multi';
    if (needsOptions && !q.options) ctx.addIssue({ code: 'custom', path: ['options'], message: 'mangler: et valgspørgsmål skal have svarmuligheder' });
    if (!needsOptions && q.options) ctx.addIssue({ code: 'custom', path: ['options'], message: `kun valgspørgsmål har svarmuligheder, ikke typen ${q.type}` });
  });

export type Question = z.infer<typeof QuestionSchema>;

export const BranchSchema = z
  .object({
    /** Without `if`, the branch always holds: the last branch of a criterion must have none. */
    if: ConditionSchema.optional(),
    result: z.enum(['pass', 'fail', 'unknown']),
    /** Reason (pass), why-not (fail) or question (unknown); {answer:q}, {inText:q}, {figure:id}, {years:id}, {count:q} fill in. */
    text: TextSchema,
    /** Where this branch rests on another passage than the criterion's own. */
    passage: z.string().min(1).optional(),
    /** With result unknown: the questions to ask. */
    missing: z.array(z.string().min(1)).min(1).optional(),
    /** The question text when this branch's own condition cannot be settled yet (default: the criterion's ask). */
    ask: TextSchema.optional(),
  })
  .strict()
  .superRefine((b, ctx) => {
    if (b.result === 'unknown' && !b.missing) ctx.addIssue({ code: 'custom', path: ['missing'], message: 'mangler: et ukendt udfald skal nævne de spørgsmål, der skal stilles' });
    if (b.result !== 'unknown' && b.missing) ctx.addIssue({ code: 'custom', path: ['missing'], message: 'kun et ukendt udfald nævner spørgsmål at stille' });
  });

export type Branch = z.infer<typeof BranchSchema>;

export const CriterionSchema = z
  .object({
    /** Stable rule id; stored decisions and the trace name it ("level2.investigation"). */
    id: Id,
    passage: z.string().min(1),
    /** The question text while the criterion cannot be settled. */
    ask: TextSchema,
    /** Does the family fit the measure's target group (the level of concern)? */
    fit: z.boolean().optional(),
    /** About the case's process (undersøgelse, plan), not the family: failing only on these means "not yet". */
    process: z.boolean().optional(),
    /** Its why-not says what the standard points to instead; a "none" says it up front. */
    pointsElsewhere: z.boolean().optional(),
    /** Read in order; the first that holds decides. A branch whose condition is unknown makes the criterion unknown. */
    branches: z.array(BranchSchema).min(1),
  })
  .strict()
  .superRefine((c, ctx) => {
    const last = c.branches.length - 1;
    if (c.branches[last]?.if !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['branches', last, 'if'], message: 'den sidste gren må ikke have en betingelse: den gælder, når ingen af de andre gør' });
    }
    c.branches.forEach((b, i) => {
      if (i < last && b.if === undefined) ctx.addIssue({ code: 'custom', path: ['branches', i], message: 'kun den sidste gren må være uden betingelse' });
    });
  });

export type Criterion = z.infer<typeof CriterionSchema>;

const ScopeNumber = FigureRefSchema;
const ScopeRange = z.object({ min: ScopeNumber, max: ScopeNumber }).strict();
export const ScopeSpecSchema = z
  .object({
    visitsPerWeek: ScopeRange.optional(),
    hoursPerWeekMax: ScopeNumber.optional(),
    grantMonths: ScopeNumber.optional(),
    extraMonths: ScopeNumber.optional(),
    maxWeeks: ScopeNumber.optional(),
    initialPhase: z.object({ visitsPerWeek: ScopeRange, monthsMin: ScopeNumber, monthsMax: ScopeNumber }).strict().optional(),
  })
  .strict();

export type ScopeSpec = z.infer<typeof ScopeSpecSchema>;

export const REVIEW_KIND_IDS = ['grant-end', 'handover', 'step-down', 'regrant', 'follow-up', 'investigation-deadline', 'course-end'] as const;

export const ReviewSpecSchema = z
  .object({
    rule: Id,
    kind: z.enum(REVIEW_KIND_IDS),
    passage: z.string().min(1),
    /** Due this long after the start: the sum of the figures, a leading "-" subtracts ("-preventive.handoverWeeksBeforeEnd"). */
    after: z.union([z.object({ months: z.array(z.string().min(1)).min(1) }).strict(), z.object({ weeks: z.array(z.string().min(1)).min(1) }).strict()]),
    /** Set only when this holds (a variant, or an answer). */
    when: ConditionSchema.optional(),
    /** Figures the trace records beside the due date (default: those in `after`). */
    records: z.array(z.string().min(1)).optional(),
    /** {figure:id}, {years:id}, {dateAfterMonths:id} fill in. */
    text: TextSchema,
  })
  .strict();

export type ReviewSpec = z.infer<typeof ReviewSpecSchema>;

export const MeasureSchema = z
  .object({
    /** The outcome id a decision carries ("level2"). */
    id: Id,
    name: BilingualSchema,
    /** The name inside a sentence where it is not just the name in lower case ("underretningen går forud"). */
    nameInSentence: TextSchema.optional(),
    /** The passage that names the measure's target group. */
    passage: z.string().min(1),
    /** all: every criterion must hold (a measure); any: one ground suffices (safety). */
    combine: z.enum(['all', 'any']),
    /** Special support under Barnets lov § 32: the law's own deadlines (the § 95 first follow-up) apply beside the standard's. */
    specialSupport: z.boolean().optional(),
    criteria: z.array(CriterionSchema).min(1),
    /** The first variant whose condition holds applies; none holding gives the plain measure. */
    variants: z.array(z.object({ id: z.string().min(1), when: ConditionSchema }).strict()).optional(),
    /** Who the measure is for, in the standard's words (for the guide and the tab). */
    scopeOfMeasure: TextSchema.optional(),
    /** The extent, per variant ("" = the plain measure), from the figures. */
    scope: z.record(z.string(), ScopeSpecSchema).optional(),
    /** Grant period and review cadence: the due dates the measure sets. */
    reviews: z.array(ReviewSpecSchema).optional(),
    /** With a pass: one reason per selected option of a question (a checklist), first list that holds. */
    selectedReasons: z
      .array(z.object({ if: ConditionSchema.optional(), question: z.string().min(1), groups: z.array(z.string()).optional(), text: TextSchema }).strict())
      .optional(),
  })
  .strict();

export type Measure = z.infer<typeof MeasureSchema>;

const RowCondition = z.union([
  z.object({ measure: z.string().min(1), is: z.enum(['pass', 'fail', 'unknown']) }).strict(),
  z.object({ anyMeasureIs: z.enum(['pass', 'fail', 'unknown']) }).strict(),
  z.object({ otherwise: z.literal(true) }).strict(),
]);

export const HitPolicyRowSchema = z
  .object({
    outcome: z.string().min(1),
    when: RowCondition,
    why: z.string().min(1),
    /** Measures this row deliberately goes before when both pass ("*" = all): without it, two passing measures are an error. */
    precedes: z.array(z.string().min(1)).optional(),
  })
  .strict();

export type HitPolicyRow = z.infer<typeof HitPolicyRowSchema>;

const PassageSchema = z.object({ id: z.string().min(1), heading: z.string().min(1), text: z.string().min(1) }).strict();

export const StandardSchema = z
  .object({
    $schema: z.string().optional(),
    id: Id,
    version: z.string().min(1),
    name: BilingualSchema,
    municipality: z.string().min(1),
    approvedBy: z.string().min(1),
    /** null for a draft not yet approved. */
    approvedOn: IsoDate.nullable(),
    effectiveFrom: IsoDate,
    /** Until (not including) this date; absent = until replaced. */
    effectiveUntil: IsoDate.optional(),
    passages: z
      .object({
        /** The product's verbatim sources by name (rules/passages/sources). */
        sources: z.array(z.enum(PASSAGE_SOURCES)),
        /** The standard's own passages, verbatim, with stable ids. */
        own: z.array(PassageSchema).optional(),
        /** The passage that describes the measures as a whole (cited by "none" and "needs information"). */
        overview: z.string().min(1),
      })
      .strict(),
    /** In interview order: safety first. Missing facts are asked in this order. */
    questions: z.array(QuestionSchema).min(1),
    measures: z.array(MeasureSchema).min(1),
    /** Reasons a "none" adds when their condition holds. */
    noneReasons: z.array(z.object({ if: ConditionSchema, text: TextSchema, passage: z.string().min(1) }).strict()).optional(),
    hitPolicy: z.array(HitPolicyRowSchema).min(1),
  })
  .strict();

export type Standard = z.infer<typeof StandardSchema>;
