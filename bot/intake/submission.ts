import { z } from 'zod';
import { CHOOSABLE_OUTCOMES, type ChoosableOutcome, type Variant } from '../../rules/decision-types.js';
import { describeIssues, FactsSchema, IsoDate, RISK_FACTOR_IDS, type Facts, type FieldProblem } from '../../rules/facts.js';
import { ALL_VERBS, VERBS, type Verb } from '../../cards/verbs.js';
import { getStep, questionsForFacts, STEP_IDS, UNKNOWN, visibleQuestions, type IntakeFigures, type Interview, type Question, type StepId } from './steps.js';
import { freeText } from './text-input.js';
import { CaseReferenceSchema, ChildPseudonymSchema } from '../cases/case-reference.js';
import { englishOf, said } from '../said.js';

/**
 * Card submissions arrive as the action's `data` merged with the card's Input values, all strings:
 * "true" / "false" / "unknown" for Ja / Nej / Ved ikke, digits for numbers, "a,b,c" for multi-select.
 * Everything is parsed here into typed values; nothing after this trusts the raw payload.
 * The parsers never throw: a person gets problems naming the question (Danish, with the English beside
 * it for an English Teams), and what they typed is kept by the caller.
 */

export type SubmissionResult = { ok: true; facts: Partial<Facts>; unknown: string[] } | { ok: false; problems: FieldProblem[] };
export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: FieldProblem[] };

const DATE_FORM = said('skal være en dato på formen ÅÅÅÅ-MM-DD', 'must be a date in the form YYYY-MM-DD');
const MISSING_ANSWER = said('mangler svar – vælg »Ved ikke«, hvis du ikke ved det', 'has no answer – choose »Don\'t know« if you do not know');

const DraftId = z.string({ error: said('skal være tekst', 'must be text') }).regex(/^[A-Za-z0-9_-]{1,64}$/, said('er ikke et gyldigt kladde-id', 'is not a valid draft id'));

/** What every action carries; inputs come beside it, so unknown keys are allowed here only. */
export const EnvelopeSchema = z
  .object({
    verb: z.enum(ALL_VERBS),
    draftId: DraftId.optional(),
    stepId: z.enum(STEP_IDS).optional(),
    caseReference: z.string().max(200).optional(),
  })
  .loose();

export interface ActionEnvelope {
  verb: Verb;
  draftId?: string;
  stepId?: StepId;
}

export function parseEnvelope(raw: unknown): Parsed<ActionEnvelope> {
  return safely(() => {
    const result = EnvelopeSchema.safeParse(raw, { reportInput: true });
    if (!result.success) return { ok: false, problems: describe(result.error.issues) };
    const { verb, draftId, stepId } = result.data;
    return { ok: true, value: { verb, ...(draftId ? { draftId } : {}), ...(stepId ? { stepId } : {}) } };
  });
}

/** Parses the answers to one intake step. `answersSoFar` decides which conditional questions were shown. */
export function parseStepSubmission(stepId: StepId, raw: unknown, answersSoFar: Partial<Facts>, figures: IntakeFigures, interview?: Interview): SubmissionResult {
  return safely(() => {
    const step = getStep(stepId, interview);
    const envelope = () => ({ verb: z.literal(VERBS.intakeNext), draftId: DraftId, stepId: z.literal(stepId) });
    return parseQuestions(visibleQuestions(step, answersSoFar, figures), `step:${stepId}`, envelope, raw);
  });
}

/** Parses the answers to the questions a needs-information card asked. */
export function parseMissingSubmission(missing: readonly string[], raw: unknown, interview?: Interview): SubmissionResult {
  return safely(() => {
    const questions = questionsForFacts(missing, interview).questions.map((q) => q.question);
    const envelope = () => ({ verb: z.literal(VERBS.intakeMissing), draftId: DraftId });
    return parseQuestions(questions, 'missing', envelope, raw);
  });
}

/**
 * Building a zod object schema costs about a millisecond (zod compiles a fast path for each), more
 * than the whole rest of a turn's parsing; the combinations of envelope and shown questions are
 * few, so each is built once.
 */
const SCHEMAS = new Map<string, z.ZodType>();
const PartialFacts = FactsSchema.partial();

