import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { Logger } from '../logger.js';
import { messageInvokeResponse } from './replies.js';

export const TURN_FAILED_DA =
  'Beklager, der skete en fejl hos Familiestøtte, og din handling blev ikke gennemført. Prøv igen om lidt. ' +
  'Det du allerede har gemt i sagen eller interviewet, er ikke tabt.';

/**
 * Logs what helps an operator find the fault (activity type, conversation kind, tenant) and never
 * the text, card values or names in the activity; then tells the user in Danish to try again.
 */
export function createTurnErrorHandler(logger: Logger) {
  return async (context: TurnContext, error: Error): Promise<void> => {
    const activity = context.activity;
    logger.error(
      {
        err: { name: error?.name, message: error?.message, stack: error?.stack },
        activityType: activity.type,
        activityName: activity.name,
        conversationKind: activity.conversation?.conversationType,
        tenantId: activity.conversation?.tenantId,
      },
      'turn failed',
    );
    // Errors meant for people (e.g. "the database is away, try again") carry their own Danish message.
    const userMessage = (error as { userMessage?: unknown })?.userMessage;
    const text = typeof userMessage === 'string' && userMessage !== '' ? userMessage : TURN_FAILED_DA;
    try {
      if (activity.type === ActivityTypes.Invoke) {
        await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: messageInvokeResponse(text) });
      } else {
        await context.sendActivity(text);
      }
    } catch (sendError) {
      // The connector itself may be what failed; the turn error above is already logged.
      logger.warn({ err: { name: (sendError as Error).name, message: (sendError as Error).message } }, 'could not tell the user about a failed turn');
    }
  };
}
