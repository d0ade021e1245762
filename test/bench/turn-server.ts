import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../bot/config.js';
import { createLogger } from '../../bot/logger.js';
import { startServer } from '../../bot/server.js';
import { startEchoServer } from '../../bot/teams/echo-bot.js';

/**
 * A bot in a process of its own, for the turn benchmark's CPU split: started like the in-process
 * ones (the echo bot, or ours on embedded PGlite or on BENCH_DATABASE_URL), it reports the CPU time
 * it spent between 'reset' and 'usage', so the server's share of a turn is measured apart from the
 * load generator's.
 */
const kind = process.argv[2] as 'echo' | 'interviews';
const dataDir = await mkdtemp(join(tmpdir(), 'familiestotte-bench-'));
const running =
  kind === 'echo'
    ? await startEchoServer()
    : await (async () => {
        const databaseUrl = process.env.BENCH_SERVER_DATABASE_URL;
        const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, ALLOW_UNAUTHENTICATED_LOCAL: 'true', LOG_LEVEL: 'silent', ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) });
        return startServer(config, { host: '127.0.0.1', logger: createLogger(config.logLevel) });
      })();

let since = process.cpuUsage();
process.on('message', async (message: unknown) => {
  if (message === 'reset') {
    since = process.cpuUsage();
    process.send!({ reset: true });
  } else if (message === 'usage') {
    const used = process.cpuUsage(since);
    process.send!({ cpuMs: (used.user + used.system) / 1000 });
  } else if (message === 'stop') {
    await running.close();
    await rm(dataDir, { recursive: true, force: true });
    process.exit(0);
  }
});
process.send!({ url: running.url });
