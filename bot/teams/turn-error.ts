import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { Logger } from '../logger.js';
import { messageInvokeResponse } from './replies.js';
import { localeFrom, worded, type Localized } from '../../cards/locale.js';

export const TURN_FAILED: Localized = {
  da:
    'Beklager, der skete en fejl hos Familiestøtte, og din handling blev ikke gennemført. Prøv igen om lidt. ' +
    'Det, du allerede har gemt i sagen eller interviewet, er ikke gået tabt.',
  en: 'Sorry, something went wrong in Familiestøtte, and your action was not carried out. Try again in a moment. What you have already saved in the case or the interview has not been lost.',
};

/** What an error meant for people says (userMessage, with userMessageEn beside it), in the reader's language. */
function userMessageOf(error: unknown, locale: 'da' | 'en'): string | undefined {
  const { userMessage, userMessageEn } = (error ?? {}) as { userMessage?: unknown; userMessageEn?: unknown };
  if (typeof userMessage !== 'string' || userMessage === '') return undefined;
  return worded(userMessage, typeof userMessageEn === 'string' ? userMessageEn : undefined, locale);
}

/**
 * Logs what helps an operator find the fault (activity type, conversation kind, tenant) and never
 * the text, card values or names in the activity; then tells the user, in their Teams language, to try again.
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
    // Errors meant for people (e.g. "the database is away, try again") carry their own message.
    const locale = localeFrom(activity.locale);
    const text = userMessageOf(error, locale) ?? TURN_FAILED[locale];
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
