import { z } from 'zod';
import { FactsSchema, type Facts } from '../../rules/facts.js';
import { getStep, STEP_IDS, type Interview, type StepId } from '../intake/steps.js';

/**
 * What an intake draft holds between turns: the answers so far (as facts) and which questions
 * were answered "Ved ikke". Stored in the database after every step, never in memory.
 */
export interface IntakeAnswers {
  facts: Partial<Facts>;
  /** Question ids answered "Ved ikke": unknown, shown again as such when the caseworker goes back. */
  unknown: string[];
}

/** Where the draft stands: a step of the interview, or the result waiting for a decision. */
export const DRAFT_POSITIONS = [...STEP_IDS, 'result'] as const;
export type DraftPosition = (typeof DRAFT_POSITIONS)[number];

const StoredAnswers = z.object({
  facts: FactsSchema.partial(),
  unknown: z.array(z.string().max(100)).max(100),
});

export const EMPTY_ANSWERS: IntakeAnswers = { facts: {}, unknown: [] };

/** A draft written by an older version (or tampered with) starts over rather than crashing a turn. */
export function readAnswers(stored: unknown): IntakeAnswers {
  const parsed = StoredAnswers.safeParse(stored);
  return parsed.success ? { facts: parsed.data.facts, unknown: parsed.data.unknown } : EMPTY_ANSWERS;
}

export function readPosition(step: string): DraftPosition {
  return (DRAFT_POSITIONS as readonly string[]).includes(step) ? (step as DraftPosition) : 'child';
}

/** The top-level fact names a step's questions fill (e.g. "child" for "child.ageMonths"). */
function factsOfStep(stepId: StepId, interview?: Interview): Set<string> {
  const names = new Set<string>();
  for (const question of getStep(stepId, interview).questions) {
    for (const path of question.asks) names.add(path.split('.')[0]!);
  }
  return names;
}

/**
 * A step's new answers replace everything that step asked before, so changing an answer to
 * "Ved ikke" on the way back makes the fact unknown again instead of keeping the old value.
 */
export function mergeStep(answers: IntakeAnswers, stepId: StepId, facts: Partial<Facts>, unknown: readonly string[], interview?: Interview): IntakeAnswers {
  const replaced = factsOfStep(stepId, interview);
  const questionIds = new Set(getStep(stepId, interview).questions.map((q) => q.id));
  const kept = Object.fromEntries(Object.entries(answers.facts).filter(([name]) => !replaced.has(name))) as Partial<Facts>;
  return {
    facts: { ...kept, ...facts },
    unknown: [...answers.unknown.filter((id) => !questionIds.has(id)), ...unknown],
  };
}

/** Answers to a needs-information card fill the asked facts and leave the rest as they were. */
export function mergeMissing(answers: IntakeAnswers, facts: Partial<Facts>, unknown: readonly string[]): IntakeAnswers {
  return { facts: { ...answers.facts, ...facts }, unknown: [...new Set([...answers.unknown, ...unknown])] };
}
