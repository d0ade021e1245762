import { passageById } from '../rules/passages/index.js';
import { FOCUS_POINTS, TASK_GROUPS, TASK_GROUPS_INTRO } from '../rules/task-groups.js';
import { CONTACT_ROLES, MAX_GOALS, REFERRAL_SOURCES, VISITATION_SOCIAL_PASSAGE, type ReferralSource } from '../bot/plan/model.js';
import { goalInputIds, taskInputId, type PlanForm } from '../bot/plan/plan-form.js';
import { wordsTable, type Locale, type Localized } from './locale.js';
import { CONTACT_ROLE_TEXT, quoted, REFERRAL_TEXT } from './plan-text.js';
import { expand, type CardJson } from './template.js';
import { wellbeingFields } from './wellbeing-fields.js';
import { childPlanFields, type ChildPlanFieldsData } from './child-plan-fields.js';
import type { WellbeingArea } from '../rules/parameters/schema.js';
import type { WellbeingFormRow } from '../bot/plan/wellbeing-form.js';
import template from './templates/plan.json' with { type: 'json' };

/**
 * The plan card: a form prefilled from the saved plan (or the decision's scope for a new one), shown
 * again with the person's own values and the problems when a save is refused. The model's focus
 * points and tasks are listed in its own words, each with its passage id. The tasks are the
 * standard's Danish text, so an English card quotes them as quotations.
 */

/** The card's own words; bound as `s` so the template holds no language. */
const PLAN_TEXT = {
  problems: { da: 'Planen er ikke gemt. Ret dette og gem igen – det, du har skrevet, står der stadig:', en: 'The plan was not saved. Correct this and save again – what you wrote is still there:' },
  purpose: { da: 'Formål med indsatsen (med dine egne ord)', en: 'Purpose of the support (in your own words)' },
  purposeMissing: { da: 'Skriv formålet med indsatsen.', en: 'Write the purpose of the support.' },
  purposePlaceholder: { da: 'Hvad skal støtten føre til for barnet og familien?', en: 'What should the support lead to for the child and the family?' },
  duration: { da: 'Forventet varighed', en: 'Expected duration' },
  durationMissing: { da: 'Angiv en varighed på mindst 1.', en: 'Give a duration of at least 1.' },
  unit: { da: 'Enhed', en: 'Unit' },
  weeks: { da: 'uger', en: 'weeks' },
  months: { da: 'måneder', en: 'months' },
  goals: { da: 'Mål (1–5), sat sammen med forældrene', en: 'Goals (1–5), set together with the parents' },
  goal: { da: 'Mål', en: 'Goal' },
  goalText: { da: 'Målet', en: 'The goal' },
  goalPlaceholder: { da: 'Fx: faste sovetider, der holder', en: 'E.g. regular bedtimes that hold' },
  sign: { da: 'Sådan ser vi fremskridt', en: 'How we see progress' },
  signPlaceholder: { da: 'Fx: barnet sover til kl. 6 fem nætter om ugen', en: 'E.g. the child sleeps until 6 am five nights a week' },
  agreed: { da: 'Aftalt med forældrene', en: 'Agreed with the parents' },
  moreGoals: { da: 'Vis flere mål', en: 'Show more goals' },
  focus: { da: 'Fokuspunkter (modellens underformål)', en: "Focus points (the model's sub-purposes)" },
  focusLabel: { da: 'Indsatsen har fokus på', en: 'The support focuses on' },
  passage: { da: 'Afsnit i standarden', en: 'Passage in the standard' },
  tasks: { da: 'Arbejdsopgaver', en: 'Tasks' },
  referral: { da: 'Henvist af', en: 'Referred by' },
  referralMissing: { da: 'Vælg hvem der henviste familien.', en: 'Choose who referred the family.' },
  referralNote: { da: 'Hvis »Andet«: hvem (rolle eller sted, ikke navn)', en: 'If »Other«: who (role or place, not a name)' },
  choose: { da: 'Vælg', en: 'Choose' },
  daycareDate: { da: 'Planlagt start i dagtilbud', en: 'Planned start in daycare' },
  daycare: { da: 'Dagtilbud', en: 'Daycare' },
  nursery: { da: 'Vuggestue', en: 'Nursery' },
  kindergarten: { da: 'Børnehave', en: 'Kindergarten' },
  visitation: { da: 'Får forældrene støtte fra Visitation Social?', en: 'Do the parents get support from Visitation Social?' },
  yesNoMissing: { da: 'Svar ja eller nej.', en: 'Answer yes or no.' },
  no: { da: 'Nej', en: 'No' },
  yes: { da: 'Ja', en: 'Yes' },
  contactRole: { da: 'Hvis ja: kontaktpersonens rolle (ikke navn)', en: "If yes: the contact person's role (not a name)" },
  chooseRole: { da: 'Vælg rolle', en: 'Choose a role' },
  startReview: { da: 'Start gennemgang', en: 'Start review' },
  saveChanges: { da: 'Gem ændringer', en: 'Save changes' },
  savePlan: { da: 'Gem plan', en: 'Save plan' },
  heading: { da: 'Plan for sag', en: 'Plan for case' },
  fallback: { da: 'formål, mål og fokus. Åbn kortet i Teams for at se og rette planen.', en: 'purpose, goals and focus. Open the card in Teams to see and edit the plan.' },
  newPlan: { da: 'ny plan', en: 'new plan' },
} satisfies Record<string, Localized>;

