import type { Request, Response } from 'restify';
import type { Config } from '../config.js';
import type { ConversationHandler } from '../conversation/handler.js';
import type { Logger } from '../logger.js';
import { createAdapter } from './adapter.js';
import { FamiliestotteBot } from './bot.js';
import type { CaseViews } from '../tab/case-views.js';

export type { ConversationRef } from '../conversation/types.js';
export { createRosterSource } from './roster.js';

export interface TeamsEndpoint {
  /** Handles one POST /api/messages request: authenticate, run the turn, write the response. */
  process(req: Request, res: Response): Promise<void>;
}

/** The only way into botbuilder from outside bot/teams. */
export function createTeamsEndpoint(config: Config, logger: Logger, conversation: ConversationHandler, summaries?: CaseViews): TeamsEndpoint {
  const adapter = createAdapter(config, logger);
  const bot = new FamiliestotteBot(conversation, summaries);
  return {
    process: (req, res) => adapter.process(req, res, (context) => bot.run(context)),
  };
}
