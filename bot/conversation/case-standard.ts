import { DEFAULT_STANDARD } from '../../rules/standard/load.js';
import type { CaseWithDecision } from '../storage/cases.js';
import { loaded, type LoadedStandard } from '../standards/standard-ref.js';
import { standardInForce } from './deciding.js';
import type { Turn } from './deps.js';

/** The standard a case was decided under, beside the one in force for its tenant now. */
export interface CaseStandards {
  decidedUnder: LoadedStandard;
  inForce: LoadedStandard;
}

const SEED = loaded(DEFAULT_STANDARD);

/**
 * A case is shown under the standard it was decided under (its measure names, its chosen
 * measure's due dates) until a review decides it again under the one in force. A decision from
 * before standards were recorded was made under the seed, the only standard there was then.
 */
export async function standardsOfCase(turn: Turn, found: CaseWithDecision): Promise<CaseStandards> {
  const inForce = standardInForce(turn);
  const ref = found.decision.standard;
  if (!ref) return { decidedUnder: SEED, inForce };
  if (ref.hash === inForce.ref.hash) return { decidedUnder: inForce, inForce };
  const kept = await turn.deps.storage.decisions.standard(turn.scope, ref.hash);
  return { decidedUnder: kept ?? inForce, inForce };
}
