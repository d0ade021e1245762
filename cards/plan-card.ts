import { passageById } from '../rules/passages/index.js';
import { FOCUS_POINTS, TASK_GROUPS, TASK_GROUPS_INTRO } from '../rules/task-groups.js';
import { CONTACT_ROLE_LABEL, CONTACT_ROLES, MAX_GOALS, REFERRAL_LABEL, REFERRAL_SOURCES, VISITATION_SOCIAL_PASSAGE } from '../bot/plan/model.js';
import { goalInputIds, taskInputId, type PlanForm } from '../bot/plan/plan-form.js';
import { expand, type CardJson } from './template.js';
import template from './templates/plan.json' with { type: 'json' };

/**
 * The plan card: a form prefilled from the saved plan (or the decision's scope for a new one), shown
 * again with the person's own values and the problems when a save is refused. The model's focus
 * points and tasks are listed in its own words, each with its passage id.
 */

export interface PlanCardData {
  caseId: string;
  reference: string;
  /** e.g. "Hjemmepædagogisk indsats" or "Niveau 2: intensiv praktisk pædagogisk støtte". */
  outcomeLabel: string;
  preventive: boolean;
  /** Young children: ask for the planned start in nursery or kindergarten. */
  showDaycare: boolean;
  form: PlanForm;
  /** The saved version the form was filled from; 0 for a plan not yet saved. */
  version: number;
  /** Where the prefilled duration comes from, e.g. "Forudfyldt fra afgørelsen: højst 40 uger (hpi.4.varighed)". */
  durationHint: string;
  /** A confirmation line after a save. */
  saved?: string | null;
  /** Danish lines, one per problem, when a save was refused. */
  problems?: readonly string[];
}

const passageText = (id: string) => passageById(id)?.text ?? id;

export function planCard(data: PlanCardData): CardJson {
  const filled = data.form.goals.filter((g) => g.text || g.sign).length;
  const visibleCount = Math.min(MAX_GOALS, Math.max(1, filled + 1));
  const goals = data.form.goals.slice(0, MAX_GOALS).map((g, i) => {
    const ids = goalInputIds(i + 1);
    return { number: i + 1, containerId: `goalSlot${i + 1}`, visible: i < visibleCount, textId: ids.text, signId: ids.sign, agreedId: ids.agreed, text: g.text, sign: g.sign, agreed: g.agreed ? 'true' : 'false' };
  });
  const bound = {
    caseId: data.caseId,
    heading: `Plan for sag ${data.reference}`,
    fallbackText: `Plan for sag ${data.reference}: formål, mål og fokus. Åbn kortet i Teams for at se og rette planen.`,
    subheading: data.version > 0 ? `${data.outcomeLabel} · version ${data.version}` : `${data.outcomeLabel} · ny plan`,
    saved: data.saved ?? null,
    problems: data.problems ?? [],
    purpose: data.form.purpose,
    durationValue: data.form.durationValue === '' ? null : Number(data.form.durationValue) || null,
    durationUnit: data.form.durationUnit,
    durationHint: data.durationHint,
    goals,
    hiddenGoalIds: goals.filter((g) => !g.visible).map((g) => g.containerId),
    goalIdsJoined: data.form.goals.map((g) => g.id).join(','),
    preventive: data.preventive,
    focusValue: data.form.focusPoints.join(','),
    focusChoices: FOCUS_POINTS.map((f) => ({ title: f.label, value: f.id })),
    focusPassage: FOCUS_POINTS[0]?.passage ?? '',
    tasksIntro: TASK_GROUPS_INTRO,
    taskGroups: TASK_GROUPS.map((g) => ({
      inputId: taskInputId(g.id),
      title: g.title,
      value: (data.form.tasks[g.id] ?? []).join(','),
      choices: g.tasks.map((t) => ({ title: `${passageText(t.passage)} (${t.passage})`, value: t.id })),
    })),
    referralSource: data.form.referralSource || null,
    referralNote: data.form.referralNote,
    referralChoices: REFERRAL_SOURCES.map((s) => ({ title: REFERRAL_LABEL[s], value: s })),
    showDaycare: data.showDaycare,
    daycareDate: data.form.daycareDate || null,
    daycareKind: data.form.daycareKind || null,
    visitationSocial: data.form.visitationSocial || null,
    contactRole: data.form.contactRole || null,
    roleChoices: CONTACT_ROLES.map((r) => ({ title: CONTACT_ROLE_LABEL[r], value: r })),
    visitationPassage: `${passageText(VISITATION_SOCIAL_PASSAGE)} (${VISITATION_SOCIAL_PASSAGE})`,
    baseVersion: String(data.version),
    saveTitle: data.version > 0 ? 'Gem ændringer' : 'Gem plan',
  };
  return expand(template, bound);
}
