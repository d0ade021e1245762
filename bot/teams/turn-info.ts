import type { Activity } from 'botbuilder';
import { z } from 'zod';
import type { ConversationKind, ConversationRef, TurnContextInfo } from '../conversation/types.js';

/** The parts of Teams channelData we read; anything else in it is ignored. */
const ChannelData = z
  .object({
    tenant: z.object({ id: z.string() }).partial().optional(),
    team: z.object({ id: z.string(), name: z.string().optional() }).partial().optional(),
    channel: z.object({ id: z.string(), name: z.string().optional() }).partial().optional(),
  })
  .partial()
  .catch({});

const KINDS: Record<string, ConversationKind> = { personal: 'personal', channel: 'channel', groupChat: 'groupChat' };

/** Maps an activity to our own TurnContextInfo so the rest of bot/ never sees a botbuilder type. */
export function toTurnContextInfo(activity: Partial<Activity>): TurnContextInfo {
  const channelData = ChannelData.parse(activity.channelData ?? {});
  const conversation = activity.conversation;
  const teamId = channelData.team?.id;
  const kind = KINDS[conversation?.conversationType ?? ''] ?? (teamId ? 'channel' : 'personal');
  return {
    tenantId: tenantOf(channelData.tenant?.id, conversation?.tenantId),
    userId: activity.from?.aadObjectId ?? undefined,
    userName: activity.from?.name || undefined,
    locale: typeof activity.locale === 'string' && activity.locale !== '' ? activity.locale : 'da-DK',
    conversation: {
      id: conversation?.id ?? '',
      kind,
      serviceUrl: activity.serviceUrl ?? '',
      teamId,
      teamName: channelData.team?.name,
      channelId: channelData.channel?.id,
      channelName: channelData.channel?.name,
    },
    mentioned: mentionsOf(activity).length > 0,
  };
}

/** Two tenants named in one activity is no tenant: which one the sender meant is not ours to guess. */
function tenantOf(fromChannelData: string | undefined, fromConversation: string | undefined): string | undefined {
  if (fromChannelData && fromConversation && fromChannelData !== fromConversation) return undefined;
  return fromChannelData ?? fromConversation ?? undefined;
}

/** The text with the bot's own @mention removed; the activity itself is left untouched. */
export function textWithoutMention(activity: Partial<Activity>): string {
  let text = activity.text ?? '';
  for (const mention of mentionsOf(activity)) {
    if (mention) text = text.split(mention).join('');
  }
  // Teams wraps mentions as <at>Name</at>; an HTML-escaped &nbsp; may be left behind.
  return text.replace(/&nbsp;/g, ' ').replace(/\s+/g, ' ').trim();
}

function mentionsOf(activity: Partial<Activity>): string[] {
  const botId = activity.recipient?.id;
  if (!botId) return [];
  return (activity.entities ?? [])
    .filter((e) => e.type === 'mention' && (e as { mentioned?: { id?: string } }).mentioned?.id === botId)
    .map((e) => String((e as { text?: unknown }).text ?? ''));
}

/** Our record of where the bot lives, for proactive reminders and the case's channel picker. */
export function toConversationRef(turn: TurnContextInfo): ConversationRef | undefined {
  if (!turn.tenantId || !turn.conversation.id || !turn.conversation.serviceUrl) return undefined;
  return {
    serviceUrl: turn.conversation.serviceUrl,
    conversationId: turn.conversation.id,
    tenantId: turn.tenantId,
    teamId: turn.conversation.teamId,
    teamName: turn.conversation.teamName,
    channelId: turn.conversation.channelId,
    channelName: turn.conversation.channelName,
    userId: turn.conversation.kind === 'personal' ? turn.userId : undefined,
    kind: turn.conversation.kind,
  };
}
