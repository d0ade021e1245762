import { CardFactory, type TurnContext } from 'botbuilder';
import { labelsFor } from './ai-label.js';
import type { Card } from '../conversation/types.js';
import type { Logger } from '../logger.js';
import type { ConnectorClient } from './proactive.js';

/** Set on each turn: resolves once the turn's own HTTP answer has been written. */
export const TURN_ANSWERED = Symbol('familiestotte.turnAnswered');

/**
 * Cards finished after their turn answered (a slow summary): the card the person clicked, or the
 * message the bot sent, is replaced through the Bot Connector once the work is done. When the
 * message's id is unknown (a client answering with expectReplies) the finished card is posted as
 * a new message instead. Only after the turn's own answer is out, so the order cannot invert.
 */
export interface FollowUps {
  replaceLater(context: TurnContext, activityId: string | undefined, later: Promise<Card>): void;
  /** A new message in the turn's conversation, for everyone there (a deliberate share). */
  post(context: TurnContext, card: Card): Promise<void>;
  /** Resolves when every follow-up started so far has finished; for a graceful stop. */
  settle(): Promise<void>;
}

export function createFollowUps(connector: ConnectorClient | undefined, logger: Logger): FollowUps {
  const pending = new Set<Promise<void>>();
  const targetOf = (context: TurnContext) => {
    const a = context.activity;
    return {
      serviceUrl: a.serviceUrl,
      tenantId: a.conversation?.tenantId ?? (a.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id ?? '',
      conversationId: a.conversation?.id ?? '',
    };
  };
  const cardActivity = (card: Card) => ({ type: 'message' as const, attachments: [{ contentType: CardFactory.contentTypes.adaptiveCard, content: card }], ...labelsFor(card) });
  return {
    async post(context, card) {
      if (!connector) throw new Error('no connector to post the card with');
      await connector.send({ ...targetOf(context), activity: cardActivity(card) });
    },
    replaceLater(context, activityId, later) {
      // The context is revoked when the turn ends: take what the update needs now.
      const a = context.activity;
      const target = targetOf(context);
      const answered = (context.turnState.get(TURN_ANSWERED) as Promise<void> | undefined) ?? Promise.resolve();
      const work = Promise.all([later, answered])
        .then(async ([card]) => {
          if (!connector) throw new Error('no connector to replace the card with');
          const activity = cardActivity(card);
          if (activityId) await connector.update({ ...target, activityId, activity });
          else await connector.send({ ...target, activity });
        })
        .catch((error: unknown) => {
          const e = error as { name?: string; status?: number; code?: string };
          logger.warn({ err: { name: e?.name, status: e?.status, code: e?.code }, conversationKind: a.conversation?.conversationType }, 'could not replace the card with the finished one');
        });
      pending.add(work);
      void work.finally(() => pending.delete(work));
    },
    async settle() {
      await Promise.allSettled([...pending]);
    },
  };
}
