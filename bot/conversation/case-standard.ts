import { caseStandards, type CaseStandards } from '../standards/case-standards.js';
import { SEED_STANDARDS } from '../standards/tenant-standards.js';
import type { CaseWithDecision } from '../storage/cases.js';
import type { Turn } from './deps.js';

export type { CaseStandards } from '../standards/case-standards.js';

/** The standards of a case as the turn's tenant has them (see caseStandards). */
export function standardsOfCase(turn: Turn, found: CaseWithDecision): Promise<CaseStandards> {
  return caseStandards(turn.deps.storage.decisions, turn.deps.standards ?? SEED_STANDARDS, turn.scope, found.decision.standard);
}
