import { VERBS } from '../../cards/verbs.js';
import type { Locale } from '../../cards/locale.js';
import { PLAN_SAYS, planCardForCase, savePlanFromCard, type Card, type PlanDeps } from '../plan/plan-flow.js';
import { reviewCardForCase, saveReviewFromCard } from '../plan/review-flow.js';
import { parseCaseReference } from '../cases/case-reference.js';
import type { TenantScope } from '../storage/scope.js';
import type { PlanCommand } from './plan-commands.js';

/**
 * What the router calls for the plan: typed commands and card actions by verb. Each answer is a
 * card, or a line in the person's language when there is no card to show.
 */

export type PlanAnswer = Card | { error: string };

const notFound = (reference: string, locale: Locale) =>
  locale === 'en'
    ? `I cannot find case ${reference}. Check the case reference, or write »my cases« to see your cases.`
    : `Jeg kan ikke finde sag ${reference}. Tjek sagsnummeret, eller skriv »mine sager« for at se dine sager.`;
const closed = (reference: string, locale: Locale) =>
  locale === 'en' ? `Case ${reference} is closed; its plan can no longer be changed.` : `Sag ${reference} er lukket; planen kan ikke længere ændres.`;
const caseGone = (deps: PlanDeps) => ({ error: PLAN_SAYS.caseGone[deps.locale ?? 'da'] });

export async function answerPlanCommand(deps: PlanDeps, scope: TenantScope, command: PlanCommand): Promise<PlanAnswer> {
  const c = await deps.storage.cases.findByReference(scope, command.reference);
  if (!c) return { error: notFound(command.reference, deps.locale ?? 'da') };
  if (command.kind === 'review') return reviewCardForCase(deps, scope, c);
  if (c.status !== 'open') return { error: closed(c.reference, deps.locale ?? 'da') };
  return planCardForCase(deps, scope, c);
}

/** A case's own buttons send its id; the form that asks for a case number sends the typed number. */
async function byCaseId(deps: PlanDeps, scope: TenantScope, data: Record<string, unknown>) {
  if (typeof data.caseId === 'string') return deps.storage.cases.get(scope, data.caseId);
  const typed = typeof data.caseReference === 'string' ? parseCaseReference(data.caseReference) : undefined;
  return typed?.ok ? deps.storage.cases.findByReference(scope, typed.value) : null;
}

export const PLAN_ACTIONS: Record<string, (deps: PlanDeps, scope: TenantScope, data: Record<string, unknown>) => Promise<PlanAnswer>> = {
  [VERBS.planSave]: savePlanFromCard,
  [VERBS.reviewSave]: saveReviewFromCard,
  async [VERBS.planEdit](deps, scope, data) {
    const c = await byCaseId(deps, scope, data);
    return c ? planCardForCase(deps, scope, c) : caseGone(deps);
  },
  async [VERBS.reviewStart](deps, scope, data) {
    const c = await byCaseId(deps, scope, data);
    return c ? reviewCardForCase(deps, scope, c) : caseGone(deps);
  },
};

export function isPlanVerb(verb: string): boolean {
  return Object.hasOwn(PLAN_ACTIONS, verb);
}
