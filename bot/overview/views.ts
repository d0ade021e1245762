import type { TenantScope } from '../storage/scope.js';
import type { TeamOverviewRows } from '../storage/team-overview.js';
import { horizonOf, teamOverview, type TeamOverview } from './figures.js';

/**
 * The team's overview on someone's behalf. Members of the team only: the tab's route declares the
 * team door (bot/conversation/routes.ts), which checks the roster and audits a refusal before this
 * runs. Teams-free, like bot/tab/case-views.ts.
 */

export interface OverviewDeps {
  rows: (scope: TenantScope, q: { teamId: string; today: string; horizon: string }) => Promise<TeamOverviewRows>;
  /** Today as YYYY-MM-DD in the municipality's time zone. */
  today: () => string;
}

export function createOverviewViews(deps: OverviewDeps) {
  return {
    /** Behind the team door (routes.ts): `scope` holds the one team the door admitted. */
    async teamOverview(scope: TenantScope, teamId: string): Promise<TeamOverview> {
      const today = deps.today();
      const rows = await deps.rows({ ...scope, teamIds: [teamId] }, { teamId, today, horizon: horizonOf(today) });
      return teamOverview(rows, { teamId, today });
    },
  };
}

export type OverviewViews = ReturnType<typeof createOverviewViews>;
