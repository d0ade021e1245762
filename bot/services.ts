import { join } from 'node:path';
import type { Config } from './config.js';
import { createConversation } from './conversation/index.js';
import type { ConversationHandler } from './conversation/handler.js';
import { createViews } from './conversation/card-views.js';
import type { Logger } from './logger.js';
import type { ProductMetrics } from './observability/product-metrics.js';
import { openDatabase, type Database } from './storage/database.js';
import { migrate } from './storage/migrate.js';
import { createStorage } from './storage/storage.js';
import { bindRulesPerTenant } from './rules-binding.js';
import { loadTenantStandards, type TenantStandards } from './standards/tenant-standards.js';
import { createStandardIndex } from './search/standard-index.js';
import { createChatModel } from '../prompts/client.js';
import { loadDanishWords } from '../prompts/danish-words.js';
import { createDispatcher } from './reminders/dispatcher.js';
import { createReminderHooks } from './reminders/hooks.js';
import { createRetentionScheduler } from './lifecycle/retention-schedule.js';
import { createWeeklyDigest } from './digest/weekly-digest.js';
import { botFrameworkTokens, createConnectorClient, type ConnectorClient } from './teams/proactive.js';

import type { CaseViews } from './tab/case-views.js';
import { caseViewsFrom, overviewViewsFrom } from './tab/wiring.js';
import type { OverviewViews } from './overview/views.js';
import { createRosterSource } from './teams/index.js';
import { databaseCachedRoster } from './tab/roster-cache.js';

export interface Services {
  conversation: ConversationHandler;
  /** For the readiness probe only; turns go through the conversation's storage. */
  db: Database;
  /** Case summaries behind the tab's access rule: the tab, "resumé" and the message extension. */
  summaries: CaseViews;
  /** The team's overview in the channel tab, members only. */
  overview: OverviewViews;
  /** The Bot Connector client: reminders post through it, and slow cards are replaced through it. */
  connector: ConnectorClient;
  close(): Promise<void>;
}

/**
 * The composition root: opens storage (migrated before the first turn), binds the rules to
 * the municipality's parameters and the cards to the passages, and builds the conversation.
 */
export async function openServices(config: Config, logger: Logger, metrics: ProductMetrics, checkedStandards?: TenantStandards): Promise<Services> {
  // Before the database opens: a standard that fails its check must not leave a pool behind.
  const standards = checkedStandards ?? loadTenantStandards(config.standards, undefined, config.parameters);
  const db = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    onIdleError: (error) => logger.warn({ err: { name: error.name, message: error.message } }, 'idle database connection failed'),
  });
  // With its own role the bot may not change the schema (or delete audit rows): the tables' owner
  // migrates and rewrites tables after deleting, and is never used for a turn.
  const owner = config.databaseOwnerUrl
    ? await openDatabase({
        databaseUrl: config.databaseOwnerUrl,
        dataDir: config.dataDir,
        onIdleError: (error) => logger.warn({ err: { name: error.name, message: error.message } }, 'idle owner database connection failed'),
      })
    : undefined;
  let applied: string[];
  try {
    ({ applied } = await migrate(owner ?? db));
  } catch (error) {
    // Start-up ends here; leave no pool open behind it.
    await Promise.allSettled([db.close(), owner?.close()]);
    throw error;
  }
  if (applied.length > 0) logger.info({ applied }, 'database migrated');
  const storage = createStorage(db);
  // Without a bot registration (local runs) the local connector takes any token.
  const tokens = config.bot.appId
    ? botFrameworkTokens({ appId: config.bot.appId, appPassword: config.bot.appPassword ?? '', appTenantId: config.bot.tenantId })
    : async () => 'local-unauthenticated';
  const connector = createConnectorClient(tokens);
  const schedule = { leadDays: config.reminderLeadDays, sendHourUtc: 7 };
  const dispatcher = createDispatcher({
    db, connector, botId: `28:${config.bot.appId ?? 'local'}`, instances: config.reminderInstances, leaseMs: config.reminderLeaseSeconds * 1000,
    // Posts the database could not record yet survive a restart here (bot/reminders/unrecorded.ts).
    journalFile: join(config.dataDir, 'reminder-journal.json'),
    log: logger.child({ area: 'reminders' }), metrics,
  });
  if (config.reminderSweepSeconds > 0) dispatcher.start(config.reminderSweepSeconds * 1000);
  // The digest goes out from the instances that post reminders, and is off with them.
  const digest = config.weeklyDigestDay && config.reminderSweepSeconds > 0
    ? createWeeklyDigest({ db, connector, botId: `28:${config.bot.appId ?? 'local'}`, day: config.weeklyDigestDay, log: logger.child({ area: 'digest' }) })
    : null;
  digest?.start(Math.max(60, config.reminderSweepSeconds) * 1000);
  const { checkMinutes, ...periods } = config.retention;
  const retention = createRetentionScheduler({ db, periods, metrics, log: logger.child({ area: 'retention' }), ...(owner ? { maintenance: owner } : {}) });
  if (checkMinutes > 0) retention.start(checkMinutes * 60_000);
  // One index serves both the "standard <spørgsmål>" command and free text taken as a question.
  const passages = createStandardIndex();
  // The dictionary that tells names from Danish words takes seconds of blocking work to load; with
  // a model configured it is loaded before the first turn, so no turn (and no timer) waits on it.
  if (config.llm.kind !== 'off') await loadDanishWords();
  // One roster for every door (chat, tab, summaries), its answers cached in the database.
  const roster = databaseCachedRoster(createRosterSource(config, logger, storage.conversationRefs), db);
  // The rules bound once per municipality: every door below reads its tenant's figures from here,
  // and decides under the tenant's standard (bot/standards/).
  const rules = bindRulesPerTenant(config.parameters);
  const summaries = caseViewsFrom({ storage, roster, rosterCached: true, standards, rules });
  const overview = overviewViewsFrom({ storage, roster, rosterCached: true, standards, rules });
  const conversation = createConversation({
    storage,
    views: createViews(),
    rules,
    standards,
    passages,
    searchPassages: (query, limit) => passages.search(query, limit),
    // Off by default: without LLM_MODEL nothing is ever sent anywhere.
    ...(config.llm.kind === 'off' ? {} : { summaryModel: { chat: createChatModel(config.llm), knowsWord: loadDanishWords } }),
    summaryWaitMs: config.summaryWaitMs,
    llmMetrics: metrics,
    clock: () => new Date(),
    logger,
    allowedTenants: config.allowedTenants,
    reminders: createReminderHooks(db, { connector, schedule, log: logger.child({ area: 'reminders' }) }),
    summaries,
    roster,
    chatMembers: (conversation) => connector.members(conversation),
    teamChannels: (team) => connector.teamChannels(team),
  });
  return {
    conversation,
    db,
    summaries,
    overview,
    connector,
    close: async () => {
      await Promise.all([dispatcher.stop(), retention.stop(), digest?.stop()]);
      await db.close();
      await owner?.close();
    },
  };
}
