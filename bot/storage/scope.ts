import { z } from 'zod';

/**
 * Who is asking, in which tenant, through which door. Every storage function takes it
 * first: the tenant filters every query, the actor and origin go into the audit log.
 */
export interface TenantScope {
  /** The municipality's Entra tenant id. */
  tenantId: string;
  /** The acting user's Entra object id, or a service name such as "scheduler". */
  actorId: string;
  /** Where the request came from: 'chat', 'tab', 'cli', 'scheduler', … */
  origin: string;
  /**
   * Team isolation: when set, only cases of these teams are visible or writable (the teams
   * the user is a member of). Absent for tenant-wide work such as the scheduler or the CLI.
   */
  teamIds?: readonly string[];
}

const ORIGIN = /^[a-z][a-z-]{1,30}$/;

const ScopeSchema = z.object({
  tenantId: z.string().trim().min(1).max(100),
  actorId: z.string().trim().min(1).max(200),
  origin: z.string().regex(ORIGIN),
  teamIds: z.array(z.string().min(1)).readonly().optional(),
});

const trimmedWithin = (v: unknown, max: number): boolean => typeof v === 'string' && v.trim().length >= 1 && v.trim().length <= max;

/**
 * What ScopeSchema admits, checked by hand: every storage call passes here, several per turn. Only a
 * shortcut: a scope it does not admit goes to the schema, which decides and names what is wrong.
 */
function plainlyValid(scope: TenantScope): boolean {
  if (typeof scope !== 'object' || scope === null || Array.isArray(scope)) return false;
  const { tenantId, actorId, origin, teamIds } = scope;
  if (!trimmedWithin(tenantId, 100) || !trimmedWithin(actorId, 200) || typeof origin !== 'string' || !ORIGIN.test(origin)) return false;
  if (teamIds === undefined) return true;
  if (!Array.isArray(teamIds)) return false;
  for (let i = 0; i < teamIds.length; i++) if (typeof teamIds[i] !== 'string' || teamIds[i]!.length < 1) return false;
  return true;
}

/** The schema's own check, without the shortcut: what checkScope answers is the same (scope.test.ts). */
export function schemaAdmits(scope: unknown): boolean {
  return ScopeSchema.safeParse(scope).success;
}

/** A missing tenant is a programming error that must never reach a query. */
export function checkScope(scope: TenantScope): TenantScope {
  if (plainlyValid(scope)) return scope;
  const result = ScopeSchema.safeParse(scope);
  if (!result.success) throw new Error(`Invalid tenant scope: ${result.error.issues.map((i) => i.path.join('.')).join(', ')}`);
  return scope;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids arrive from card submissions and URLs; a malformed one finds nothing rather than erroring in SQL. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** The `$n::text[]` parameter for `($n::text[] IS NULL OR team_id = ANY($n::text[]))`. */
export function teamParam(scope: TenantScope): readonly string[] | null {
  return scope.teamIds ?? null;
}

export const teamFilter = (n: number): string => `($${n}::text[] IS NULL OR team_id = ANY($${n}::text[]))`;