function schemaFor(key: string, questions: readonly Question[], envelope: () => Record<string, z.ZodType>): z.ZodType {
  // A standard may offer other answers to the same question: the options are part of the key.
  const cacheKey = `${key}|${questions.map((q) => (q.kind === 'choice' ? `${q.id}:${q.options.map((o) => o.value).join('/')}` : q.id)).join(',')}`;
  let schema = SCHEMAS.get(cacheKey);
  if (!schema) {
    const shape: Record<string, z.ZodType> = { ...envelope() };
    for (const q of questions) shape[q.id] = answerSchema(q);
    schema = z.object(shape).strict();
    SCHEMAS.set(cacheKey, schema);
  }
  return schema;
}

function parseQuestions(questions: readonly Question[], key: string, envelope: () => Record<string, z.ZodType>, raw: unknown): SubmissionResult {
  const result = schemaFor(key, questions, envelope).safeParse(raw, { reportInput: true });
  if (!result.success) return { ok: false, problems: labelled(describe(result.error.issues), questions) };

  const values = result.data as Record<string, unknown>;
  const problems: FieldProblem[] = [];
  const unknown: string[] = [];
  const facts: Record<string, unknown> = {};
  const riskFactors: string[] = [];
  const riskAsked = questions.some((q) => q.kind === 'riskFactors');
  let riskReviewed: string | undefined;

  for (const q of questions) {
    const value = values[q.id];
    if (value === undefined) {
      if (q.required) problems.push({ field: q.id, message: MISSING_ANSWER });
      continue;
    }
    if (value === UNKNOWN) {
      unknown.push(q.id);
      continue;
    }
    switch (q.kind) {
      case 'riskFactors':
        riskFactors.push(...(value as string[]));
        break;
      case 'choice':
        if (q.fact === 'riskFactorsReviewed') riskReviewed = value as string;
        else facts[q.fact] = value;
        break;
      case 'boolean':
      case 'integer':
      case 'date':
      case 'text':
        facts[q.fact] = value;
        break;
    }
  }

  const child = childFacts(facts, problems);
  delete facts['childBorn'];
  delete facts['child.ageMonths'];
  delete facts['child.ageYears'];
  delete facts['child.latePregnancy'];
  if (child) facts['child'] = child;

  // Ticks prove at least those factors even if the lists are not finished; no ticks mean
  // "none" only when the caseworker says the lists were gone through.
  if (riskFactors.length > 0 || (riskAsked && riskReviewed === 'reviewed')) facts['riskFactors'] = riskFactors;

  if (problems.length > 0) return { ok: false, problems: labelled(problems, questions) };
  const checked = PartialFacts.safeParse(facts, { reportInput: true });
  if (!checked.success) return { ok: false, problems: labelled(describe(checked.error.issues), questions) };
  return { ok: true, facts: checked.data, unknown };
}

/** "Is the child born" decides how age and late pregnancy become the `child` fact. */
function childFacts(facts: Record<string, unknown>, problems: FieldProblem[]): Facts['child'] | undefined {
  const born = facts['childBorn'];
  const age = ageInMonths(facts['child.ageYears'] as number | undefined, facts['child.ageMonths'] as number | undefined, problems);
  if (age === false) return undefined;
  const late = facts['child.latePregnancy'] as boolean | undefined;
  if (born === 'born') {
    if (age === undefined) {
      problems.push({ field: 'childAgeMonths', message: 'mangler: skriv barnets alder i år og måneder, når barnet er født', en: "is missing: write the child's age in years and months when the child is born" });
      return undefined;
    }
    return { ageMonths: age };
  }
  if (born === 'unborn') {
    if (age !== undefined) {
      problems.push({
        field: 'childAgeMonths',
        message: 'et barn, der ikke er født, har ingen alder – slet alderen eller svar »Ja« til, at barnet er født',
        en: 'a child who is not born has no age – delete the age or answer »Yes« to the child being born',
      });
      return undefined;
    }
    return late === undefined ? { ageMonths: null } : { ageMonths: null, latePregnancy: late };
  }
  // "Ved ikke" to "is the child born" but an age typed anyway: the age says the child is born.
  return age === undefined ? undefined : { ageMonths: age };
}

/**
 * Years and months together: months beside whole years are 0–11; months alone (a baby, or an age
 * typed as "30 months") stand on their own. False after a problem was added.
 */
