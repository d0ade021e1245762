import type { Decision } from '../../rules/decision-types.js';
import type { Facts } from '../../rules/facts.js';
import { danishDate } from './dates.js';
import type { Turn } from './deps.js';
import type { IntakeAnswers } from './intake-state.js';
import type { LoadedStandard } from '../standards/standard-ref.js';
import { SEED_STANDARDS } from '../standards/tenant-standards.js';
import { interviewOf } from '../intake/interview.js';
import type { Interview } from '../intake/steps.js';

/** The standard in force for the turn's tenant: what a new decision or a review decides under. */
export function standardInForce(turn: Turn): LoadedStandard {
  return (turn.deps.standards ?? SEED_STANDARDS).forTenant(turn.scope.tenantId);
}

/** The interview of the tenant's standard in force: its questions, in its words and order. */
export function interviewInForce(turn: Turn): Interview {
  return interviewOf(standardInForce(turn).standard);
}

/**
 * The rules read no clock; the bot gives them today's Danish date as the reference date.
 * Recomputed whenever needed, so a resumed interview gets the rules as they are that day.
 */
export function decideNow(turn: Turn, answers: IntakeAnswers, extra: Partial<Facts> = {}): { facts: Facts; decision: Decision; standard: LoadedStandard } {
  const facts: Facts = { ...answers.facts, ...extra, referenceDate: danishDate(turn.deps.clock()) };
  const standard = standardInForce(turn);
  return { facts, decision: turn.rules.decide(facts, standard.standard), standard };
}
