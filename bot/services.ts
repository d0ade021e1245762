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
import { createChatModel } from '../prompts/client.js';
import { loadDanishWords } from '../prompts/danish-words.js';

export interface Services {
  conversation: ConversationHandler;
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
  const conversation = createConversation({
    storage,
    views: createViews(),
    decide: decideWithDefaults,
    passages: createStandardIndex(),
    // Off by default: without LLM_MODEL nothing is ever sent anywhere.
    ...(config.llm.kind === 'off' ? {} : { summaryModel: { chat: createChatModel(config.llm), knowsWord: loadDanishWords } }),
    clock: () => new Date(),
    logger,
    allowedTenants: config.allowedTenants,
  });
  return { conversation, close: () => db.close() };
}
