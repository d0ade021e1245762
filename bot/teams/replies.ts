import { CardFactory, MessageFactory, type Activity, type InvokeResponse } from 'botbuilder';
import type { Card, Reply } from '../conversation/types.js';
import { labelsFor } from './ai-label.js';

export function toActivity(reply: Reply): Partial<Activity> {
  if (reply.kind === 'text') return MessageFactory.text(reply.text);
  return { ...MessageFactory.attachment(CardFactory.adaptiveCard(reply.card)), ...labelsFor(reply.card) };
}

/** The invoke response Teams expects for Action.Execute: the card that replaces the one clicked. */
export function cardInvokeResponse(card: Card): InvokeResponse {
  return {
    status: 200,
    body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card },
  };
}

/** A plain message answer to an invoke (Teams shows it as a toast), used when there is no card. */
export function messageInvokeResponse(text: string): InvokeResponse {
  return {
    status: 200,
    body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text },
  };
}
