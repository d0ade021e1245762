import { localeFrom, type Locale, type Localized } from '../../cards/locale.js';
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { openDoor } from '../conversation/doors.js';
import { TAB_ROUTES, type TabCall, type TabRoute } from '../conversation/routes.js';
import type { RosterSource } from './access.js';
import { firstMessage } from './api-schemas.js';
import { TabAuthError } from './auth.js';
import { CaseViewError, PAGE_NOT_FOUND, type CaseViews } from './case-views.js';
import { say } from '../conversation/texts.js';
import { identify, type TabAuthMode } from './mode.js';
import { readStatic } from './static-files.js';
import type { OverviewViews } from '../overview/views.js';

/**
 * The tab over HTTP: its page under /tab/ and a small JSON API under /api/tab/, both on the
 * bot's own server. Every API call names its caller with a Bearer token (see mode.ts).
 */

export interface TabLogger {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface TabRouteDeps {
  mode: TabAuthMode;
  views: CaseViews;
  /** The team's overview (channel tab); absent where it is not wired. */
  overview?: OverviewViews;
  logger?: TabLogger;
}

/**
 * Teams shows the tab in a frame from these hosts; no one else may frame it. teams-js fetches
 * its list of valid Teams origins from res.cdn.office.net, the one other place the page talks to.
 */
const FRAME_ANCESTORS = "'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.teams.microsoft.us https://*.cloud.microsoft https://*.office.com https://*.microsoft365.com https://*.skype.com";
const CSP = `default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self' https://res.cdn.office.net; frame-ancestors ${FRAME_ANCESTORS}; base-uri 'none'; form-action 'none'`;

export function registerTabRoutes(server: Server, deps: TabRouteDeps): void {
  const serveFile = (name: string) => async (req: Request, res: Response) => {
    const file = await readStatic(name);
    if (!file) return sendError(res, 404, 'not-found', PAGE_NOT_FOUND[langOf(req)]);
    res.setHeader('content-security-policy', CSP);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('cache-control', 'no-cache');
    res.writeHead(200, { 'content-type': file.contentType, 'content-length': file.body.length });
    res.end(file.body);
  };
  server.get('/tab', serveFile('index.html'));
  server.get('/tab/', serveFile('index.html'));
  for (const name of ['index.html', 'tab.js', 'tab.css', 'overview.js', 'overview.css', 'teams-js.min.js']) server.get(`/tab/${name}`, serveFile(name));

  // Tells the page whether to ask Teams for a token or run as the local developer.
  server.get('/api/tab/config', async (_req, res) => {
    sendJson(res, 200, { mode: deps.mode.kind === 'dev' ? 'dev' : deps.mode.kind === 'sso' ? 'sso' : 'disabled', overview: Boolean(deps.overview) });
  });

  // The API's routes and their doors are the bot's one route table (bot/conversation/routes.ts).
  const byPath = new Map<string, ((call: TabCall, raw: unknown) => Promise<Parsed>)[]>();
  for (const route of Object.values(TAB_ROUTES)) byPath.set(route.path, [...(byPath.get(route.path) ?? []), (call, raw) => throughDoor(call, route, raw)]);
  for (const [path, routes] of byPath) {
    server.get(path, async (req, res) => {
      await answer(server, req, res, deps, async (who) => {
        const raw = { ...Object.fromEntries(new URL(req.url ?? '', 'http://tab').searchParams), ...req.params };
        const call: TabCall = {
          deps: { ...deps.views.doors, roster: deps.views.doors.roster && failingClosed(deps.views.doors.roster) },
          scope: { tenantId: who.tenantId, actorId: who.userId, origin: 'tab' },
          locale: langOf(req),
          info: { conversation: { kind: 'tab' } },
          views: deps.views,
          ...(deps.overview ? { overview: deps.overview } : {}),
        };
        const errors: z.ZodError[] = [];
        for (const route of routes) {
          const result = await route(call, raw);
          if (result.ok) return result.body;
          errors.push(result.error);
        }
        // Of the routes sharing a path, the one whose `view` matched says what was wrong.
        throw new CaseViewError(400, 'bad-query', firstMessage(errors.find((e) => e.issues[0]?.path[0] !== 'view') ?? errors[0]!));
      });
    });
  }
}

type Parsed = { ok: true; body: object } | { ok: false; error: z.ZodError };

async function throughDoor<I>(call: TabCall, route: TabRoute<I>, raw: unknown): Promise<Parsed> {
  const input = route.input.safeParse(raw);
  if (!input.success) return { ok: false, error: input.error };
  const opened = await openDoor(call, route.door, input.data);
  // Not found, whatever the reason: the tab does not tell an outsider that a case or team exists.
  if (!opened.ok) throw new CaseViewError(404, 'not-found', { da: say(opened.key, 'da'), en: say(opened.key, 'en') });
  return { ok: true, body: await route.run(opened.turn, input.data) };
}

/** Fail closed: without the roster nobody gets in, and the page says to try again. */
function failingClosed(roster: RosterSource): RosterSource {
  return {
    async isMember(tenantId, teamId, userId) {
      try {
        return await roster.isMember(tenantId, teamId, userId);
      } catch (error) {
        throw new CaseViewError(503, 'roster-unavailable', ROSTER_UNAVAILABLE, { cause: error });
      }
    },
  };
}

const ROSTER_UNAVAILABLE: Localized = {
  da: 'Teams kunne ikke bekræfte, at du er medlem af teamet. Prøv igen om lidt.',
  en: 'Teams could not confirm that you are a member of the team. Try again in a moment.',
};
const INTERNAL: Localized = {
  da: 'Noget gik galt hos Familiestøtte. Prøv igen om lidt; sker det igen, så kontakt den, der driver Familiestøtte.',
  en: 'Something went wrong in Familiestøtte. Try again in a moment; if it happens again, contact whoever runs Familiestøtte.',
};

/** The page says which language its reader has (Teams' locale, or the browser's outside Teams), as `lang` on every call. */
function langOf(req: Request): Locale {
  return localeFrom(new URL(req.url ?? '', 'http://tab').searchParams.get('lang'));
}

async function answer(server: Server, req: Request, res: Response, deps: TabRouteDeps, handle: (who: Awaited<ReturnType<typeof identify>>) => Promise<object>): Promise<void> {
  const locale = langOf(req);
  try {
    const who = await identify(deps.mode, {
      authorization: req.headers.authorization,
      // Read per request, not at registration: the server may be bound after routes are added.
      boundAddress: server.address()?.address,
      remoteAddress: req.socket.remoteAddress,
    });
    sendJson(res, 200, await handle(who));
  } catch (error) {
    if (error instanceof TabAuthError || error instanceof CaseViewError) {
      if (error.status === 401 || error.status === 503) deps.logger?.warn({ code: error.code, path: req.getPath() }, 'tab request refused');
      return sendError(res, error.status, error.code, error.words[locale]);
    }
    deps.logger?.error({ err: error, path: req.getPath() }, 'tab request failed');
    sendError(res, 500, 'internal', INTERNAL[locale]);
  }
}

function sendJson(res: Response, status: number, body: object): void {
  res.setHeader('cache-control', 'no-store');
  res.setHeader('x-content-type-options', 'nosniff');
  res.status(status);
  res.json(body);
}

function sendError(res: Response, status: number, error: string, message: string): void {
  if (status === 401) res.setHeader('www-authenticate', 'Bearer');
  sendJson(res, status, { error, message });
}
