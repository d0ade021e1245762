import { VERBS } from '../../cards/verbs.js';
import { planCardForCase, savePlanFromCard, type Card, type PlanDeps } from '../plan/plan-flow.js';
import { reviewCardForCase, saveReviewFromCard } from '../plan/review-flow.js';
import { parseCaseReference } from '../cases/case-reference.js';
import type { TenantScope } from '../storage/scope.js';
import type { PlanCommand } from './plan-commands.js';

/**
 * What the router calls for the plan: typed commands and card actions by verb. Each answer is a
 * card, or a Danish line for the person when there is no card to show.
 */

export type PlanAnswer = Card | { error: string };

const notFound = (reference: string) =>
  `Jeg kan ikke finde sag ${reference}. Tjek sagsnummeret, eller skriv »mine sager« for at se dine sager.`;
const CASE_GONE = 'Sagen findes ikke (længere), eller du har ikke adgang til den. Søg den frem igen med sagsnummeret.';

export async function answerPlanCommand(deps: PlanDeps, scope: TenantScope, command: PlanCommand): Promise<PlanAnswer> {
  const c = await deps.storage.cases.findByReference(scope, command.reference);
  if (!c) return { error: notFound(command.reference) };
  if (command.kind === 'review') return reviewCardForCase(deps, scope, c);
  if (c.status !== 'open') return { error: `Sag ${c.reference} er lukket; planen kan ikke længere ændres.` };
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
    return c ? planCardForCase(deps, scope, c) : { error: CASE_GONE };
  },
  async [VERBS.reviewStart](deps, scope, data) {
    const c = await byCaseId(deps, scope, data);
    return c ? reviewCardForCase(deps, scope, c) : { error: CASE_GONE };
  },
};

export function isPlanVerb(verb: string): boolean {
  return Object.hasOwn(PLAN_ACTIONS, verb);
}
