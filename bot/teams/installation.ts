import type { TurnContext } from 'botbuilder';
import type { ConversationHandler } from '../conversation/handler.js';
import { toActivity } from './replies.js';
import { toConversationRef, toTurnContextInfo } from './turn-info.js';

/** True when the bot itself (not a person) is among the accounts added or removed. */
export function botIsAmong(context: TurnContext, members: { id: string }[] | undefined): boolean {
  const botId = context.activity.recipient?.id;
  return Boolean(botId) && (members ?? []).some((m) => m.id === botId);
}

/** Saves where the bot now lives; greets only when asked, so a double notice greets once. */
export async function handleInstalled(context: TurnContext, conversation: ConversationHandler, greet: boolean): Promise<void> {
  const turn = toTurnContextInfo(context.activity);
  const ref = toConversationRef(turn);
  if (!ref) return;
  const replies = await conversation.onInstalled(turn, ref);
  if (greet && replies.length > 0) await context.sendActivities(replies.map(toActivity));
}

export async function handleUninstalled(context: TurnContext, conversation: ConversationHandler): Promise<void> {
  const turn = toTurnContextInfo(context.activity);
  const ref = toConversationRef(turn);
  if (ref) await conversation.onUninstalled(turn, ref);
}