function ageInMonths(years: number | undefined, months: number | undefined, problems: FieldProblem[]): number | undefined | false {
  if (years === undefined) return months;
  if (months !== undefined && months > 11) {
    problems.push({
      field: 'childAgeMonths',
      message: 'ved siden af hele år er det højst 11 måneder – skriv fx 2 år og 6 måneder',
      en: 'beside whole years it is at most 11 months – write e.g. 2 years and 6 months',
    });
    return false;
  }
  return years * 12 + (months ?? 0);
}

/** An Input left empty arrives as "" (or not at all): both mean "not answered". */
function blankIsAbsent(schema: z.ZodType): z.ZodType {
  return z.preprocess((v) => (v === '' ? undefined : v), schema.optional());
}

/** Zod schema for one Input's raw value, with a message that says what is allowed (Danish, English registered). */
function answerSchema(q: Question): z.ZodType {
  switch (q.kind) {
    case 'boolean': {
      const allowed = said('skal være Ja, Nej eller Ved ikke', "must be Yes, No or Don't know");
      return blankIsAbsent(
        z.enum(['true', 'false', UNKNOWN], { error: allowed }).transform((v) => (v === UNKNOWN ? UNKNOWN : v === 'true')),
      );
    }
    case 'choice': {
      const allowed = said(`skal være en af: ${q.options.map((o) => o.title.da).join(', ')}`, `must be one of: ${q.options.map((o) => o.title.en).join(', ')}`);
      return blankIsAbsent(z.enum(q.options.map((o) => o.value) as [string, ...string[]], { error: allowed }));
    }
    case 'integer': {
      const range = said(`skal være et helt tal fra ${q.min} til ${q.max}`, `must be a whole number from ${q.min} to ${q.max}`);
      // Teams sends Input.Number as a string, some web clients as a number: take both, nothing else.
      const digits = (v: unknown) => (typeof v === 'string' && /^\s*\d{1,6}\s*$/.test(v) ? Number(v.trim()) : v);
      return z.preprocess((v) => (v === '' ? undefined : digits(v)), z.number({ error: range }).int(range).min(q.min, range).max(q.max, range).optional());
    }
    case 'date':
      return blankIsAbsent(z.string({ error: DATE_FORM }).max(10, DATE_FORM).pipe(IsoDate));
    case 'text':
      return z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), freeText(q.maxLength).optional());
    case 'riskFactors': {
      const ofGroup = new Set(RISK_FACTOR_IDS.filter((id) => id.startsWith(`${q.group}-`)));
      return z
        .string({ error: said('skal være en liste af afkrydsninger', 'must be a list of ticks') })
        .max(400, said('er for lang', 'is too long'))
        .transform((s) => (s.trim() === '' ? [] : s.split(',').map((id) => id.trim())))
        .pipe(
          z
            .array(z.string().refine((id) => ofGroup.has(id), said('er ikke en risikofaktor på denne liste', 'is not a risk factor on this list')))
            .refine((ids) => new Set(ids).size === ids.length, said('nævner den samme risikofaktor flere gange', 'names the same risk factor more than once')),
        )
        .optional();
    }
  }
}

/** Our schemas carry Danish messages with their English registered; zod's own defaults go through the shared describer. */
function describe(issues: readonly z.core.$ZodIssue[]): FieldProblem[] {
  return issues.flatMap((issue) => {
    const own = issue.code !== 'unrecognized_keys' && issue.message && !/^(Invalid|Too (small|big)|Unrecognized|Expected)/.test(issue.message);
    if (!own) return describeIssues([issue]);
    // A message from the facts' own schemas (a date that does not exist) has its English there.
    const en = englishOf(issue.message) ?? describeIssues([issue])[0]?.en;
    return [withEnglish({ field: issue.path.map(String).join('.') || '(rod)', message: issue.message }, en)];
  });
}

function withEnglish(problem: FieldProblem, en: string | undefined): FieldProblem {
  return en === undefined ? { field: problem.field, message: problem.message } : { field: problem.field, message: problem.message, en };
}

/** Prefixes each problem with the question, so the person sees which answer to fix. */
function labelled(problems: FieldProblem[], questions: readonly Question[]): FieldProblem[] {
  return problems.map((p) => {
    const top = p.field.split('.')[0];
    const q = questions.find((question) => question.id === top || ('fact' in question && question.fact === p.field));
    return q ? withEnglish({ field: q.id, message: `${q.label.da}: ${p.message}` }, p.en === undefined ? undefined : `${q.label.en}: ${p.en}`) : p;
  });
}

