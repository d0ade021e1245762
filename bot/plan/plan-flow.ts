import type { BoundRules } from '../../rules/bind.js';
import { planCard } from '../../cards/plan-card.js';
import type { ReminderHooks } from '../reminders/hooks.js';
import type { CaseWithDecision } from '../storage/cases.js';
import { StorageInputError } from '../storage/input-errors.js';
import type { LoadedStandard } from '../standards/standard-ref.js';
import type { CaseStandards } from '../standards/case-standards.js';
import { measureNames, type MeasureNames } from '../../cards/outcome-text.js';
import type { Storage } from '../storage/storage.js';
import type { TenantScope } from '../storage/scope.js';
import { worded, type Locale, type Localized } from '../../cards/locale.js';
import { durationFromDecision, measureLabel, OVERRIDDEN_PERIOD } from './labels.js';
import { emptyPlanForm, formFromSubmission, formToPlanInput, fromInterview, planToForm, type PlanForm } from './plan-form.js';
import { referralSourcesFor } from './referral-fit.js';
import type { PlanVersion } from './model.js';
import { describePlanProblems, parsePlanInput } from './schema.js';
import type { WellbeingArea } from '../../rules/parameters/schema.js';
import { recordAssessmentIn } from '../storage/wellbeing.js';
import { emptyWellbeingForm, wellbeingFormFromSubmission, wellbeingFromForm, type WellbeingFormRow } from './wellbeing-form.js';
import { childPlanAnchor, childPlanFormFromSubmission, childPlanSaid, childPlanToForm, parseChildPlanForm, takesChildPlan, type ChildPlanForm } from './child-plan-form.js';
import type { ChildPlanRecord } from '../storage/child-plans.js';

/**
 * The plan card's round trip, free of Teams: build the card for a case, and turn a submitted card
 * into a saved plan version or the same card with Danish problems and the person's own values.
 */

export type Card = Record<string, unknown>;

export interface PlanDeps {
  storage: Storage;
  /** The reader's language (Danish when not given): the cards and every line of refusal. */
  locale?: Locale;
  /** The tenant's rules, bound to its parameter set; they decide under `standard`. */
  rules: BoundRules;
  /** The tenant's standard in force: a review that decides again is recorded under it. */
  standard?: LoadedStandard;
  /** The standard a case was decided under (its measures' names on the cards); absent, the seed's names. */
  standardsOf?: (scope: TenantScope, c: CaseWithDecision) => Promise<CaseStandards>;
  /** Today in the municipality, YYYY-MM-DD (the review card's default date). */
  today: () => string;
  /** Told of each review held, in its transaction, so the case's reminders follow it; absent where reminders are off. */
  reminders?: Pick<ReminderHooks, 'reviewHeld'>;
  /** The person's display name and the turn's clock, for the reminder cards a review marks done. */
  userName?: string;
  clock?: () => Date;
}

/** The names the case's standard gives its measures, as the plan and review cards show them. */
export async function namesOf(deps: PlanDeps, scope: TenantScope, c: CaseWithDecision): Promise<MeasureNames> {
  return deps.standardsOf ? measureNames((await deps.standardsOf(scope, c)).decidedUnder.standard) : {};
}

/** The tenant's own areas, from its bound figures. */
export const wellbeingAreasOf = (deps: PlanDeps): readonly WellbeingArea[] => deps.rules.wellbeingAreas;

export function isPreventive(c: CaseWithDecision): boolean {
  return c.decision.chosenOutcome === 'preventive';
}

/** Young children: the plan asks for the planned start in nursery or kindergarten. */
function showDaycare(c: CaseWithDecision, rules: BoundRules): boolean {
  const start = c.decision.recommended.startDate;
  const age = rules.ageAt(c.facts, start);
  return isPreventive(c) || age === null || (typeof age === 'number' && rules.asksDaycare(age, start)) || c.facts.child?.latePregnancy === true;
}

/**
 * The duration prefill comes from the decision's scope, which the rules computed for their own
 * recommendation: after an override it describes another measure, so nothing is prefilled.
 */
