import type { Config } from './config.js';
import { createConversation } from './conversation/index.js';
import type { ConversationHandler } from './conversation/handler.js';
import { createViews } from './conversation/card-views.js';
import type { Logger } from './logger.js';
import { openDatabase } from './storage/database.js';
import { migrate } from './storage/migrate.js';
import { createStorage } from './storage/storage.js';
import { decideWithDefaults } from './rules-binding.js';
import { createStandardIndex } from './search/standard-index.js';
import type { CaseViews } from './tab/case-views.js';
import { caseViewsFrom } from './tab/wiring.js';
import { createRosterSource } from './teams/index.js';

export interface Services {
  conversation: ConversationHandler;
  /** Case summaries behind the tab's access rule: the tab, "resumé" and the message extension. */
  summaries: CaseViews;
  close(): Promise<void>;
}

/**
 * The composition root: opens storage (migrated before the first turn), binds the rules to
 * the municipality's parameters and the cards to the passages, and builds the conversation.
 */
export async function openServices(config: Config, logger: Logger): Promise<Services> {
  const db = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    onIdleError: (error) => logger.warn({ err: { name: error.name, message: error.message } }, 'idle database connection failed'),
  });
  const { applied } = await migrate(db);
  if (applied.length > 0) logger.info({ applied }, 'database migrated');
  const storage = createStorage(db);
  const summaries = caseViewsFrom({ storage, roster: createRosterSource(config, logger, storage.conversationRefs) });
  const conversation = createConversation({
    storage,
    views: createViews(),
    decide: decideWithDefaults,
    passages: createStandardIndex(),
    clock: () => new Date(),
    logger,
    allowedTenants: config.allowedTenants,
    summaries,
  });
  return { conversation, summaries, close: () => db.close() };
}
