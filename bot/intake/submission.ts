import { z } from 'zod';
import { CHOOSABLE_OUTCOMES, type ChoosableOutcome, type Variant } from '../../rules/decision-types.js';
import { describeIssues, FactsSchema, IsoDate, RISK_FACTOR_IDS, type Facts, type FieldProblem } from '../../rules/facts.js';
import { ALL_VERBS, VERBS, type Verb } from '../../cards/verbs.js';
import { getStep, questionsForFacts, STEP_IDS, UNKNOWN, visibleQuestions, type IntakeFigures, type Question, type StepId } from './steps.js';
import { freeText } from './text-input.js';
import { CaseReferenceSchema, ChildPseudonymSchema } from '../cases/case-reference.js';

/**
 * Card submissions arrive as the action's `data` merged with the card's Input values, all strings:
 * "true" / "false" / "unknown" for Ja / Nej / Ved ikke, digits for numbers, "a,b,c" for multi-select.
 * Everything is parsed here into typed values; nothing after this trusts the raw payload.
 * The parsers never throw: a person gets Danish problems naming the question, and what they typed is kept by the caller.
 */

export type SubmissionResult = { ok: true; facts: Partial<Facts>; unknown: string[] } | { ok: false; problems: FieldProblem[] };
export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: FieldProblem[] };

const MISSING_ANSWER = 'mangler svar – vælg «Ved ikke», hvis du ikke ved det';

const DraftId = z.string({ error: 'skal være tekst' }).regex(/^[A-Za-z0-9_-]{1,64}$/, 'er ikke et gyldigt kladde-id');

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
export function parseStepSubmission(stepId: StepId, raw: unknown, answersSoFar: Partial<Facts>, figures: IntakeFigures): SubmissionResult {
  return safely(() => {
    const step = getStep(stepId);
    const envelope = () => ({ verb: z.literal(VERBS.intakeNext), draftId: DraftId, stepId: z.literal(stepId) });
    return parseQuestions(visibleQuestions(step, answersSoFar, figures), `step:${stepId}`, envelope, raw);
  });
}

/** Parses the answers to the questions a needs-information card asked. */
export function parseMissingSubmission(missing: readonly string[], raw: unknown): SubmissionResult {
  return safely(() => {
    const questions = questionsForFacts(missing).questions.map((q) => q.question);
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
  const cacheKey = `${key}|${questions.map((q) => q.id).join(',')}`;
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
  const age = facts['child.ageMonths'] as number | undefined;
  const late = facts['child.latePregnancy'] as boolean | undefined;
  if (born === 'born') {
    if (age === undefined) {
      problems.push({ field: 'childAgeMonths', message: 'mangler: skriv barnets alder i hele måneder, når barnet er født' });
      return undefined;
    }
    return { ageMonths: age };
  }
  if (born === 'unborn') {
    if (age !== undefined) {
      problems.push({ field: 'childAgeMonths', message: 'et barn, der ikke er født, har ingen alder – slet alderen eller svar «Ja» til, at barnet er født' });
      return undefined;
    }
    return late === undefined ? { ageMonths: null } : { ageMonths: null, latePregnancy: late };
  }
  // "Ved ikke" to "is the child born" but an age typed anyway: the age says the child is born.
  return age === undefined ? undefined : { ageMonths: age };
}

/** An Input left empty arrives as "" (or not at all): both mean "not answered". */
function blankIsAbsent(schema: z.ZodType): z.ZodType {
  return z.preprocess((v) => (v === '' ? undefined : v), schema.optional());
}

/** Zod schema for one Input's raw value, with a Danish message that says what is allowed. */
function answerSchema(q: Question): z.ZodType {
  switch (q.kind) {
    case 'boolean': {
      const allowed = 'skal være Ja, Nej eller Ved ikke';
      return blankIsAbsent(
        z.enum(['true', 'false', UNKNOWN], { error: allowed }).transform((v) => (v === UNKNOWN ? UNKNOWN : v === 'true')),
      );
    }
    case 'choice': {
      const allowed = `skal være en af: ${q.options.map((o) => o.title.da).join(', ')}`;
      return blankIsAbsent(z.enum(q.options.map((o) => o.value) as [string, ...string[]], { error: allowed }));
    }
    case 'integer': {
      const range = `skal være et helt tal fra ${q.min} til ${q.max}`;
      // Teams sends Input.Number as a string, some web clients as a number: take both, nothing else.
      const digits = (v: unknown) => (typeof v === 'string' && /^\s*\d{1,6}\s*$/.test(v) ? Number(v.trim()) : v);
      return z.preprocess((v) => (v === '' ? undefined : digits(v)), z.number({ error: range }).int(range).min(q.min, range).max(q.max, range).optional());
    }
    case 'date':
      return blankIsAbsent(z.string({ error: 'skal være en dato på formen ÅÅÅÅ-MM-DD' }).max(10, 'skal være en dato på formen ÅÅÅÅ-MM-DD').pipe(IsoDate));
    case 'text':
      return z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), freeText(q.maxLength).optional());
    case 'riskFactors': {
      const ofGroup = new Set(RISK_FACTOR_IDS.filter((id) => id.startsWith(`${q.group}-`)));
      return z
        .string({ error: 'skal være en liste af afkrydsninger' })
        .max(400, 'er for lang')
        .transform((s) => (s.trim() === '' ? [] : s.split(',').map((id) => id.trim())))
        .pipe(
          z
            .array(z.string().refine((id) => ofGroup.has(id), 'er ikke en risikofaktor på denne liste'))
            .refine((ids) => new Set(ids).size === ids.length, 'nævner den samme risikofaktor flere gange'),
        )
        .optional();
    }
  }
}

