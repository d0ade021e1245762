import { afterAll, beforeAll } from 'vitest';
import { loadConfig } from '../../bot/config.js';
import { createLogger } from '../../bot/logger.js';
import { startServer, type RunningServer } from '../../bot/server.js';
import { BotClient, type BotClientOptions } from './bot-client.js';
import { reopenTestDatabase, testDatabase, type TestDatabase } from './db.js';

export interface TestBot {
  server: RunningServer;
  /** The PGlite folder the bot keeps its database in; survives a restart. */
  dataDir: string;
  client(options?: Partial<BotClientOptions>): BotClient;
  /** Stops the bot (as on SIGTERM) and starts a new one on the same data folder. */
  restart(): Promise<void>;
  /** Stops the bot and opens its database, to look at what was stored. */
  inspect(): Promise<TestDatabase>;
  stop(): Promise<void>;
}

/**
 * The real server in-process on port 0 with a fresh embedded database, driven over HTTP.
 * `env` is the environment the bot would read (e.g. MicrosoftAppId for the auth test).
 */
export async function startTestBot(env: Record<string, string> = {}): Promise<TestBot> {
  const fresh = await testDatabase();
  const dataDir = fresh.dataDir;
  await fresh.close();
  const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent', ALLOW_UNAUTHENTICATED_LOCAL: 'true', WEEKLY_DIGEST_DAY: 'off', ...env });
  const start = (port = 0) => startServer({ ...config, port }, { host: '127.0.0.1', logger: createLogger(config.logLevel) });
  let server = await start();
  let stopped = false;
  const bot: TestBot = {
    get server() {
      return server;
    },
    dataDir,
    client: (options = {}) => new BotClient({ url: server.url, ...options }),
    async restart() {
      // Same port, so clients made before the restart reach the new instance.
      const port = server.port;
      await server.close();
      server = await start(port);
      stopped = false;
    },
    async inspect() {
      await bot.stop();
      return reopenTestDatabase(dataDir);
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.close();
    },
  };
  return bot;
}

export interface BotInTeam {
  /** The bot of this test file, started before its tests and stopped after them. */
  readonly bot: TestBot;
  /** A member of the team, in a personal chat of their own (Danish client unless `locale` says otherwise). */
  caseworker(options?: Partial<BotClientOptions>): BotClient;
}

/**
 * The common set-up of a test file that drives cases: one bot, installed in one team's channel (so
 * the team is known and its channel can be chosen), and caseworkers who are members of that team.
 */
export function botInTeam(where: { channel: string; team: string }, env: Record<string, string> = { REMINDER_SWEEP_SECONDS: '0' }): BotInTeam {
  let bot: TestBot | undefined;
  let tenantId = '';
  beforeAll(async () => {
    bot = await startTestBot(env);
    const installer = bot.client();
    tenantId = installer.tenantId;
    await installer.with({ kind: 'channel', conversationId: where.channel, teamId: where.team, teamName: 'Familieafdelingen' }).install();
  }, 240_000);
  afterAll(() => bot?.stop(), 60_000);
  return {
    get bot() {
      if (!bot) throw new Error('the bot starts in beforeAll; use it inside a test');
      return bot;
    },
    caseworker(options = {}) {
      const me = this.bot.client({ tenantId, userName: 'Sanne Sagsbehandler', ...options });
      me.joinTeam(where.team);
      return me;
    },
  };
}
