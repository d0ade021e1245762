import { ConfigError, loadConfig, redactedSummary } from './config.js';
import { createLogger } from './logger.js';
import { routeConsoleToLogger } from './observability/console-to-log.js';
import { RUNTIME_WARNINGS, runtimeSupport } from './runtime.js';
import { startServer } from './server.js';
import { loadTenantStandards, StandardFileError, type TenantStandards } from './standards/tenant-standards.js';

/** `npm start`: the bot alone, configured from the environment. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      // The logger's level is itself configuration, so a bad configuration is reported plainly.
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
  // A standard file that fails the check stops the start here, before any port is opened.
  let standards: TenantStandards;
  try {
    standards = loadTenantStandards(config.standards, undefined, config.parameters);
  } catch (error) {
    if (error instanceof StandardFileError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  routeConsoleToLogger(logger);
  const runtime = runtimeSupport(process.versions.node);
  if (runtime !== 'supported') logger.warn({ node: process.versions.node }, RUNTIME_WARNINGS[runtime]);
  logger.info({ config: redactedSummary(config), node: process.versions.node }, 'configuration');
  const server = await startServer(config, { logger, standards });

  const stop = (signal: string) => {
    logger.info({ signal }, 'shutdown requested');
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

await main();
