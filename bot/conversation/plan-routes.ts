import { formatDate, measureNames } from '../../cards/outcome-text.js';
import { VERBS } from '../../cards/verbs.js';
import { firstPlanCard, takesPlan, type PlanDeps } from '../plan/plan-flow.js';
import type { CaseWithDecision } from '../storage/cases.js';
import { danishDate } from './dates.js';
import { standardsOfCase } from './case-standard.js';
import { standardInForce } from './deciding.js';
import type { Turn } from './deps.js';
import { answerPlanCommand, PLAN_ACTIONS, type PlanAnswer } from './plan-actions.js';
import type { PlanCommand } from './plan-commands.js';
import { answerQuestion } from './question.js';
import { standardIndexFor } from '../search/standard-index.js';
import type { Card, Reply } from './types.js';

/**
 * The plan's part of the router: its card verbs, its commands, and free text answered as a
 * question about the standards. Kept here so the router itself only looks these up.
 */

type Data = Record<string, unknown>;

function planDeps(turn: Turn): PlanDeps {
  return {
    storage: turn.deps.storage,
    locale: turn.locale,
    rules: turn.rules,
    standard: standardInForce(turn),
    standardsOf: (_scope, c) => standardsOfCase(turn, c),
    today: () => danishDate(turn.deps.clock()),
    clock: turn.deps.clock,
    ...(turn.info.userName ? { userName: turn.info.userName } : {}),
    ...(turn.deps.reminders ? { reminders: turn.deps.reminders } : {}),
  };
}

function asCard(turn: Turn, answer: PlanAnswer): Card {
  return 'error' in answer && typeof answer.error === 'string' ? turn.deps.views.message(turn.locale, answer.error) : answer;
}

const route = (verb: string) => async (turn: Turn, data: Data): Promise<Card> => asCard(turn, await PLAN_ACTIONS[verb]!(planDeps(turn), turn.scope, data));

export const PLAN_ROUTES = {
  [VERBS.planSave]: route(VERBS.planSave),
  [VERBS.planEdit]: route(VERBS.planEdit),
  [VERBS.reviewStart]: route(VERBS.reviewStart),
  [VERBS.reviewSave]: route(VERBS.reviewSave),
} as const;

/** "plan <ref>" opens the plan card, "gennemgang <ref>" the review card. */
export async function planCommand(turn: Turn, command: PlanCommand): Promise<Card> {
  return asCard(turn, await answerPlanCommand(planDeps(turn), turn.scope, command));
}

/** Free text that is no command: a question answered from the standards, when passage search is configured. */
export function answerFreeText(turn: Turn, text: string): Reply | undefined {
  const configured = turn.deps.searchPassages;
  if (!configured) return undefined;
  // Under the tenant's own standard when the bot knows each tenant's (as "standard <spørgsmål>").
  const own = turn.deps.standards ? standardIndexFor(standardInForce(turn).standard) : undefined;
  const search: typeof configured = own ? (query, limit) => own.search(query, limit) : configured;
  return { kind: 'text', text: answerQuestion(text, search, turn.locale) };
}

/**
 * The card after a case is created: its plan, to be written with the parents now (Barnets lov § 32,
 * stk. 3) and edited later with "plan <sagsnummer>". Undefined for an outcome without a plan, and
 * after an override, whose case card must show the recommendation beside the choice and the reason.
 */
export function planCardAfterCreate(turn: Turn, created: CaseWithDecision): Card | undefined {
  if (!takesPlan(created) || created.decision.overridden) return undefined;
  const first = [...created.decision.recommended.reviews].sort((a, b) => a.due.localeCompare(b.due))[0];
  const ref = created.reference;
  const intro =
    turn.locale === 'en'
      ? `Case ${ref} is created.${first ? ` First due date: ${formatDate(first.due, 'en')}.` : ''} Now write the plan together with the parents – it can be edited later with »plan ${ref}«.`
      : `Sag ${ref} er oprettet.${first ? ` Første frist: ${formatDate(first.due, 'da')}.` : ''} Skriv nu planen sammen med forældrene – den kan rettes senere med »plan ${ref}«.`;
  // Created in this turn, so it has no plan yet: nothing to read once the case is committed. It
  // was decided in this turn too, under the standard in force, whose names it shows.
  return firstPlanCard(created, turn.rules, intro, turn.locale, measureNames(standardInForce(turn).standard));
}