const wordsFor = wordsTable(PLAN_TEXT);

export interface PlanCardData {
  locale: Locale;
  caseId: string;
  reference: string;
  /** e.g. "Hjemmepædagogisk indsats" or "Niveau 2: intensiv praktisk pædagogisk støtte". */
  outcomeLabel: string;
  preventive: boolean;
  /** Young children: ask for the planned start in nursery or kindergarten. */
  showDaycare: boolean;
  /** The "Henvist af" choices that fit the child's age (bot/plan/referral-fit.ts); all when not given. */
  referralSources?: readonly ReferralSource[];
  form: PlanForm;
  /** The saved version the form was filled from; 0 for a plan not yet saved. */
  version: number;
  /** Where the prefilled duration comes from, e.g. "Forudfyldt fra afgørelsen: højst 40 uger (hpi.4.varighed)". */
  durationHint: string;
  /** A confirmation line after a save. */
  saved?: string | null;
  /** Danish lines, one per problem, when a save was refused. */
  problems?: readonly string[];
  /** The first plan only: the wellbeing at intake, with what was typed; no wellbeing fields when absent. */
  wellbeing?: { areas: readonly WellbeingArea[]; form: readonly WellbeingFormRow[] };
  /** Support under § 32: barnets plan's stance and day (Barnets lov § 91); no such fields when absent. */
  childPlan?: ChildPlanFieldsData;
}

const passageText = (id: string) => passageById(id)?.text ?? id;

export function planCard(data: PlanCardData): CardJson {
  const { locale } = data;
  const s = wordsFor(locale);
  const en = locale === 'en';
  const filled = data.form.goals.filter((g) => g.text || g.sign).length;
  const visibleCount = Math.min(MAX_GOALS, Math.max(1, filled + 1));
  // An empty slot binds no value (null leaves no trace), and a toggle's values are the defaults: the
  // form is sent in full on every save and stays within the cards' 12 KB.
  const goals = data.form.goals.slice(0, MAX_GOALS).map((g, i) => {
    const ids = goalInputIds(i + 1);
    // The examples are shown once, in the first slot: the hidden slots ask the same thing.
    const example = i === 0;
    return {
      number: i + 1, containerId: `goalSlot${i + 1}`, visible: i < visibleCount, textId: ids.text, signId: ids.sign, agreedId: ids.agreed,
      text: g.text || null, sign: g.sign || null, agreed: g.agreed ? 'true' : null,
      goalPlaceholder: example ? s.goalPlaceholder : null, signPlaceholder: example ? s.signPlaceholder : null,
    };
  });
  const bound = {
    caseId: data.caseId,
    s,
    heading: `${s.heading} ${data.reference}`,
    fallbackText: `${s.heading} ${data.reference}: ${s.fallback}`,
    subheading: data.version > 0 ? `${data.outcomeLabel} · version ${data.version}` : `${data.outcomeLabel} · ${s.newPlan}`,
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
    focusChoices: FOCUS_POINTS.map((f) => ({ title: en ? f.labelEn : f.label, value: f.id })),
    focusPassage: FOCUS_POINTS[0]?.passage ?? '',
    tasksIntro: TASK_GROUPS_INTRO,
    taskGroups: TASK_GROUPS.map((g) => ({
      inputId: taskInputId(g.id),
      title: en ? g.titleEn : g.title,
      value: (data.form.tasks[g.id] ?? []).join(','),
      choices: g.tasks.map((t) => ({ title: `${quoted(passageText(t.passage), locale)} (${t.passage})`, value: t.id })),
    })),
    referralSource: data.form.referralSource || null,
    referralNote: data.form.referralNote,
    referralChoices: (data.referralSources ?? REFERRAL_SOURCES).map((r) => ({ title: REFERRAL_TEXT[r][locale], value: r })),
    showDaycare: data.showDaycare,
    daycareDate: data.form.daycareDate || null,
    daycareKind: data.form.daycareKind || null,
    visitationSocial: data.form.visitationSocial || null,
    contactRole: data.form.contactRole || null,
    roleChoices: CONTACT_ROLES.map((r) => ({ title: CONTACT_ROLE_TEXT[r][locale], value: r })),
    visitationPassage: `${quoted(passageText(VISITATION_SOCIAL_PASSAGE), locale)} (${VISITATION_SOCIAL_PASSAGE})`,
    baseVersion: String(data.version),
    saveTitle: data.version > 0 ? s.saveChanges : s.savePlan,
    wellbeing: data.wellbeing ? wellbeingFields(data.wellbeing.areas, data.wellbeing.form, locale) : null,
    childPlan: data.childPlan ? childPlanFields(data.childPlan, locale) : null,
  };
  return expand(template, bound);
}