/** A person sees a Danish sentence even if something unforeseen slips through. */
function safely<T extends { ok: boolean }>(parse: () => T): T | { ok: false; problems: FieldProblem[] } {
  try {
    return parse();
  } catch {
    return { ok: false, problems: [{ field: '(rod)', message: 'svaret kunne ikke læses; prøv igen, eller start forfra', en: 'the answer could not be read; try again, or start over' }] };
  }
}

// ---- The result card's actions -------------------------------------------------------------

/** The same rules storage enforces, so a form the card accepts is a case storage accepts. */
const TEXT = said('skal være tekst', 'must be text');
const CaseReference = z.string({ error: TEXT }).max(200, said('er for langt (højst 40 tegn)', 'is too long (at most 40 characters)')).pipe(CaseReferenceSchema);
const ChildPseudonym = z.string({ error: TEXT }).max(200, said('er for langt (højst 20 tegn)', 'is too long (at most 20 characters)')).pipe(ChildPseudonymSchema);

const UNKNOWN_CHANNEL = said('er ikke en kendt kanal', 'is not a known channel');
const ChannelId = z
  .string({ error: said('skal vælges', 'must be chosen') })
  .min(1, said('mangler: vælg teamets kanal', "is missing: choose the team's channel"))
  .max(200, UNKNOWN_CHANNEL)
  .regex(/^[\w:@.\-]+$/, UNKNOWN_CHANNEL);

const StartDate = z.string({ error: said('skal være en dato', 'must be a date') }).max(10, DATE_FORM).pipe(IsoDate);

const caseFields = {
  draftId: DraftId,
  caseReference: CaseReference,
  childPseudonym: ChildPseudonym,
  channelId: ChannelId,
  startDate: StartDate,
};

const AcceptSchema = z.object({ verb: z.literal(VERBS.caseAccept), ...caseFields }).strict();

/** The override form's copies of the case fields are prefixed (a card's input ids must be unique). */
const OverrideSchema = z
  .object({
    verb: z.literal(VERBS.caseOverride),
    draftId: DraftId,
    overrideCaseReference: CaseReference,
    overrideChildPseudonym: ChildPseudonym,
    overrideChannelId: ChannelId,
    overrideStartDate: StartDate,
    chosen: z.enum(CHOOSABLE_OUTCOMES, { error: said('mangler: vælg det udfald, du beslutter', 'is missing: choose the outcome you decide on') }),
    chosenVariant: z.enum(['1A', '1B', 'none', ''], { error: said('skal være 1A, 1B eller ingen', 'must be 1A, 1B or none') }).optional(),
    reason: freeText(
      2000,
      10,
      said('mangler: skriv en begrundelse på mindst 10 tegn – den gemmes sammen med anbefalingen', 'is missing: write a reason of at least 10 characters – it is kept with the recommendation'),
    ),
  })
  .strict()
  .refine((v) => !(v.chosenVariant === '1A' || v.chosenVariant === '1B') || v.chosen === 'level1', {
    path: ['chosenVariant'],
    message: said('variant 1A/1B findes kun for niveau 1', 'variant 1A/1B exists for level 1 only'),
  });

export interface CaseForm {
  draftId: string;
  caseReference: string;
  childPseudonym: string;
  channelId: string;
  startDate: string;
}

export interface OverrideForm extends CaseForm {
  chosen: ChoosableOutcome;
  chosenVariant: Variant;
  reason: string;
}

const REFERENCE_NAME = { da: 'Sagsnummer', en: 'Case number' };
const PSEUDONYM_NAME = { da: 'Barnets initialer eller pseudonym', en: "The child's initials or pseudonym" };
const CHANNEL_NAME = { da: 'Teamets kanal', en: "The team's channel" };
const START_NAME = { da: 'Startdato', en: 'Start date' };
const FIELD_NAMES: Record<string, { da: string; en: string }> = {
  caseReference: REFERENCE_NAME,
  childPseudonym: PSEUDONYM_NAME,
  channelId: CHANNEL_NAME,
  startDate: START_NAME,
  overrideCaseReference: REFERENCE_NAME,
  overrideChildPseudonym: PSEUDONYM_NAME,
  overrideChannelId: CHANNEL_NAME,
  overrideStartDate: START_NAME,
  chosen: { da: 'Valgt udfald', en: 'Chosen outcome' },
  chosenVariant: { da: 'Variant', en: 'Variant' },
  reason: { da: 'Begrundelse', en: 'Reason' },
  draftId: { da: 'Kladde', en: 'Draft' },
  verb: { da: 'Handling', en: 'Action' },
};