function durationFor(c: CaseWithDecision, locale: Locale): ReturnType<typeof durationFromDecision> {
  if (c.decision.overridden) return { duration: null, hint: OVERRIDDEN_PERIOD[locale] };
  return durationFromDecision(c.decision.recommended, locale);
}

/**
 * The wellbeing at intake is asked on the first plan, not in the interview: the interview is about
 * the decision and stays short, while the plan is where the caseworker describes the child. Once the
 * plan is saved the fields go; later scores belong to the reviews.
 */
function cardFor(
  rules: BoundRules,
  locale: Locale,
  c: CaseWithDecision,
  form: PlanForm,
  version: number,
  extra: {
    saved?: string;
    problems?: string[];
    wellbeing?: { areas: readonly WellbeingArea[]; form: readonly WellbeingFormRow[] };
    childPlan?: { form: ChildPlanForm; record: ChildPlanRecord | null };
    names?: MeasureNames;
  } = {},
): Card {
  const { wellbeing, childPlan, names, ...rest } = extra;
  // Support under § 32 only; a "yes" standing shows its own deadline, else the one the decision gives.
  const childPlanFields = takesChildPlan(c)
    ? { form: childPlan?.form ?? childPlanToForm(null), due: (childPlan?.record?.stance === 'yes' && childPlan.record.due) || childPlanAnchor(c, rules).due }
    : undefined;
  return planCard({
    locale,
    caseId: c.caseId,
    reference: c.reference,
    outcomeLabel: measureLabel(c.decision.chosenOutcome, c.decision.chosenVariant, locale, names),
    preventive: isPreventive(c),
    showDaycare: showDaycare(c, rules),
    referralSources: referralSourcesFor(c.facts.child, showDaycare(c, rules), form.referralSource),
    form,
    version,
    durationHint: durationFor(c, locale).hint,
    ...rest,
    ...(version === 0 && wellbeing ? { wellbeing } : {}),
    ...(childPlanFields ? { childPlan: childPlanFields } : {}),
  });
}

/** The plan card of a case: the plan in force for editing, or a new plan prefilled from the decision. */
export async function planCardForCase(deps: PlanDeps, scope: TenantScope, c: CaseWithDecision, intro?: string): Promise<Card> {
  const plan: PlanVersion | null = await deps.storage.plans.current(scope, c.caseId);
  const locale = deps.locale ?? 'da';
  const names = await namesOf(deps, scope, c);
  const record = takesChildPlan(c) ? await deps.storage.childPlans.current(scope, c.caseId) : null;
  const childPlan = { form: childPlanToForm(record), record };
  if (plan) return cardFor(deps.rules, locale, c, planToForm(plan), plan.version, { ...(intro ? { saved: intro } : {}), childPlan, names });
  return firstPlanCard(c, deps.rules, intro, locale, names, childPlan);
}

/**
 * The card for a case's first plan, e.g. right after the case is created: nothing to read.
 * `names`: the names of the standard the case was decided under (see namesOf).
 */
export function firstPlanCard(
  c: CaseWithDecision,
  rules: BoundRules,
  intro?: string,
  locale: Locale = 'da',
  names: MeasureNames = {},
  childPlan?: { form: ChildPlanForm; record: ChildPlanRecord | null },
): Card {
  const areas = rules.wellbeingAreas;
  const wellbeing = { areas, form: emptyWellbeingForm(areas) };
  return cardFor(rules, locale, c, fromInterview(emptyPlanForm(durationFor(c, locale).duration), c.facts), 0, {
    ...(intro ? { saved: intro } : {}),
    wellbeing,
    names,
    ...(childPlan ? { childPlan } : {}),
  });
}

/** The measures a plan is written for; an underretning or no measure has none. */
export function takesPlan(c: CaseWithDecision): boolean {
  return ['preventive', 'level1', 'level2', 'level3'].includes(c.decision.chosenOutcome);
}

