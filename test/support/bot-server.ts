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
