import { DEFAULT_STANDARD } from '../../rules/standard/load.js';
import type { TenantScope } from '../storage/scope.js';
import { loaded, type LoadedStandard, type StandardRef } from './standard-ref.js';
import type { TenantStandards } from './tenant-standards.js';

/** The standard a case was decided under, beside the one in force for its tenant now. */
export interface CaseStandards {
  decidedUnder: LoadedStandard;
  inForce: LoadedStandard;
}

/** Where the standards decisions were made under are kept (bot/storage/decisions.ts). */
export interface KeptStandards {
  standard(scope: TenantScope, hash: string): Promise<LoadedStandard | null>;
}

const SEED = loaded(DEFAULT_STANDARD);

/**
 * A case is shown under the standard it was decided under (its measure names, its chosen
 * measure's due dates) until a review decides it again under the one in force. A decision from
 * before standards were recorded was made under the seed, the only standard there was then.
 */
export async function caseStandards(kept: KeptStandards, standards: TenantStandards, scope: TenantScope, ref: StandardRef | null): Promise<CaseStandards> {
  const inForce = standards.forTenant(scope.tenantId);
  return { decidedUnder: await standardOfHash(kept, inForce, scope, ref?.hash ?? null), inForce };
}

/** The standard a decision with this hash was made under (null: before standards were recorded, the seed). */
export async function standardOfHash(kept: KeptStandards, inForce: LoadedStandard, scope: TenantScope, hash: string | null): Promise<LoadedStandard> {
  if (hash === null) return SEED;
  if (hash === inForce.ref.hash) return inForce;
  return (await kept.standard(scope, hash)) ?? inForce;
}
