import type { ChannelChoice } from '../../cards/context.js';
import type { Turn } from './deps.js';

export interface TeamChannel extends ChannelChoice {
  teamId: string;
  /** Where the channel's Bot Connector answers; reminders are posted there. */
  serviceUrl: string;
}

/**
 * The channels the caseworker may tie a case to: of the teams the bot is installed in, those the
 * turn's scope admits (the user's own), each team's channels as Teams lists them. Where Teams
 * cannot be asked, the channels the bot has heard from stand in; a message's thread
 * (`…;messageid=…`) is the channel itself, so it is offered once, as the channel.
 */
export async function teamChannels(turn: Turn): Promise<TeamChannel[]> {
  const teams = turn.scope.teamIds;
  const general = turn.locale === 'da' ? 'Generelt' : 'General';
  type StoredChannel = { conversationId: string; serviceUrl: string; teamName: string | null; channelName: string | null };
  const byTeam = new Map<string, StoredChannel[]>();
  for (const ref of await turn.deps.storage.conversationRefs.listTeams(turn.scope)) {
    if (!ref.teamId || (teams && !teams.includes(ref.teamId))) continue;
    byTeam.set(ref.teamId, [...(byTeam.get(ref.teamId) ?? []), { ...ref, conversationId: ref.conversationId.split(';')[0]! }]);
  }
  const lists = await Promise.all(
    [...byTeam].map(async ([teamId, refs]) => {
      const { serviceUrl, teamName } = refs[0]!;
      const listed = await listedByTeams(turn, serviceUrl, teamId);
      const channels = listed ?? refs.map((r) => ({ id: r.conversationId, name: r.channelName ?? undefined }));
      const seen = new Set<string>();
      return channels
        .filter((c) => !seen.has(c.id) && seen.add(c.id))
        .map((c) => ({ id: c.id, teamId, serviceUrl, name: [teamName ?? 'Team', c.name ?? general].join(' › ') }));
    }),
  );
  return lists.flat();
}

async function listedByTeams(turn: Turn, serviceUrl: string, teamId: string): Promise<{ id: string; name?: string }[] | undefined> {
  if (!turn.deps.teamChannels) return undefined;
  try {
    return await turn.deps.teamChannels({ serviceUrl, teamId });
  } catch (error) {
    const e = error as { name?: string; status?: number; code?: string };
    turn.deps.logger.warn({ err: { name: e?.name, status: e?.status, code: e?.code } }, "could not list the team's channels; offering those the bot has heard from");
    return undefined;
  }
}
