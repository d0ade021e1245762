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
    id: z.string().uuid('er ikke et gyldigt mål-id').optional(),
    text: caseText(TEXT_LIMITS.goal, 'mangler; skriv målet eller fjern det'),
    agreedWithParents: z.boolean({ error: 'angiv om målet er aftalt med forældrene (ja eller nej)' }),
    progressSign: caseText(TEXT_LIMITS.progressSign, 'mangler; skriv hvordan I vil kunne se fremskridt'),
  })
  .strict();

const idList = <T extends string>(known: readonly T[], what: string) =>
  z
    .array(z.string().refine((id): id is T => (known as readonly string[]).includes(id), `er ikke ${what}`))
    .refine((ids) => new Set(ids).size === ids.length, `nævner ${what.replace(/^en? /, 'det samme ')} flere gange`);

const baseSchema = z
  .object({
    purpose: caseText(TEXT_LIMITS.purpose, 'mangler; skriv formålet med indsatsen med dine egne ord'),
    expectedDuration: z
      .object({
        value: z.number({ error: 'mangler; angiv et antal' }).int('skal være et helt tal').min(1, 'skal være mindst 1'),
        unit: z.enum(DURATION_UNITS, { error: 'skal være uger eller måneder' }),
      })
      .strict(),
    goals: z.array(GoalSchema).min(1, 'skriv mindst ét mål').max(MAX_GOALS, `højst ${MAX_GOALS} mål; saml eller fjern nogle`),
    focusPoints: idList(FOCUS_POINT_IDS, 'et af modellens fokuspunkter').default([]),
    tasks: idList(TASK_IDS, 'en af modellens arbejdsopgaver').default([]),
    referralSource: z.enum(REFERRAL_SOURCES, { error: 'vælg hvem der henviste familien' }),
    referralNote: optionalCaseText(TEXT_LIMITS.referralNote),
    daycareStart: z
      .object({
        date: IsoDate,
        kind: z.enum(DAYCARE_KINDS, { error: 'vælg vuggestue eller børnehave' }),
      })
      .strict()
      .optional(),
    visitationSocial: z
      .object({
        receives: z.boolean({ error: 'angiv om forældrene får støtte fra Visitation Social (ja eller nej)' }),
        contactRole: z.enum(CONTACT_ROLES, { error: 'vælg kontaktpersonens rolle (ikke navnet)' }).optional(),
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
            ? `er for lang: en hjemmepædagogisk indsats varer højst ${context.preventiveMaxWeeks} uger (${Math.floor(context.preventiveMaxWeeks / 4)} måneder)`
            : `er for lang: højst ${max} ${plan.expectedDuration.unit === 'weeks' ? 'uger' : 'måneder'}`,
        });
      }
      if (context.preventive) {
        if (plan.focusPoints.length === 0) ctx.addIssue({ code: 'custom', path: ['focusPoints'], message: 'vælg mindst ét fokuspunkt fra modellen' });
        if (plan.tasks.length === 0) ctx.addIssue({ code: 'custom', path: ['tasks'], message: 'vælg mindst én arbejdsopgave fra modellen' });
      } else {
        const only = 'gælder kun hjemmepædagogisk indsats; fjern valget';
        if (plan.focusPoints.length > 0) ctx.addIssue({ code: 'custom', path: ['focusPoints'], message: only });
        if (plan.tasks.length > 0) ctx.addIssue({ code: 'custom', path: ['tasks'], message: only });
      }
      if (plan.referralSource !== 'other' && plan.referralNote !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['referralNote'], message: 'bruges kun når henvisningen kom fra »Andet«; fjern teksten' });
      }
      const vs = plan.visitationSocial;
      if (vs.receives && !vs.contactRole) {
        ctx.addIssue({ code: 'custom', path: ['visitationSocial', 'contactRole'], message: 'vælg kontaktpersonens rolle i Visitation Social (ikke navnet)' });
      }
      if (!vs.receives && vs.contactRole) {
        ctx.addIssue({ code: 'custom', path: ['visitationSocial', 'contactRole'], message: 'angives kun når forældrene får støtte fra Visitation Social' });
      }
      const ids = plan.goals.flatMap((g) => (g.id ? [g.id] : []));
      if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', path: ['goals'], message: 'to mål har samme id; genindlæs planen' });
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

const FIELD_LABELS: Record<string, string> = {
  purpose: 'Formål',
  'expectedDuration.value': 'Forventet varighed',
  'expectedDuration.unit': 'Forventet varighed (enhed)',
  goals: 'Mål',
  focusPoints: 'Fokuspunkter',
  tasks: 'Arbejdsopgaver',
  referralSource: 'Henvist af',
  referralNote: 'Henvist af (andet)',
  'daycareStart.date': 'Planlagt start i dagtilbud',
  'daycareStart.kind': 'Dagtilbud (vuggestue eller børnehave)',
  'visitationSocial.receives': 'Visitation Social',
  'visitationSocial.contactRole': 'Kontaktperson i Visitation Social',
};
const GOAL_FIELD: Record<string, string> = { text: 'målet', agreedWithParents: 'aftalt med forældrene', progressSign: 'sådan ser vi fremskridt', id: 'id' };

/** "goals.1.text" → "Mål 2, målet": the words on the card, so a person finds the field. */
export function planFieldLabel(field: string): string {
  const goal = /^goals\.(\d+)(?:\.(\w+))?/.exec(field);
  if (goal) return `Mål ${Number(goal[1]) + 1}${goal[2] ? `, ${GOAL_FIELD[goal[2]] ?? goal[2]}` : ''}`;
  const list = /^(focusPoints|tasks)\.\d+$/.exec(field);
  if (list) return FIELD_LABELS[list[1]!]!;
  return FIELD_LABELS[field] ?? field;
}

/** One Danish line per problem, e.g. "Mål 1, målet: mangler; skriv målet eller fjern det". */
export function describePlanProblems(problems: readonly FieldProblem[]): string[] {
  return problems.map((p) => `${planFieldLabel(p.field)}: ${p.message}`);
}
