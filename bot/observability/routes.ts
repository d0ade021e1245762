import { createServer, type Server as HttpServer } from 'node:http';
import type { Request, Server } from 'restify';
import type { Queryable } from '../storage/database.js';
import { PROMETHEUS_CONTENT_TYPE } from './metrics.js';
import type { ProductMetrics } from './product-metrics.js';
import { checkReadiness } from './readiness.js';

/** Activity types worth a label of their own; anything else is "other", so a caller cannot grow the label set. */
const KINDS = new Set(['message', 'invoke', 'conversationUpdate', 'installationUpdate', 'messageReaction', 'event']);

function resultOf(status: number): string {
  if (status >= 500) return status === 503 ? 'unavailable' : 'error';
  if (status >= 400) return 'rejected';
  return 'ok';
}

/**
 * GET /ready on the bot's server, and the turn counter around /api/messages.
 * /ready answers 503 while the instance is stopping, so the load balancer drains it first.
 */
export function mountObservability(server: Server, deps: { db: Queryable; metrics: ProductMetrics; accepting: () => boolean }) {
  server.get('/ready', async (_req, res) => {
    const readiness = await checkReadiness(deps.db);
    const ready = readiness.ready && deps.accepting();
    res.status(ready ? 200 : 503);
    res.json({ ...readiness, ready, stopping: !deps.accepting() });
  });

  return {
    /** Call when a turn starts; call the result with the response status when it ends. */
    turnStarted(req: Request): (status: number) => void {
      const type = (req.body as { type?: unknown } | undefined)?.type;
      const kind = typeof type === 'string' && KINDS.has(type) ? type : 'other';
      const stop = deps.metrics.turnSeconds.startTimer({ kind });
      return (status) => {
        stop();
        deps.metrics.turns.inc({ kind, result: resultOf(status) });
      };
    },
  };
}

/**
 * GET /metrics on a listener of its own (METRICS_PORT), never on the public port: the counters
 * tell anyone who can read them how busy each municipality's team is and when it works.
 */
export async function serveMetrics(metrics: ProductMetrics, at: { port: number; host: string }): Promise<{ port: number; close(): Promise<void> }> {
  const server: HttpServer = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (req.method !== 'GET' || path !== '/metrics') {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"error":"not found"}');
      return;
    }
    res.writeHead(200, { 'content-type': PROMETHEUS_CONTENT_TYPE, 'cache-control': 'no-store' });
    res.end(metrics.registry.render());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(at.port, at.host, () => {
      server.removeListener('error', reject);
      resolve();
    });
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : at.port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
