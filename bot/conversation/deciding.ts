import type { Decision } from '../../rules/decision-types.js';
import type { Facts } from '../../rules/facts.js';
import { danishDate } from './dates.js';
import type { Turn } from './deps.js';
import type { IntakeAnswers } from './intake-state.js';

/**
 * The rules read no clock; the bot gives them today's Danish date as the reference date.
 * Recomputed whenever needed, so a resumed interview gets the rules as they are that day.
 */
export function decideNow(turn: Turn, answers: IntakeAnswers, extra: Partial<Facts> = {}): { facts: Facts; decision: Decision } {
  const facts: Facts = { ...answers.facts, ...extra, referenceDate: danishDate(turn.deps.clock()) };
  return { facts, decision: turn.rules.decide(facts) };
}
