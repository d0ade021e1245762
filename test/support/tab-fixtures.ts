import type { AuditSink, CaseSource, CaseWithDecision, ReadScope } from '../../bot/tab/case-source.js';
import type { RosterSource } from '../../bot/tab/access.js';
import { level2Decision } from './summary-fixtures.js';

/**
 * Cases and rosters for the tab tests. The roster stands in for the Bot Connector's team
 * roster (which the bot reads through bot/teams/roster.ts).
 */

export function caseFixture(over: Partial<CaseWithDecision> & { tenantId: string; reference: string }): CaseWithDecision {
  const caseworkerId = over.caseworkerId ?? 'caseworker-oid';
  return {
    caseId: crypto.randomUUID(),
    childPseudonym: 'AB',
    teamId: 'team-familie',
    caseworkerId: 'caseworker-oid',
    caseworkerName: 'Sagsbehandler A',
    status: 'open',
    decision: {
      recommended: level2Decision(),
      chosenOutcome: 'level2',
      chosenVariant: null,
      overrideReason: null,
      overridden: false,
      decidedBy: caseworkerId,
      decidedAt: new Date('2026-09-01T10:00:00Z'),
    },
    ...over,
  };
}

export function fixtureCases(cases: CaseWithDecision[]): CaseSource & { reads: ReadScope[] } {
  const reads: ReadScope[] = [];
  const inTenant = (scope: ReadScope) => {
    reads.push(scope);
    return cases.filter((c) => c.tenantId === scope.tenantId);
  };
  return {
    reads,
    findByReference: async (scope, reference) => inTenant(scope).find((c) => c.reference === reference) ?? null,
    listForCaseworker: async (scope, id) => inTenant(scope).filter((c) => c.caseworkerId === id),
    listForTeam: async (scope, teamId) => inTenant(scope).filter((c) => c.teamId === teamId),
  };
}

export function fixedRoster(members: Record<string, string[]>): RosterSource {
  return { isMember: async (tenantId, teamId, userId) => (members[`${tenantId}/${teamId}`] ?? []).includes(userId) };
}

export interface AuditRow {
  tenantId: string;
  actorId: string;
  origin: string;
  action: string;
  caseId: string | null;
}

export function recordingAudit(): AuditSink & { rows: AuditRow[] } {
  const rows: AuditRow[] = [];
  return {
    rows,
    append: async (scope, input) => {
      rows.push({ tenantId: scope.tenantId, actorId: scope.actorId, origin: scope.origin, action: input.action, caseId: input.caseId ?? null });
    },
  };
}
