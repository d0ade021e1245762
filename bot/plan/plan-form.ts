import { z } from 'zod';
import type { Facts } from '../../rules/facts.js';
import { TASK_GROUPS } from '../../rules/task-groups.js';
import { MAX_GOALS, type DurationUnit, type PlanContent } from './model.js';

/**
 * The plan card's fields as the card holds them: flat strings, one slot per possible goal. A refused
 * submission is shown again from these values, so nothing the person typed is lost; a saved plan is
 * turned into them to prefill the card for editing.
 */

export interface GoalSlot {
  /** Empty for a goal not yet saved. */
  id: string;
  text: string;
  sign: string;
  agreed: boolean;
}

export interface PlanForm {
  purpose: string;
  durationValue: string;
  durationUnit: DurationUnit;
  goals: GoalSlot[];
  focusPoints: string[];
  /** Chosen tasks per task group id. */
  tasks: Record<string, string[]>;
  referralSource: string;
  referralNote: string;
  daycareDate: string;
  daycareKind: string;
  visitationSocial: '' | 'true' | 'false';
  contactRole: string;
}

export const taskInputId = (groupId: string) => `tasks_${groupId}`;
export const goalInputIds = (n: number) => ({ text: `goal${n}Text`, sign: `goal${n}Sign`, agreed: `goal${n}Agreed` });

const emptySlot = (): GoalSlot => ({ id: '', text: '', sign: '', agreed: false });

export function emptyPlanForm(duration: { value: number; unit: DurationUnit } | null): PlanForm {
  return {
    purpose: '',
    durationValue: duration ? String(duration.value) : '',
    durationUnit: duration?.unit ?? 'months',
    goals: Array.from({ length: MAX_GOALS }, emptySlot),
    focusPoints: [],
    tasks: {},
    referralSource: '',
    referralNote: '',
    daycareDate: '',
    daycareKind: '',
    visitationSocial: '',
    contactRole: '',
  };
}

/** A new plan starts from what the interview already asked, so the caseworker does not answer it twice. */
export function fromInterview(form: PlanForm, facts: Partial<Facts>): PlanForm {
  const receives = facts.receivesVisitationSocial;
  return { ...form, visitationSocial: receives === true ? 'true' : receives === false ? 'false' : form.visitationSocial };
}

export function planToForm(plan: PlanContent): PlanForm {
  const goals = plan.goals.map((g) => ({ id: g.id, text: g.text, sign: g.progressSign, agreed: g.agreedWithParents }));
  while (goals.length < MAX_GOALS) goals.push(emptySlot());
  return {
    purpose: plan.purpose,
    durationValue: String(plan.expectedDuration.value),
    durationUnit: plan.expectedDuration.unit,
    goals,
    focusPoints: [...plan.focusPoints],
    tasks: Object.fromEntries(TASK_GROUPS.map((g) => [g.id, plan.tasks.filter((t) => g.tasks.some((x) => x.id === t))])),
    referralSource: plan.referralSource,
    referralNote: plan.referralNote ?? '',
    daycareDate: plan.daycareStart?.date ?? '',
    daycareKind: plan.daycareStart?.kind ?? '',
    visitationSocial: plan.visitationSocial.receives ? 'true' : 'false',
    contactRole: plan.visitationSocial.receives ? plan.visitationSocial.contactRole : '',
  };
}

// What a card may send: strings (Teams sends most inputs as strings), a number from Input.Number on
// some clients. Anything else is dropped to '' rather than trusted.
const Loose = z.union([z.string(), z.number(), z.boolean()]).transform(String).catch('');
const looseOf = (data: Record<string, unknown>, key: string): string => Loose.parse(data[key] ?? '').trim();
const listOf = (value: string): string[] => value.split(',').map((s) => s.trim()).filter(Boolean);

/** The card's submitted values, whatever they are, as a form; `goalIds` is the action data's "id,id,,". */
export function formFromSubmission(data: Record<string, unknown>): PlanForm {
  const ids = looseOf(data, 'goalIds').split(',');
  const goals = Array.from({ length: MAX_GOALS }, (_, i): GoalSlot => {
    const n = goalInputIds(i + 1);
    return { id: (ids[i] ?? '').trim(), text: looseOf(data, n.text), sign: looseOf(data, n.sign), agreed: looseOf(data, n.agreed) === 'true' };
  });
  const vs = looseOf(data, 'visitationSocial');
  const unit = looseOf(data, 'durationUnit');
  return {
    purpose: looseOf(data, 'purpose'),
    durationValue: looseOf(data, 'durationValue'),
    durationUnit: unit === 'weeks' ? 'weeks' : 'months',
    goals,
    focusPoints: listOf(looseOf(data, 'focusPoints')),
    tasks: Object.fromEntries(TASK_GROUPS.map((g) => [g.id, listOf(looseOf(data, taskInputId(g.id)))])),
    referralSource: looseOf(data, 'referralSource'),
    referralNote: looseOf(data, 'referralNote'),
    daycareDate: looseOf(data, 'daycareDate'),
    daycareKind: looseOf(data, 'daycareKind'),
    visitationSocial: vs === 'true' || vs === 'false' ? vs : '',
    contactRole: looseOf(data, 'contactRole'),
  };
}

/**
 * The form as plan input for the parser. A goal slot left wholly blank is no goal; a half-filled one
 * is passed on so the parser can say what is missing. Blank choices become absent, so the parser's
 * "missing" messages apply.
 */
export function formToPlanInput(form: PlanForm): Record<string, unknown> {
  const value = form.durationValue === '' ? undefined : Number(form.durationValue);
  const daycare = form.daycareDate || form.daycareKind ? { date: form.daycareDate || undefined, kind: form.daycareKind || undefined } : undefined;
  return {
    purpose: form.purpose,
    expectedDuration: { value: Number.isNaN(value) ? form.durationValue : value, unit: form.durationUnit },
    goals: form.goals
      .filter((g) => g.text !== '' || g.sign !== '')
      .map((g) => ({ ...(g.id ? { id: g.id } : {}), text: g.text, agreedWithParents: g.agreed, progressSign: g.sign })),
    focusPoints: form.focusPoints,
    tasks: TASK_GROUPS.flatMap((g) => form.tasks[g.id] ?? []),
    referralSource: form.referralSource || undefined,
    ...(form.referralNote ? { referralNote: form.referralNote } : {}),
    ...(daycare ? { daycareStart: daycare } : {}),
    visitationSocial: {
      receives: form.visitationSocial === '' ? undefined : form.visitationSocial === 'true',
      ...(form.contactRole ? { contactRole: form.contactRole } : {}),
    },
  };
}
