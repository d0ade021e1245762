import { z } from 'zod';
import { IsoDate, type FieldProblem, type ParseResult } from '../../rules/facts.js';
import {
  CONTACT_ROLES,
  DAYCARE_KINDS,
  DURATION_UNITS,
  FOCUS_POINT_IDS,
  MAX_GOALS,
  REFERRAL_SOURCES,
  TASK_IDS,
  TEXT_LIMITS,
  type Goal,
  type PlanContent,
} from './model.js';
import { caseText, describeCaseIssues, optionalCaseText } from './text.js';
import { problemText, type Locale, type Localized } from '../../cards/locale.js';
import { said } from '../said.js';

/**
 * The plan as it arrives from a card or the API, parsed once here. Which fields apply depends on
 * the measure: the focus points and tasks belong to the preventive course, and its 40-week limit
 * (hpi.4.varighed) bounds the expected duration.
 */

export interface PlanContext {
  /** The decision standing for the case is the preventive course (hjemmepædagogisk indsats). */
  preventive: boolean;
  /** How long a preventive course may run, in weeks: the tenant's figure (preventive.maxWeeks, hpi.4.varighed). */
  preventiveMaxWeeks: number;
}
const MAX_DURATION = { weeks: 520, months: 120 } as const;

const GoalSchema = z
  .object({
    id: z.string().uuid(said('er ikke et gyldigt mål-id', 'is not a valid goal id')).optional(),
    text: caseText(TEXT_LIMITS.goal, said('mangler; skriv målet eller fjern det', 'is missing; write the goal or remove it')),
    agreedWithParents: z.boolean({ error: said('angiv om målet er aftalt med forældrene (ja eller nej)', 'say whether the goal is agreed with the parents (yes or no)') }),
    progressSign: caseText(TEXT_LIMITS.progressSign, said('mangler; skriv hvordan I vil kunne se fremskridt', 'is missing; write how you will be able to see progress')),
  })
  .strict();

/** A list of the model's ids; `what` says one of them ("et af …") and the same one twice ("det samme …"). */
const idList = <T extends string>(known: readonly T[], what: { one: Localized; same: Localized }) =>
  z
    .array(z.string().refine((id): id is T => (known as readonly string[]).includes(id), said(`er ikke ${what.one.da}`, `is not ${what.one.en}`)))
    .refine((ids) => new Set(ids).size === ids.length, said(`nævner ${what.same.da} flere gange`, `names ${what.same.en} more than once`));

const FOCUS_POINT = { one: { da: 'et af modellens fokuspunkter', en: "one of the model's focus points" }, same: { da: 'det samme fokuspunkt', en: 'the same focus point' } };
const TASK = { one: { da: 'en af modellens arbejdsopgaver', en: "one of the model's tasks" }, same: { da: 'den samme arbejdsopgave', en: 'the same task' } };

const baseSchema = z
  .object({
    purpose: caseText(TEXT_LIMITS.purpose, said('mangler; skriv formålet med indsatsen med dine egne ord', 'is missing; write the purpose of the support in your own words')),
    expectedDuration: z
      .object({
        value: z.number({ error: said('mangler; angiv et antal', 'is missing; give a number') }).int(said('skal være et helt tal', 'must be a whole number')).min(1, said('skal være mindst 1', 'must be at least 1')),
        unit: z.enum(DURATION_UNITS, { error: said('skal være uger eller måneder', 'must be weeks or months') }),
      })
      .strict(),
    goals: z.array(GoalSchema).min(1, said('skriv mindst ét mål', 'write at least one goal')).max(MAX_GOALS, said(`højst ${MAX_GOALS} mål; saml eller fjern nogle`, `at most ${MAX_GOALS} goals; combine or remove some`)),
    focusPoints: idList(FOCUS_POINT_IDS, FOCUS_POINT).default([]),
    tasks: idList(TASK_IDS, TASK).default([]),
    referralSource: z.enum(REFERRAL_SOURCES, { error: said('vælg hvem der henviste familien', 'choose who referred the family') }),
    referralNote: optionalCaseText(TEXT_LIMITS.referralNote),
    daycareStart: z
      .object({
        date: IsoDate,
        kind: z.enum(DAYCARE_KINDS, { error: said('vælg vuggestue eller børnehave', 'choose nursery or kindergarten') }),
      })
      .strict()
      .optional(),
    visitationSocial: z
      .object({
        receives: z.boolean({ error: said('angiv om forældrene får støtte fra Visitation Social (ja eller nej)', 'say whether the parents get support from Visitation Social (yes or no)') }),
        contactRole: z.enum(CONTACT_ROLES, { error: said('vælg kontaktpersonens rolle (ikke navnet)', "choose the contact person's role (not the name)") }).optional(),
      })
      .strict(),
  })
  .strict();

