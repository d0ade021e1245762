import type { InvokeResponse, TurnContext } from 'botbuilder';
import type { ConversationHandler } from '../conversation/handler.js';
import { toTurnContextInfo } from './turn-info.js';

/** The raw invoke name of a message extension search. */
export const COMPOSE_EXTENSION_QUERY = 'composeExtension/query';

/**
 * The "Sagsresumé" search: routed like every other action, by its command id to its route and
 * door (bot/conversation/routes.ts, QUERY_ROUTES); Teams-free behind the conversation handler.
 */
export async function handleFindCase(context: TurnContext, conversation: ConversationHandler): Promise<InvokeResponse> {
  return { status: 200, body: await conversation.onQuery(toTurnContextInfo(context.activity), context.activity.value) };
}
