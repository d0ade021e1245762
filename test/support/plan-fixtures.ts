import { decide } from '../../rules/decide.js';
import type { Facts } from '../../rules/facts.js';
import { LEVEL2_FACTS, PREVENTIVE_FACTS } from './rule-facts.js';
import type { NewCase } from '../../bot/storage/cases.js';
import { formFromSubmission, formToPlanInput } from '../../bot/plan/plan-form.js';
import { describePlanProblems, parsePlanInput } from '../../bot/plan/schema.js';
import { emptyReviewForm } from '../../bot/plan/review-form.js';
import { planCard } from '../../cards/plan-card.js';
import { latestProgress, planReviewCard } from '../../cards/plan-review-card.js';
import type { Locale } from '../../cards/locale.js';
import { durationFromDecision, measureLabel } from '../../bot/plan/labels.js';
import { PLAN_SAYS } from '../../bot/plan/plan-flow.js';

/** Cases whose decision comes from the real rules, so plans and reviews meet real due dates. */

export { LEVEL2_FACTS, PREVENTIVE_FACTS };

let n = 0;

export function caseFromRules(facts: Facts, overrides: Partial<NewCase> = {}): NewCase {
  const recommended = decide(facts);
  if (recommended.outcome === 'needs-information') throw new Error(`fixture facts are incomplete: ${recommended.missing.join(', ')}`);
  n += 1;
  return {
    reference: `PLAN-2026-${String(n).padStart(4, '0')}-${process.pid}`,
    childPseudonym: 'KB',
    teamId: 'team-familie',
    channel: null,
    caseworkerName: 'Sagsbehandler To',
    facts,
    decision: { recommended, chosenOutcome: recommended.outcome, chosenVariant: recommended.variant },
    ...overrides,
  };
}

/** What Teams sends when the plan card is filled in: flat strings, multi-selects joined by commas. */
export function planCardSubmission(caseId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    verb: 'plan.save',
    caseId,
    baseVersion: '0',
    goalIds: ',,,,',
    purpose: 'Forældrene får faste rammer om hverdagen og læser barnets signaler.',
    durationValue: '40',
    durationUnit: 'weeks',
    goal1Text: 'Faste sovetider, der holder',
    goal1Sign: 'Barnet sover til kl. 6 fem nætter om ugen',
    goal1Agreed: 'true',
    goal2Text: 'Mere leg på gulvet',
    goal2Sign: 'Forældrene leger med barnet hver dag',
    goal2Agreed: 'false',
    focusPoints: 'interaction,learning-environment',
    tasks_relations: 'relations-4',
    tasks_wellbeing: 'wellbeing-4,wellbeing-5',
    tasks_daycare: '',
    referralSource: 'health-visitor',
    daycareDate: '2026-08-01',
    daycareKind: 'nursery',
    visitationSocial: 'true',
    contactRole: 'housing-support',
    ...overrides,
  };
}

export const caseId = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
export const goalIds = ['6ba7b810-9dad-41d1-80b4-00c04fd430c8', '6ba7b811-9dad-41d1-80b4-00c04fd430c8'];

/** A saved preventive plan as its card shows it. */
export const samplePlanCard = (locale: Locale = 'da') =>
  planCard({
    locale,
    caseId,
    reference: '2026-001234',
    outcomeLabel: measureLabel('preventive', null, locale),
    preventive: true,
    showDaycare: true,
    form: formFromSubmission(planCardSubmission(caseId, { baseVersion: '1', goalIds: goalIds.join(',') + ',,,' })),
    version: 1,
    durationHint: durationFromDecision({ scope: { maxWeeks: 40 }, reviews: [{ kind: 'course-end', due: '2026-10-12', passage: 'hpi.4.varighed', text: 'Forløbet slutter.' }] }, locale).hint,
    saved: PLAN_SAYS.saved[locale].replace('{version}', '1'),
  });

/**
 * A preventive plan refused as the schema words it: every goal empty, the purpose too long, a duration over
 * the model's 40 weeks and a CPR-like number, each line in the card's language.
 */
export const refusedPlanCard = (locale: Locale = 'da') => {
  const submitted = planCardSubmission(caseId, { goal1Text: '', goal1Sign: '', goal2Text: '', goal2Sign: '', purpose: `Se 010203-1234 ${'x'.repeat(1000)}`, durationValue: '41' });
  const parsed = parsePlanInput(formToPlanInput(formFromSubmission(submitted)), { preventive: true, preventiveMaxWeeks: 40 });
  if (parsed.ok) throw new Error('the refused plan fixture was accepted');
  return planCard({
    locale,
    caseId,
    reference: '2026-001234',
    outcomeLabel: measureLabel('preventive', null, locale),
    preventive: true,
    showDaycare: true,
    form: formFromSubmission(submitted),
    version: 0,
    durationHint: durationFromDecision({ scope: { maxWeeks: 40 }, reviews: [{ kind: 'course-end', due: '2026-10-12', passage: 'hpi.4.varighed', text: 'Forløbet slutter.' }] }, locale).hint,
    problems: describePlanProblems(parsed.problems, locale),
  });
};

export const reviewBase = {
  locale: 'da' as Locale,
  caseId,
  reference: '2026-001234',
  outcomeLabel: 'Niveau 2: intensiv praktisk pædagogisk støtte',
  preventive: false,
  askAge: false,
  planVersion: 1,
  decisionId: '0f8fad5b-d9cb-469f-a165-70867728950e',
  reviewId: '9b2d6c1a-3e4f-4a5b-8c7d-2e1f0a9b8c7d',
  goals: [
    { text: 'Faste sovetider, der holder', sign: 'Barnet sover til kl. 6 fem nætter om ugen', latest: latestProgress('some', '2026-04-10', 'da') },
    { text: 'Mere leg på gulvet', sign: 'Forældrene leger med barnet hver dag', latest: null },
  ],
  due: { date: '2026-07-10', text: 'Bevillingen gælder 3 måneder ad gangen: har indsatsen tilstrækkelig effekt?', passage: 'pps.omfang.2' },
};
/** The goals as an English-speaking caseworker wrote them (what is typed is shown as typed). */
const englishGoals = [
  { text: 'Regular bedtimes that hold', sign: 'The child sleeps until 6 am five nights a week', latest: latestProgress('some', '2026-04-10', 'en') },
  { text: 'More play on the floor', sign: 'The parents play with the child every day', latest: null },
];

/** A level-2 review card with one earlier review. */
export const sampleReviewCard = (locale: Locale = 'da') =>
  planReviewCard({
    ...reviewBase,
    locale,
    outcomeLabel: measureLabel('level2', null, locale),
    ...(locale === 'en' ? { goals: englishGoals } : {}),
    form: emptyReviewForm(2, '2026-07-08'),
  });