function planSchema(context: PlanContext) {
  return baseSchema
    .superRefine((plan, ctx) => {
      const max = context.preventive
        ? plan.expectedDuration.unit === 'weeks'
          ? context.preventiveMaxWeeks
          : Math.floor(context.preventiveMaxWeeks / 4)
        : MAX_DURATION[plan.expectedDuration.unit];
      if (plan.expectedDuration.value > max) {
        ctx.addIssue({
          code: 'custom',
          path: ['expectedDuration', 'value'],
          message: context.preventive
            ? said(
                `er for lang: en hjemmepædagogisk indsats varer højst ${context.preventiveMaxWeeks} uger (${Math.floor(context.preventiveMaxWeeks / 4)} måneder)`,
                `is too long: a hjemmepædagogisk indsats lasts at most ${context.preventiveMaxWeeks} weeks (${Math.floor(context.preventiveMaxWeeks / 4)} months)`,
              )
            : said(`er for lang: højst ${max} ${plan.expectedDuration.unit === 'weeks' ? 'uger' : 'måneder'}`, `is too long: at most ${max} ${plan.expectedDuration.unit}`),
        });
      }
      if (context.preventive) {
        if (plan.focusPoints.length === 0) ctx.addIssue({ code: 'custom', path: ['focusPoints'], message: said('vælg mindst ét fokuspunkt fra modellen', 'choose at least one focus point from the model') });
        if (plan.tasks.length === 0) ctx.addIssue({ code: 'custom', path: ['tasks'], message: said('vælg mindst én arbejdsopgave fra modellen', 'choose at least one task from the model') });
      } else {
        const only = said('gælder kun hjemmepædagogisk indsats; fjern valget', 'applies to hjemmepædagogisk indsats only; remove the choice');
        if (plan.focusPoints.length > 0) ctx.addIssue({ code: 'custom', path: ['focusPoints'], message: only });
        if (plan.tasks.length > 0) ctx.addIssue({ code: 'custom', path: ['tasks'], message: only });
      }
      if (plan.referralSource !== 'other' && plan.referralNote !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['referralNote'], message: said('bruges kun når henvisningen kom fra »Andet«; fjern teksten', 'is used only when the referral came from »Other«; remove the text') });
      }
      const vs = plan.visitationSocial;
      if (vs.receives && !vs.contactRole) {
        ctx.addIssue({ code: 'custom', path: ['visitationSocial', 'contactRole'], message: said('vælg kontaktpersonens rolle i Visitation Social (ikke navnet)', "choose the contact person's role in Visitation Social (not the name)") });
      }
      if (!vs.receives && vs.contactRole) {
        ctx.addIssue({ code: 'custom', path: ['visitationSocial', 'contactRole'], message: said('angives kun når forældrene får støtte fra Visitation Social', 'is given only when the parents get support from Visitation Social') });
      }
      const ids = plan.goals.flatMap((g) => (g.id ? [g.id] : []));
      if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', path: ['goals'], message: said('to mål har samme id; genindlæs planen', 'two goals have the same id; reload the plan') });
    })
    .transform((plan): PlanInput => {
      const { visitationSocial: vs, referralNote, daycareStart, ...rest } = plan;
      return {
        ...rest,
        ...(referralNote !== undefined ? { referralNote } : {}),
        ...(daycareStart ? { daycareStart } : {}),
        visitationSocial: vs.receives && vs.contactRole ? { receives: true, contactRole: vs.contactRole } : { receives: false },
      };
    });
}

/** A goal as typed: a new goal has no id yet; the store gives it one. */
export type GoalInput = Omit<Goal, 'id'> & { id?: string };
export type PlanInput = Omit<PlanContent, 'goals'> & { goals: GoalInput[] };

export function parsePlanInput(input: unknown, context: PlanContext): ParseResult<PlanInput> {
  const result = planSchema(context).safeParse(input, { reportInput: true });
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, problems: describeCaseIssues(result.error.issues) };
}

const FIELD_LABELS: Record<string, Localized> = {
  purpose: { da: 'Formål', en: 'Purpose' },
  'expectedDuration.value': { da: 'Forventet varighed', en: 'Expected duration' },
  'expectedDuration.unit': { da: 'Forventet varighed (enhed)', en: 'Expected duration (unit)' },
  goals: { da: 'Mål', en: 'Goals' },
  focusPoints: { da: 'Fokuspunkter', en: 'Focus points' },
  tasks: { da: 'Arbejdsopgaver', en: 'Tasks' },
  referralSource: { da: 'Henvist af', en: 'Referred by' },
  referralNote: { da: 'Henvist af (andet)', en: 'Referred by (other)' },
  'daycareStart.date': { da: 'Planlagt start i dagtilbud', en: 'Planned start in daycare' },
  'daycareStart.kind': { da: 'Dagtilbud (vuggestue eller børnehave)', en: 'Daycare (nursery or kindergarten)' },
  'visitationSocial.receives': { da: 'Visitation Social', en: 'Visitation Social' },
  'visitationSocial.contactRole': { da: 'Kontaktperson i Visitation Social', en: 'Contact person in Visitation Social' },
};
const GOAL: Localized = { da: 'Mål', en: 'Goal' };
const GOAL_FIELD: Record<string, Localized> = {
  text: { da: 'målet', en: 'the goal' },
  agreedWithParents: { da: 'aftalt med forældrene', en: 'agreed with the parents' },
  progressSign: { da: 'sådan ser vi fremskridt', en: 'how we see progress' },
  id: { da: 'id', en: 'id' },
};

/** "goals.1.text" → "Mål 2, målet" ("Goal 2, the goal"): the words on the card, so a person finds the field. */
export function planFieldLabel(field: string, locale: Locale = 'da'): string {
  const goal = /^goals\.(\d+)(?:\.(\w+))?/.exec(field);
  if (goal) return `${GOAL[locale]} ${Number(goal[1]) + 1}${goal[2] ? `, ${GOAL_FIELD[goal[2]]?.[locale] ?? goal[2]}` : ''}`;
  const list = /^(focusPoints|tasks)\.\d+$/.exec(field);
  if (list) return FIELD_LABELS[list[1]!]![locale];
  return FIELD_LABELS[field]?.[locale] ?? field;
}

/** One line per problem in the reader's language, e.g. "Mål 1, målet: mangler; skriv målet eller fjern det". */
export function describePlanProblems(problems: readonly FieldProblem[], locale: Locale = 'da'): string[] {
  return problems.map((p) => `${planFieldLabel(p.field, locale)}: ${problemText(p, locale)}`);
}
