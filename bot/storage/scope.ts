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

const ScopeSchema = z.object({
  tenantId: z.string().trim().min(1).max(100),
  actorId: z.string().trim().min(1).max(200),
  origin: z.string().regex(/^[a-z][a-z-]{1,30}$/),
  teamIds: z.array(z.string().min(1)).readonly().optional(),
});

/** A missing tenant is a programming error that must never reach a query. */
export function checkScope(scope: TenantScope): TenantScope {
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