/** What the plan's round trip says outside the card's own words. */
export const PLAN_SAYS = {
  caseGone: {
    da: 'Sagen findes ikke (længere), eller du har ikke adgang til den. Søg den frem igen med sagsnummeret.',
    en: 'The case does not exist (any more), or you have no access to it. Look it up again with the case reference.',
  },
  noChanges: { da: 'Der var ingen ændringer at gemme.', en: 'There were no changes to save.' },
  saved: { da: 'Planen er gemt (version {version}).', en: 'The plan is saved (version {version}).' },
} satisfies Record<string, Localized>;

/** A submitted plan card: saved as a new version, or shown again with what to fix. */
export async function savePlanFromCard(deps: PlanDeps, scope: TenantScope, data: Record<string, unknown>): Promise<Card | { error: string }> {
  const caseId = typeof data.caseId === 'string' ? data.caseId : '';
  const c = await deps.storage.cases.get(scope, caseId);
  const locale = deps.locale ?? 'da';
  if (!c) return { error: PLAN_SAYS.caseGone[locale] };
  const form = formFromSubmission(data);
  const baseVersion = Number(data.baseVersion ?? 0) || 0;
  const areas = wellbeingAreasOf(deps);
  const wellbeing = { areas, form: wellbeingFormFromSubmission(data, areas) };
  const names = await namesOf(deps, scope, c);
  const childPlanForm = childPlanFormFromSubmission(data);
  const standingChildPlan = takesChildPlan(c) ? await deps.storage.childPlans.current(scope, c.caseId) : null;
  const refuse = (problems: string[]) => cardFor(deps.rules, locale, c, form, baseVersion, { problems, wellbeing, childPlan: { form: childPlanForm, record: standingChildPlan }, names });
  const parsed = parsePlanInput(formToPlanInput(form), { preventive: isPreventive(c), preventiveMaxWeeks: deps.rules.figures(c.decision.recommended.startDate)['preventive.maxWeeks'] });
  // Only the first plan carries the intake scores; a later version's card has no such fields. They
  // describe the child as the case was taken in, so they are dated by the decision's start, which
  // also keeps them before every review in the course.
  const intake = baseVersion === 0 ? wellbeingFromForm(wellbeing.form, areas, { occasion: 'intake' }, c.decision.recommended.startDate, locale) : ({ ok: true, value: null } as const);
  // Barnets plan's fields are on the card for support under § 32 only; anything sent otherwise is ignored.
  const stance = takesChildPlan(c) ? parseChildPlanForm(childPlanForm, deps.today(), locale) : ({ ok: true, value: null } as const);
  const problems = [...(parsed.ok ? [] : describePlanProblems(parsed.problems, locale)), ...(intake.ok ? [] : intake.problems), ...(stance.ok ? [] : stance.problems)];
  if (!parsed.ok || !intake.ok || !stance.ok) return refuse(problems);
  const assessment = intake.value;
  try {
    // The plan, its intake scores and barnets plan's stance are stored together, or none of them; a repeated save records no second assessment.
    const { plan, written, repeated, childPlan } = await deps.storage.atomically(async (storage) => {
      const result = await storage.plans.save(scope, c.caseId, parsed.value, baseVersion);
      if (assessment && result.written) await recordAssessmentIn(storage.db, scope, c.caseId, assessment, areas.map((a) => a.id), (deps.clock ?? (() => new Date()))());
      const childPlan = stance.value ? await storage.childPlans.record(scope, c.caseId, stance.value, childPlanAnchor(c, deps.rules)) : null;
      return { ...result, childPlan };
    });
    const record = childPlan?.record ?? standingChildPlan;
    const planSaved = written || repeated ? PLAN_SAYS.saved[locale].replace('{version}', String(plan.version)) : null;
    const childPlanSaved = childPlan?.written ? childPlanSaid(childPlan.record, locale) : null;
    const saved = [planSaved, childPlanSaved].filter(Boolean).join(' ') || PLAN_SAYS.noChanges[locale];
    return cardFor(deps.rules, locale, c, planToForm(plan), plan.version, { saved, childPlan: { form: childPlanToForm(record), record }, names });
  } catch (error) {
    if (error instanceof StorageInputError) return refuse([worded(error.userMessage, error.userMessageEn, locale)]);
    throw error;
  }
}