/** Our schemas carry Danish messages; zod's own English defaults go through the shared describer. */
function describe(issues: readonly z.core.$ZodIssue[]): FieldProblem[] {
  return issues.flatMap((issue) => {
    const own = issue.code !== 'unrecognized_keys' && issue.message && !/^(Invalid|Too (small|big)|Unrecognized|Expected)/.test(issue.message);
    if (!own) return describeIssues([issue]);
    return [{ field: issue.path.map(String).join('.') || '(rod)', message: issue.message }];
  });
}

/** Prefixes each problem with the Danish question, so the person sees which answer to fix. */
function labelled(problems: FieldProblem[], questions: readonly Question[]): FieldProblem[] {
  return problems.map((p) => {
    const top = p.field.split('.')[0];
    const q = questions.find((question) => question.id === top || ('fact' in question && question.fact === p.field));
    return q ? { field: q.id, message: `${q.label.da}: ${p.message}` } : p;
  });
}

/** A person sees a Danish sentence even if something unforeseen slips through. */
function safely<T extends { ok: boolean }>(parse: () => T): T | { ok: false; problems: FieldProblem[] } {
  try {
    return parse();
  } catch {
    return { ok: false, problems: [{ field: '(rod)', message: 'svaret kunne ikke læses; prøv igen, eller start forfra' }] };
  }
}

// ---- The result card's actions -------------------------------------------------------------

/** The same rules storage enforces, so a form the card accepts is a case storage accepts. */
const CaseReference = z.string({ error: 'skal være tekst' }).max(200, 'er for langt (højst 40 tegn)').pipe(CaseReferenceSchema);
const ChildPseudonym = z.string({ error: 'skal være tekst' }).max(200, 'er for langt (højst 20 tegn)').pipe(ChildPseudonymSchema);

const ChannelId = z.string({ error: 'skal vælges' }).min(1, 'mangler: vælg teamets kanal').max(200, 'er ikke en kendt kanal').regex(/^[\w:@.\-]+$/, 'er ikke en kendt kanal');

const StartDate = z.string({ error: 'skal være en dato' }).max(10, 'skal være en dato på formen ÅÅÅÅ-MM-DD').pipe(IsoDate);

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
    chosen: z.enum(CHOOSABLE_OUTCOMES, { error: 'mangler: vælg det udfald, du beslutter' }),
    chosenVariant: z.enum(['1A', '1B', 'none', ''], { error: 'skal være 1A, 1B eller ingen' }).optional(),
    reason: freeText(2000, 10, 'mangler: skriv en begrundelse på mindst 10 tegn – den gemmes sammen med anbefalingen'),
  })
  .strict()
  .refine((v) => !(v.chosenVariant === '1A' || v.chosenVariant === '1B') || v.chosen === 'level1', {
    path: ['chosenVariant'],
    message: 'variant 1A/1B findes kun for niveau 1',
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

const FIELD_NAMES: Record<string, string> = {
  caseReference: 'Sagsnummer',
  childPseudonym: 'Barnets initialer eller pseudonym',
  channelId: 'Teamets kanal',
  startDate: 'Startdato',
  overrideCaseReference: 'Sagsnummer',
  overrideChildPseudonym: 'Barnets initialer eller pseudonym',
  overrideChannelId: 'Teamets kanal',
  overrideStartDate: 'Startdato',
  chosen: 'Valgt udfald',
  chosenVariant: 'Variant',
  reason: 'Begrundelse',
  draftId: 'Kladde',
  verb: 'Handling',
};

function named(problems: FieldProblem[]): FieldProblem[] {
  return problems.map((p) => {
    const name = FIELD_NAMES[p.field.split('.')[0] ?? ''];
    return name ? { field: p.field, message: `${name}: ${p.message}` } : p;
  });
}

function channelOffered(channelId: string, offered?: readonly string[]): FieldProblem[] {
  return offered && !offered.includes(channelId) ? [{ field: 'channelId', message: 'Teamets kanal: er ikke en af de kanaler, du kunne vælge – vælg igen' }] : [];
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
