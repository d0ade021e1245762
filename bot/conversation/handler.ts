import type { ComposeExtensionResult } from '../summary/summary-requests.js';
import type { ActionResult, ConversationRef, Reply, TurnContextInfo } from './types.js';

/**
 * What bot/teams calls. The Teams layer turns activities into these calls and the answers
 * back into activities; everything behind this interface is Teams-free and stateless.
 */
export interface ConversationHandler {
  /** A typed message (mention already removed). */
  onMessage(turn: TurnContextInfo, text: string): Promise<Reply[]>;
  /** A card action, by verb, from Action.Execute or its Action.Submit fallback. */
  onAction(turn: TurnContextInfo, verb: string, data: Record<string, unknown>): Promise<ActionResult>;
  /** A message extension search (composeExtension/query), routed by its command id. */
  onQuery(turn: TurnContextInfo, value: unknown): Promise<ComposeExtensionResult>;
  /** Teams says members joined or left a team (conversationUpdate): its roster answers are stale. */
  onMembersChanged(turn: TurnContextInfo): Promise<void>;
  /** The bot was added to a personal chat, a team or a group chat. */
  onInstalled(turn: TurnContextInfo, ref: ConversationRef): Promise<Reply[]>;
  /** The bot was removed; reminders must stop going there. */
  onUninstalled(turn: TurnContextInfo, ref: ConversationRef): Promise<void>;
}
