import type { ChannelChoice } from '../../cards/context.js';
import type { Turn } from './deps.js';

export interface TeamChannel extends ChannelChoice {
  teamId: string;
  /** Where the channel's Bot Connector answers; reminders are posted there. */
  serviceUrl: string;
}

/** The team channels the bot is installed in, for the caseworker to pick where reminders go. */
export async function teamChannels(turn: Turn): Promise<TeamChannel[]> {
  const refs = await turn.deps.storage.conversationRefs.listTeams(turn.scope);
  return refs.map((ref) => ({
    id: ref.conversationId,
    teamId: ref.teamId!,
    serviceUrl: ref.serviceUrl,
    name: [ref.teamName ?? 'Team', ref.channelName ?? (turn.locale === 'da' ? 'Generelt' : 'General')].join(' › '),
  }));
}
