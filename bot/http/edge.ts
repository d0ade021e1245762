import type { IncomingMessage, ServerResponse } from 'node:http';
import { discardBody, expectsBody, readJsonBody, refuseByHeaders } from './json-body.js';

/**
 * What every request passes before it reaches a route: HSTS, the refusal of proxied requests to
 * an unauthenticated bot, and the bounded JSON body. Refusals are short JSON, never an echo.
 */

export interface EdgeSettings {
  maxRequestBytes: number;
  unauthenticatedLocal: boolean;
  hsts: boolean;
}

type Next = (proceed?: false) => void;
type EdgeHandler = (req: IncomingMessage & { body?: unknown }, res: ServerResponse, next: Next) => void;

const HSTS = 'max-age=31536000';

/** Any of these means a proxy is in front, i.e. the bot is reachable from elsewhere than this machine. */
const FORWARDING_HEADERS = ['forwarded', 'x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto'];

export function sendRefusal(res: ServerResponse, status: number, error: string): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify({ error }));
}

export function edgeHandlers(settings: EdgeSettings): EdgeHandler[] {
  const handlers: EdgeHandler[] = [];
  if (settings.hsts) {
    handlers.push((_req, res, next) => {
      res.setHeader('strict-transport-security', HSTS);
      next();
    });
  }
  if (settings.unauthenticatedLocal) {
    handlers.push((req, res, next) => {
      if (FORWARDING_HEADERS.some((h) => req.headers[h] !== undefined)) {
        sendRefusal(res, 403, 'forwarded requests need a bot registration (MicrosoftAppId)');
        return next(false);
      }
      next();
    });
  }
  handlers.push((req, res, next) => {
    if (!expectsBody(req.method)) return next();
    const refused = refuseByHeaders(req.headers, settings.maxRequestBytes);
    if (refused) {
      // Answered from the headers: not a byte of the body is parsed or inflated.
      discardBody(req, 2 * settings.maxRequestBytes);
      sendRefusal(res, refused.status, refused.error);
      return next(false);
    }
    void readJsonBody(req, settings.maxRequestBytes).then((result) => {
      if (result.ok) {
        req.body = result.body;
        return next();
      }
      if (result.status === 413) discardBody(req, settings.maxRequestBytes);
      sendRefusal(res, result.status, result.error);
      next(false);
    });
  });
  return handlers;
}
