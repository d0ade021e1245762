import type { ChannelChoice } from '../../cards/context.js';
import type { Turn } from './deps.js';

export interface TeamChannel extends ChannelChoice {
  teamId: string;
  /** Where the channel's Bot Connector answers; reminders are posted there. */
  serviceUrl: string;
}

/**
 * The channels the caseworker may tie a case to: those the bot is installed in, of the teams the
 * turn's scope admits (the user's own). A message's thread (`…;messageid=…`) is the channel itself,
 * not a channel of its own, so it is offered once, as the channel.
 */
export async function teamChannels(turn: Turn): Promise<TeamChannel[]> {
  const teams = turn.scope.teamIds;
  const seen = new Set<string>();
  const refs = (await turn.deps.storage.conversationRefs.listTeams(turn.scope))
    .filter((ref) => Boolean(ref.teamId) && (!teams || teams.includes(ref.teamId!)))
    .map((ref) => ({ ...ref, conversationId: ref.conversationId.split(';')[0]! }))
    .filter((ref) => !seen.has(ref.conversationId) && seen.add(ref.conversationId));
  return refs.map((ref) => ({
    id: ref.conversationId,
    teamId: ref.teamId!,
    serviceUrl: ref.serviceUrl,
    name: [ref.teamName ?? 'Team', ref.channelName ?? (turn.locale === 'da' ? 'Generelt' : 'General')].join(' › '),
  }));
}
