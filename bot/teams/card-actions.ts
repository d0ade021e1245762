import { localeFrom, type Localized } from '../../cards/locale.js';
import type { InvokeResponse, TurnContext } from 'botbuilder';
import type { ConversationHandler } from '../conversation/handler.js';
import { parseExecute } from './action-payload.js';
import type { FollowUps } from './follow-ups.js';
import { cardInvokeResponse } from './replies.js';
import { toTurnContextInfo } from './turn-info.js';

/** The raw invoke name Teams uses for Action.Execute (Universal Actions). */
export const ADAPTIVE_CARD_ACTION = 'adaptiveCard/action';

const UNREADABLE: Localized = { da: 'Handlingen kunne ikke læses. Prøv igen fra kortet.', en: 'The action could not be read. Try again from the card.' };

/** Answers an Action.Execute with the card that replaces the one the user clicked. */
export async function handleCardAction(context: TurnContext, conversation: ConversationHandler, followUps: FollowUps): Promise<InvokeResponse> {
  const action = parseExecute(context.activity.value);
  if (!action) {
    return {
      status: 400,
      body: {
        statusCode: 400,
        type: 'application/vnd.microsoft.error',
        value: { code: 'BadRequest', message: UNREADABLE[localeFrom(context.activity.locale)] },
      },
    };
  }
  const result = await conversation.onAction({ ...toTurnContextInfo(context.activity), answeredTo: 'clicker' }, action.verb, action.data);
  // Teams sends the id of the message holding the clicked card as replyToId: that card is replaced.
  if (result.later) followUps.replaceLater(context, context.activity.replyToId, result.later);
  // A deliberate share: a new message for everyone in the conversation, besides the clicker's answer.
  if (result.post) await followUps.post(context, result.post);
  return cardInvokeResponse(result.card);
}
