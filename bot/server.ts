import restify from 'restify';
import type { Config } from './config.js';
import { isActivityEnvelope } from './http/activity-envelope.js';
import { edgeHandlers } from './http/edge.js';
import { createTurnGate } from './http/turn-gate.js';
import { createLogger, type Logger } from './logger.js';
import { mountObservability, serveMetrics } from './observability/routes.js';
import { productMetrics, type ProductMetrics } from './observability/product-metrics.js';
import { openServices } from './services.js';
import type { TenantStandards } from './standards/tenant-standards.js';
import { createTeamsEndpoint } from './teams/index.js';
import { resolveTabAuth } from './tab/mode.js';
import { registerTabRoutes } from './tab/routes.js';

export interface RunningServer {
  port: number;
  url: string;
  /** Where /metrics is served, when METRICS_PORT is set. */
  metricsUrl?: string;
  /** Stops taking turns, lets the turns in flight finish, then closes the server and storage. */
  close(): Promise<void>;
}

export interface ServerOptions {
  logger?: Logger;
  /** Interface to listen on; loopback in tests, all interfaces in production. */
  host?: string;
  /** Shared with the parts that count reminders and language-model calls; one per process. */
  metrics?: ProductMetrics;
  /** The tenants' standards, read and checked already (main.ts does it before anything starts). */
  standards?: TenantStandards;
}

/** Longer than the idle timeouts of the load balancers in front (e.g. 60 s), so they close first. */
const KEEP_ALIVE_MS = 65_000;

/** While stopping, how often connections that have just become idle are closed. */
const IDLE_SWEEP_MS = 100;
/** While stopping, how long a connection may stay open after the turns in flight have finished. */
const CLOSE_GRACE_MS = 5_000;

export async function startServer(config: Config, options: ServerOptions = {}): Promise<RunningServer> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const metrics = options.metrics ?? productMetrics();
  const services = await openServices(config, logger, metrics, options.standards);
  const endpoint = createTeamsEndpoint(config, logger, services.conversation, services.connector);

  const gate = createTurnGate(config.maxTurnsInFlight);
  let accepting = true;
  const inFlight = new Set<Promise<void>>();

  const server = restify.createServer({ name: 'familiestotte', handleUncaughtExceptions: false });
  // Node closes an idle kept-alive connection after 5 s; a client (the Bot Connector, a load balancer)
  // that reuses it at that moment gets "socket hang up" and the turn is lost. Idle connections are
  // kept longer than the usual load balancer idle timeouts instead, and headers may take a bit longer.
  server.server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.server.headersTimeout = KEEP_ALIVE_MS + 5_000;
  // Before routing, so even a path that does not exist never has its body read past the limit.
  for (const handler of edgeHandlers(config.http)) server.pre(handler);

  server.get('/health', async (_req, res) => {
    res.status(accepting ? 200 : 503);
    res.json({ status: accepting ? 'ok' : 'stopping' });
  });
  const observe = mountObservability(server, { db: services.db, metrics, accepting: () => accepting });

  registerTabRoutes(server, {
    mode: resolveTabAuth({ clientId: config.bot.appId, appIdUri: config.tab.appIdUri, allowedTenants: config.allowedTenants, production: config.tab.production }),
    views: services.summaries,
    overview: services.overview,
    logger,
  });

  server.post('/api/messages', async (req, res) => {
    if (!accepting) {
      // Bot Connector retries on 503, so a turn refused while stopping is taken by another instance.
      res.status(503);
      res.json({ error: 'stopping' });
      return;
    }
    if (!isActivityEnvelope(req.body)) {
      res.status(400);
      res.json({ error: 'not a Bot Framework activity' });
      observe.turnStarted(req)(400);
      return;
    }
    const done = observe.turnStarted(req);
    const turn = gate.run(() => endpoint.process(req, res));
    inFlight.add(turn);
    try {
      await turn;
    } finally {
      inFlight.delete(turn);
      done(res.statusCode);
    }
  });

  const host = options.host ?? config.host;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, host, () => {
      server.removeListener('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = address.port;
  const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
  let metricsServer: Awaited<ReturnType<typeof serveMetrics>> | undefined;
  try {
    metricsServer = config.metrics ? await serveMetrics(metrics, config.metrics) : undefined;
  } catch (error) {
    // METRICS_PORT taken: nothing of this server may stay open.
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await services.close();
    throw error;
  }
  const metricsUrl = metricsServer && config.metrics ? `http://${config.metrics.host === '0.0.0.0' ? '127.0.0.1' : config.metrics.host}:${metricsServer.port}` : undefined;
  logger.info({ port, metricsPort: metricsServer?.port }, 'taking turns');

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      accepting = false;
      logger.info({ inFlight: inFlight.size }, 'stopping: finishing turns in flight');
      await Promise.allSettled([...inFlight]);
      // Cards still being finished (a slow summary) are replaced before storage closes.
      await endpoint.settle();
      await new Promise<void>((resolve) => {
        // Kept-alive connections would hold the close open for KEEP_ALIVE_MS. Those idle now are
        // closed at once; those whose turn just finished become idle a moment later and are closed
        // as they do; a client that holds one without sending anything is cut off after a grace period.
        const sweep = setInterval(() => server.server.closeIdleConnections(), IDLE_SWEEP_MS);
        const cutOff = setTimeout(() => server.server.closeAllConnections(), CLOSE_GRACE_MS);
        server.close(() => {
          clearInterval(sweep);
          clearTimeout(cutOff);
          resolve();
        });
        server.server.closeIdleConnections();
      });
      await metricsServer?.close();
      await services.close();
      logger.info('stopped');
    })());

  return { port, url, metricsUrl, close };
}
