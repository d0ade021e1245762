import { measureNames, type MeasureNames } from '../../cards/outcome-text.js';
import type { Locale } from '../../cards/locale.js';
import type { LoadedStandard } from '../standards/standard-ref.js';
import type { TenantScope } from '../storage/scope.js';
import type { TeamOverviewRows } from '../storage/team-overview.js';
import { horizonOf, teamOverview, type NamesOfStandard, type TeamOverview } from './figures.js';

/**
 * The team's overview on someone's behalf. Members of the team only: the tab's route declares the
 * team door (bot/conversation/routes.ts), which checks the roster and audits a refusal before this
 * runs. Teams-free, like bot/tab/case-views.ts.
 */

export interface OverviewDeps {
  rows: (scope: TenantScope, q: { teamId: string; today: string; horizon: string }) => Promise<TeamOverviewRows>;
  /** Today as YYYY-MM-DD in the municipality's time zone. */
  today: () => string;
  /** The standard decisions with this hash were made under (bot/standards/case-standards.ts); absent, the seed's names. */
  standardOf?: (scope: TenantScope, hash: string | null) => Promise<LoadedStandard>;
}

/** The measures' names of every standard the rows' decisions were made under, each read once. */
export async function namesOfStandards(rows: TeamOverviewRows, scope: TenantScope, standardOf?: OverviewDeps['standardOf']): Promise<NamesOfStandard> {
  if (!standardOf) return () => ({});
  const hashes = new Set([...rows.openCases.map((c) => c.standardHash), ...rows.decisions.map((d) => d.standardHash)]);
  const names = new Map<string | null, MeasureNames>();
  for (const hash of hashes) names.set(hash, measureNames((await standardOf(scope, hash)).standard));
  return (hash) => names.get(hash) ?? {};
}

export function createOverviewViews(deps: OverviewDeps) {
  return {
    /** Behind the team door (routes.ts): `scope` holds the one team the door admitted. Labelled in the reader's language. */
    async teamOverview(scope: TenantScope, teamId: string, locale: Locale = 'da'): Promise<TeamOverview> {
      const today = deps.today();
      const rows = await deps.rows({ ...scope, teamIds: [teamId] }, { teamId, today, horizon: horizonOf(today) });
      return teamOverview(rows, { teamId, today, locale }, await namesOfStandards(rows, scope, deps.standardOf));
    },
  };
}

export type OverviewViews = ReturnType<typeof createOverviewViews>;
