import type { Request, Response } from 'restify';
import type { Config } from '../config.js';
import type { ConversationHandler } from '../conversation/handler.js';
import type { Logger } from '../logger.js';
import { createAdapter } from './adapter.js';
import { FamiliestotteBot } from './bot.js';
import { createFollowUps, TURN_ANSWERED } from './follow-ups.js';
import type { ConnectorClient } from './proactive.js';

export type { ConversationRef } from '../conversation/types.js';
export { createRosterSource } from './roster.js';

export interface TeamsEndpoint {
  /** Handles one POST /api/messages request: authenticate, run the turn, write the response. */
  process(req: Request, res: Response): Promise<void>;
  /** Waits for cards still being finished after their turn (a slow summary); for a graceful stop. */
  settle(): Promise<void>;
}

/** The only way into botbuilder from outside bot/teams. */
export function createTeamsEndpoint(
  config: Config,
  logger: Logger,
  conversation: ConversationHandler,
  connector?: ConnectorClient,
): TeamsEndpoint {
  const adapter = createAdapter(config, logger);
  const followUps = createFollowUps(connector, logger);
  const bot = new FamiliestotteBot(conversation, followUps);
  return {
    async process(req, res) {
      const authorization = req.headers.authorization ?? '';
      const check = await adapter.checkCaller(req.body, authorization);
      if (!check.ok) {
        // The reason is the error's kind only: its message may quote the token's claims.
        logger.warn({ reason: check.reason, withToken: authorization !== '' }, 'request refused: not authenticated');
        res.setHeader('www-authenticate', 'Bearer');
        res.status(401);
        res.json({ error: 'unauthorized' });
        return;
      }
      let answered!: () => void;
      const written = new Promise<void>((resolve) => (answered = resolve));
      try {
        await adapter.processChecked(check.caller, req, res, (context) => {
          context.turnState.set(TURN_ANSWERED, written);
          return bot.run(context);
        });
      } finally {
        answered();
      }
    },
    settle: () => followUps.settle(),
  };
}
