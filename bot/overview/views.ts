import type { RosterSource } from '../tab/access.js';
import type { TabIdentity } from '../tab/auth.js';
import type { AuditSink, ReadScope } from '../tab/case-source.js';
import type { TenantScope } from '../storage/scope.js';
import { CaseViewError } from '../tab/case-views.js';
import { OVERVIEW_AUDIT, type TeamOverviewRows } from '../storage/team-overview.js';
import { horizonOf, teamOverview, type TeamOverview } from './figures.js';

/**
 * The team's overview on someone's behalf: members of the team only (the bot's roster, as for the
 * team's case list), every view and every refusal audited. Teams-free, like bot/tab/case-views.ts.
 */

export interface OverviewDeps {
  rows: (scope: TenantScope, q: { teamId: string; today: string; horizon: string }) => Promise<TeamOverviewRows>;
  roster: RosterSource;
  audit: AuditSink;
  /** Today as YYYY-MM-DD in the municipality's time zone. */
  today: () => string;
}

export function createOverviewViews(deps: OverviewDeps) {
  return {
    async teamOverview(who: TabIdentity, teamId: string): Promise<TeamOverview> {
      const scope: ReadScope = { tenantId: who.tenantId, actorId: who.userId, origin: 'tab' };
      let member: boolean;
      try {
        member = await deps.roster.isMember(who.tenantId, teamId, who.userId);
      } catch (error) {
        // Fail closed: without the roster nobody gets the team's figures.
        throw new CaseViewError(503, 'roster-unavailable', 'Teams kunne ikke bekræfte, at du er medlem af teamet. Prøv igen om lidt.', { cause: error });
      }
      if (!member) {
        await deps.audit.append(scope, { action: OVERVIEW_AUDIT.denied, caseId: null, details: { view: 'overview' } });
        throw new CaseViewError(403, 'not-in-team', 'Du er ikke medlem af dette team, så du kan ikke se dets overblik.');
      }
      const today = deps.today();
      const rows = await deps.rows({ ...scope, teamIds: [teamId] }, { teamId, today, horizon: horizonOf(today) });
      return teamOverview(rows, { teamId, today });
    },
  };
}

export type OverviewViews = ReturnType<typeof createOverviewViews>;
