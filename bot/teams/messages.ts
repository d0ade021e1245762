import type { TurnContext } from 'botbuilder';
import type { ConversationHandler } from '../conversation/handler.js';
import { parseSubmit } from './action-payload.js';
import type { FollowUps } from './follow-ups.js';
import { toActivity } from './replies.js';
import { textWithoutMention, toTurnContextInfo } from './turn-info.js';

/**
 * A message is either typed text or, from a client without Action.Execute, an Action.Submit
 * whose value carries the verb. The latter is routed exactly like an invoke and answered with
 * the resulting card as a new message.
 */
export async function handleMessage(context: TurnContext, conversation: ConversationHandler, followUps: FollowUps): Promise<void> {
  const turn = toTurnContextInfo(context.activity);
  if (context.activity.value !== undefined && context.activity.value !== null) {
    const action = parseSubmit(context.activity.value);
    if (action) {
      const result = await conversation.onAction(turn, action.verb, action.data);
      const sent = await context.sendActivity(toActivity({ kind: 'card', card: result.card }));
      if (result.later) followUps.replaceLater(context, sent?.id, result.later);
      return;
    }
  }
  const replies = await conversation.onMessage(turn, textWithoutMention(context.activity));
  if (replies.length === 0) return;
  const sent = await context.sendActivities(replies.map(toActivity));
  replies.forEach((reply, i) => {
    if (reply.kind === 'card' && reply.later) followUps.replaceLater(context, sent[i]?.id, reply.later);
  });
}
