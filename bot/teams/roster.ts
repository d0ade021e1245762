import { TeamsInfo, type CloudAdapter, type ConversationReference, type TurnContext } from 'botbuilder';
import type { RosterSource } from '../tab/access.js';
import type { ConversationRefStore } from '../storage/conversation-refs.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { createAdapter } from './adapter.js';
import type { ConnectorClient } from './proactive.js';

/**
 * Team membership from the Bot Connector: "is this user in the team?" is one
 * GET /v3/conversations/{teamId}/members/{userId} (the AAD object id is accepted as user id),
 * made through a proactive turn on the team's saved channel reference. A team the bot is not
 * installed in has no roster we can read, so nobody is a member of it here.
 */
export function botRoster(adapter: CloudAdapter, appId: string | undefined, refs: ConversationRefStore): RosterSource {
  return {
    async isMember(tenantId, teamId, userId) {
      const channels = await refs.listTeams({ tenantId, actorId: 'roster', origin: 'tab' });
      const channel = channels.find((c) => c.teamId === teamId);
      if (!channel) return false;
      const reference: Partial<ConversationReference> = {
        channelId: 'msteams',
        serviceUrl: channel.serviceUrl,
        conversation: { id: channel.conversationId, isGroup: true, conversationType: 'channel', tenantId, name: channel.channelName ?? '' },
      };
      let member = false;
      await adapter.continueConversationAsync(appId ?? '', reference, async (context) => {
        try {
          const account = await TeamsInfo.getTeamMember(context, teamId, userId);
          member = Boolean(account?.id);
        } catch (error) {
          // 404 is the connector's "not a member"; anything else is an outage and must not read as "no".
          if (statusOf(error) !== 404) throw error;
          member = await inPagedRoster(context, teamId, userId);
        }
      });
      return member;
    },
  };
}

/**
 * Teams answers the member lookup for an AAD object id as well as for the Teams user id, but not
 * every connector does (the Agents Playground knows only the Teams id), so a "no" is confirmed
 * against the team's member list, which names each member's AAD object id. Only "no" answers pay
 * for this, and the roster cache keeps them for a while.
 */
async function inPagedRoster(context: TurnContext, teamId: string, userId: string): Promise<boolean> {
  let token: string | undefined;
  for (let page = 0; page < MAX_MEMBER_PAGES; page++) {
    const result = await TeamsInfo.getPagedTeamMembers(context, teamId, 500, token);
    if (result.members.some((m) => m.aadObjectId === userId || m.id === userId)) return true;
    token = result.continuationToken || undefined;
    if (!token) return false;
  }
  return false;
}

/** A family team has dozens of members; a list longer than this is not read to its end. */
const MAX_MEMBER_PAGES = 10;

function statusOf(error: unknown): number | undefined {
  if (error && typeof error === 'object' && 'statusCode' in error && typeof error.statusCode === 'number') return error.statusCode;
  return undefined;
}

/** The roster for the tab and the summary doors, on an adapter of its own (it only calls out). */
export function createRosterSource(config: Config, logger: Logger, refs: ConversationRefStore): RosterSource {
  return botRoster(createAdapter(config, logger), config.bot.appId, refs);
}

/** Who a team member is in Teams now: the id a mention names and the display name it shows. */
export interface TeamMemberName {
  id: string;
  name: string;
}

export type TeamMemberNames = (q: { serviceUrl: string; teamId: string; userId: string }) => Promise<TeamMemberName | null>;

/**
 * A team member's display name from the roster, for addressing them (a reminder's @mention). The
 * product keeps only the Entra object id beside a reminder, so the name is asked for when a post is
 * made and never written down; someone no longer in the team (404) has none, and is not mentioned.
 * Through the dispatcher's REST client, which shows every status, rather than a turn's adapter.
 */
export function teamMemberNames(connector: Pick<ConnectorClient, 'teamMember'>): TeamMemberNames {
  return async (q) => {
    const member = await connector.teamMember(q);
    return member ? { id: member.id, name: member.name } : null;
  };
}