function named(problems: FieldProblem[]): FieldProblem[] {
  return problems.map((p) => {
    const name = FIELD_NAMES[p.field.split('.')[0] ?? ''];
    return name ? withEnglish({ field: p.field, message: `${name.da}: ${p.message}` }, p.en === undefined ? undefined : `${name.en}: ${p.en}`) : p;
  });
}

function channelOffered(channelId: string, offered?: readonly string[]): FieldProblem[] {
  return offered && !offered.includes(channelId)
    ? [{ field: 'channelId', message: 'Teamets kanal: er ikke en af de kanaler, du kunne vælge – vælg igen', en: "The team's channel: is not one of the channels you could choose – choose again" }]
    : [];
}

/** Accept: the case form. `offeredChannels` are the channel ids the card listed; others are refused. */
export function parseAcceptSubmission(raw: unknown, offeredChannels?: readonly string[]): Parsed<CaseForm> {
  return safely(() => {
    const result = AcceptSchema.safeParse(raw, { reportInput: true });
    if (!result.success) return { ok: false, problems: named(describe(result.error.issues)) };
    const { verb: _verb, ...form } = result.data;
    const problems = channelOffered(form.channelId, offeredChannels);
    return problems.length ? { ok: false, problems } : { ok: true, value: form };
  });
}

/** Override: another outcome, with a reason of at least 10 characters, plus the case form. */
export function parseOverrideSubmission(raw: unknown, offeredChannels?: readonly string[]): Parsed<OverrideForm> {
  return safely(() => {
    const result = OverrideSchema.safeParse(raw, { reportInput: true });
    if (!result.success) return { ok: false, problems: named(describe(result.error.issues)) };
    const v = result.data;
    const problems = channelOffered(v.overrideChannelId, offeredChannels).map((p) => ({ ...p, field: 'overrideChannelId' }));
    if (problems.length) return { ok: false, problems };
    return {
      ok: true,
      value: {
        draftId: v.draftId,
        caseReference: v.overrideCaseReference,
        childPseudonym: v.overrideChildPseudonym,
        channelId: v.overrideChannelId,
        startDate: v.overrideStartDate,
        chosen: v.chosen,
        chosenVariant: v.chosenVariant === '1A' || v.chosenVariant === '1B' ? v.chosenVariant : null,
        reason: v.reason,
      },
    };
  });
}

const RestartSchema = z.object({ verb: z.literal(VERBS.intakeRestart), draftId: DraftId.optional() }).strict();

/** Start over: only the verb and the draft being thrown away. */
export function parseRestart(raw: unknown): Parsed<{ draftId?: string }> {
  return safely(() => {
    const result = RestartSchema.safeParse(raw, { reportInput: true });
    if (!result.success) return { ok: false, problems: named(describe(result.error.issues)) };
    return { ok: true, value: result.data.draftId ? { draftId: result.data.draftId } : {} };
  });
}

// A list or a search names the case by its reference; a reminder card by its id (the reference
// may have been typed differently there, the id cannot).
const CaseOpenSchema = z.union([
  z.object({ verb: z.literal(VERBS.caseOpen), caseReference: CaseReference }).strict(),
  z.object({ verb: z.literal(VERBS.caseOpen), caseId: z.uuid({ error: 'er ikke et sags-id' }) }).strict(),
]);

/** Open one case from a list, a search or a reminder card. */
export function parseCaseOpen(raw: unknown): Parsed<{ caseReference: string } | { caseId: string }> {
  return safely(() => {
    const result = CaseOpenSchema.safeParse(raw, { reportInput: true });
    if (!result.success) return { ok: false, problems: named(describe(result.error.issues)) };
    return { ok: true, value: 'caseId' in result.data ? { caseId: result.data.caseId } : { caseReference: result.data.caseReference } };
  });
}
