import type { Decision } from '../../rules/decision-types.js';
import type { RosterSource } from '../../bot/tab/access.js';
import type { Storage } from '../../bot/storage/storage.js';
import { sampleFacts } from './case-fixtures.js';
import { level2Decision } from './summary-fixtures.js';

/**
 * Cases and rosters for the tab tests. The roster stands in for the Bot Connector's team
 * roster, which the bot reads through bot/teams/roster.ts.
 */

export interface SeedCase {
  tenantId: string;
  reference: string;
  caseworkerId: string;
  caseworkerName?: string;
  childPseudonym?: string;
  teamId?: string;
  decision?: Decision;
  override?: { chosen: 'level3' | 'level1' | 'preventive' | 'none' | 'escalate'; reason: string };
}

/**
 * Creates the case through the storage module, as the caseworker would in chat: in a team the bot
 * is installed in (its channel is recorded, so the doors know the team), by a member of it (the
 * roster the test gives says who is).
 */
export async function seedCase(storage: Storage, c: SeedCase) {
  const recommended = c.decision ?? level2Decision();
  const teamId = c.teamId ?? 'team-familie';
  await storage.conversationRefs.upsert(
    { tenantId: c.tenantId, actorId: c.caseworkerId, origin: 'chat' },
    { conversationId: `19:${teamId}-general@thread.tacv2`, serviceUrl: 'https://smba.trafficmanager.net/emea/', kind: 'channel', teamId, teamName: null, channelId: `19:${teamId}-general@thread.tacv2`, channelName: null, userId: null },
  );
  return storage.cases.create(
    { tenantId: c.tenantId, actorId: c.caseworkerId, origin: 'chat' },
    {
      reference: c.reference,
      childPseudonym: c.childPseudonym ?? 'AB',
      teamId,
      caseworkerName: c.caseworkerName ?? 'Sagsbehandler A',
      facts: sampleFacts({ startDate: recommended.startDate }),
      decision: c.override
        ? { recommended, chosenOutcome: c.override.chosen, overrideReason: c.override.reason }
        : { recommended, chosenOutcome: recommended.outcome as 'level2' },
    },
  );
}

export function fixedRoster(members: Record<string, string[]>): RosterSource & { calls: number } {
  const roster = {
    calls: 0,
    async isMember(tenantId: string, teamId: string, userId: string) {
      roster.calls += 1;
      return (members[`${tenantId}/${teamId}`] ?? []).includes(userId);
    },
  };
  return roster;
}
