/**
 * A local stand-in for the Bot Connector service, for tests that post proactively.
 *
 * Usage:
 *   const connector = await startConnectorStandin();           // or { limits: scaleLimits(TEAMS_LIMITS, 0.05) }
 *   // give connector.url to the bot as the serviceUrl of a conversation reference
 *   connector.posts()                                          // accepted creates and sends, in arrival order
 *   connector.fail('19:chan@thread.tacv2', { status: 403, code: 'BotNotInConversationRoster' })
 *   connector.throttleNext(5, 1)                               // the next 5 requests get 429, Retry-After: 1
 *   await connector.close();
 *
 * Endpoints (the ones the bot calls):
 *   POST /v3/conversations                                  create a channel thread (channelData.channel.id) or a personal chat (members)
 *   POST /v3/conversations/:id/activities                   send into a conversation or thread
 *   POST /v3/conversations/:id/activities/:activityId       reply to an activity
 *   PUT  /v3/conversations/:id/activities/:activityId       update an activity (a card refreshed in place)
 *   GET  /v3/conversations/:teamId/members/:userId          is the user in the team (teams-roster.ts)
 *   GET  /v3/conversations/:id/members                      everyone in a group chat (teams-roster.ts)
 *   GET  /v3/teams/:teamId/conversations                    the team's channels (teams-roster.ts)
 *
 * It enforces Teams' published windows (limits.ts) per thread and per tenant, counting requests
 * as they arrive, and answers 429 with Retry-After when one would be exceeded; those refusals are
 * counted in `windowRefusals` so a test can assert the bot caused none. A new thread in a channel
 * counts against the channel; a send counts against the conversation it is sent to.
 * A request without a bearer token is refused with 401, as the real service does.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chatMembers, isTeamMember, memberName, teamChannelList } from './teams-roster.js';
import { TEAMS_LIMITS, type RateLimits, type RateWindow } from '../../bot/reminders/limits.js';

export interface RecordedRequest {
  method: 'POST' | 'PUT';
  path: string;
  kind: 'create-thread' | 'create-personal' | 'send' | 'update';
  /** The conversation the request went to, or the one it created. */
  conversationId: string;
  /** The key its per-thread windows are counted under. */
  threadKey: string;
  tenantId: string;
  // The recorded JSON body as the bot sent it; tests read into it freely.
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  status: number;
  /** Milliseconds since the stand-in started. */
  at: number;
  /** The id the stand-in gave a new activity, or for an update the id of the activity it replaced. */
  activityId?: string;
}

export interface FailureReply {
  status: number;
  /** The error code in the body, e.g. BotNotInConversationRoster, ConversationNotFound. */
  code?: string;
  retryAfterSeconds?: number;
  /** How many requests get this answer; unlimited when left out. */
  times?: number;
}

export interface ConnectorStandin {
  url: string;
  /** Every request that reached an endpoint, answered or refused, in arrival order. */
  requests: RecordedRequest[];
  /** Accepted POSTs: threads and chats created and activities sent. */
  posts(): RecordedRequest[];
  /** The team-member lookups the bot made (answered from teams-roster.ts), in arrival order. */
  memberLookups: { teamId: string; userId: string }[];
  /** 429s the stand-in gave because a window was full (not the ones it was told to give). */
  windowRefusals(): number;
  /** Answer requests to this conversation, or to a channel and every thread in it, with an error. */
  fail(conversationOrChannelId: string, reply: FailureReply): void;
  /** Answer the next `count` requests, whatever they are, with 429 and this Retry-After. */
  throttleNext(count: number, retryAfterSeconds: number): void;
  /** From now on every answer leaves this long after its request was taken (a slow service). */
  setLatency(ms: number): void;
  close(): Promise<void>;
}

export interface StandinOptions {
  limits?: RateLimits;
  /** Every answer leaves this long after its request was taken: the post exists before the bot hears of it. */
  latencyMs?: number;
  unref?: boolean;
}

export async function startConnectorStandin(options: StandinOptions = {}): Promise<ConnectorStandin> {
  const limits = options.limits ?? TEAMS_LIMITS;
  const started = performance.now();
  const requests: RecordedRequest[] = [];
  const failures = new Map<string, FailureReply>();
  const windows = new Map<string, number[]>();
  const tenantOf = new Map<string, string>();
  const memberLookups: { teamId: string; userId: string }[] = [];
  let throttle = { count: 0, retryAfterSeconds: 1 };
  let refusals = 0;
  let nextId = 1;
  let latencyMs = options.latencyMs ?? 0;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://standin');
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    if (req.method === 'GET' && parts[0] === 'v3' && parts[1] === 'teams' && parts[3] === 'conversations' && parts.length === 4) {
      return reply(res, 200, { conversations: teamChannelList(parts[2]!) });
    }
    if (req.method === 'GET' && parts[0] === 'v3' && parts[1] === 'conversations' && parts[3] === 'members' && parts.length === 4) {
      return reply(res, 200, chatMembers(parts[2]!).map((m) => ({ id: `29:${m.userId}`, aadObjectId: m.userId, name: m.name })));
    }
    if (req.method === 'GET' && parts[0] === 'v3' && parts[1] === 'conversations' && parts[3] === 'members' && parts.length === 5) {
      const [teamId, userId] = [parts[2]!, parts[4]!];
      memberLookups.push({ teamId, userId });
      return isTeamMember(teamId, userId)
        ? reply(res, 200, { id: `29:${userId}`, aadObjectId: userId, name: memberName(teamId, userId) })
        : reply(res, 404, { error: { code: 'MemberNotFoundInConversation', message: 'The member was not found in the conversation.' } });
    }
    if (parts[0] !== 'v3' || parts[1] !== 'conversations' || (req.method !== 'POST' && req.method !== 'PUT')) {
      return reply(res, 404, { error: { code: 'NotFound', message: `no such endpoint: ${req.method} ${url.pathname}` } });
    }
    const body = await readJson(req);
    if (!/^Bearer \S+/.test(req.headers.authorization ?? '')) return reply(res, 401, { error: { code: 'Unauthorized', message: 'missing bearer token' } });

    const route = classify(req.method, parts, body);
    if (!route) return reply(res, 400, { error: { code: 'BadArgument', message: 'unrecognised request' } });
    const tenantId = body?.channelData?.tenant?.id ?? body?.tenantId ?? tenantOf.get(route.conversationId.split(';')[0]!) ?? tenantOf.get(route.conversationId) ?? 'unknown';
    const record: RecordedRequest = { method: req.method, path: url.pathname, kind: route.kind, conversationId: route.conversationId, threadKey: route.threadKey, tenantId, body, status: 0, at: performance.now() - started };
    requests.push(record);

    if (throttle.count > 0) {
      throttle.count--;
      return answer(record, res, 429, { error: { code: 'Throttled', message: 'too many requests' } }, throttle.retryAfterSeconds);
    }
    const failure = failureFor(route.conversationId);
    if (failure) return answer(record, res, failure.status, { error: { code: failure.code ?? 'ServiceError', message: 'stand-in failure' } }, failure.retryAfterSeconds);

    const now = performance.now();
    const wait = Math.max(roomIn(`thread:${route.threadKey}`, limits.thread, now), roomIn(`tenant:${tenantId}`, limits.tenant, now));
    if (wait > 0) {
      refusals++;
      return answer(record, res, 429, { error: { code: 'Throttled', message: 'rate window exceeded' } }, Math.ceil(wait / 1000));
    }
    count(`thread:${route.threadKey}`, now);
    count(`tenant:${tenantId}`, now);

    // An update names the activity it replaces; anything else gets a new id.
    const activityId = route.kind === 'update' ? decodeURIComponent(parts[4]!) : String(nextId++);
    record.activityId = activityId;
    if (route.kind === 'create-thread' || route.kind === 'create-personal') {
      const id = route.kind === 'create-thread' ? `${route.threadKey};messageid=${activityId}` : `a:personal-${activityId}`;
      record.conversationId = id;
      tenantOf.set(id, tenantId);
      if (route.kind === 'create-thread') tenantOf.set(route.threadKey, tenantId);
      return answer(record, res, 201, { id, activityId });
    }
    return answer(record, res, route.kind === 'update' ? 200 : 201, { id: activityId });
  };

  function failureFor(conversationId: string): FailureReply | undefined {
    const channel = conversationId.split(';')[0]!;
    for (const key of [conversationId, channel]) {
      const failure = failures.get(key);
      if (!failure) continue;
      if (failure.times !== undefined) {
        if (failure.times <= 0) continue;
        failure.times--;
      }
      return failure;
    }
    return undefined;
  }

  function roomIn(key: string, limitsFor: RateWindow[], now: number): number {
    const log = windows.get(key) ?? [];
    let wait = 0;
    for (const w of limitsFor) {
      const inWindow = log.filter((t) => t > now - w.ms);
      if (inWindow.length >= w.limit) wait = Math.max(wait, inWindow[inWindow.length - w.limit]! + w.ms - now);
    }
    return wait;
  }

  function count(key: string, now: number): void {
    const longest = Math.max(...limits.thread.map((w) => w.ms), ...limits.tenant.map((w) => w.ms));
    const log = (windows.get(key) ?? []).filter((t) => t > now - longest);
    log.push(now);
    windows.set(key, log);
  }

  function answer(record: RecordedRequest, res: ServerResponse, status: number, body: unknown, retryAfterSeconds?: number): void {
    record.status = status;
    if (latencyMs > 0) setTimeout(() => reply(res, status, body, retryAfterSeconds), latencyMs);
    else reply(res, status, body, retryAfterSeconds);
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // A failure after the answer went out (the client hung up) must not crash the stand-in.
      if (res.headersSent) res.destroy();
      else reply(res, 500, { error: { code: 'StandinError', message: String(error) } });
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  // The shared one must not keep a finished process (a benchmark) alive.
  if (options.unref) server.unref();
  const { port } = server.address() as AddressInfo;

  return {
    setLatency(ms: number) {
      latencyMs = ms;
    },
    memberLookups,
    url: `http://127.0.0.1:${port}/`,
    requests,
    posts: () => requests.filter((r) => r.method === 'POST' && r.status >= 200 && r.status < 300),
    windowRefusals: () => refusals,
    fail: (id, failure) => void failures.set(id, { ...failure }),
    throttleNext: (n, retryAfterSeconds) => void (throttle = { count: n, retryAfterSeconds }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

interface Route {
  kind: RecordedRequest['kind'];
  conversationId: string;
  threadKey: string;
}

function classify(method: string | undefined, parts: string[], body: any): Route | null { // eslint-disable-line @typescript-eslint/no-explicit-any
  if (method === 'POST' && parts.length === 2) {
    const channelId: unknown = body?.channelData?.channel?.id;
    if (typeof channelId === 'string') return { kind: 'create-thread', conversationId: channelId, threadKey: channelId };
    const member: unknown = body?.members?.[0]?.id;
    if (typeof member === 'string') return { kind: 'create-personal', conversationId: `personal:${member}`, threadKey: `personal:${member}` };
    return null;
  }
  const conversationId = parts[2];
  if (!conversationId || parts[3] !== 'activities') return null;
  if (method === 'POST' && (parts.length === 4 || parts.length === 5)) return { kind: 'send', conversationId, threadKey: conversationId };
  if (method === 'PUT' && parts.length === 5) return { kind: 'update', conversationId, threadKey: conversationId };
  return null;
}

function readJson(req: IncomingMessage): Promise<any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        resolve(text ? JSON.parse(text) : null);
      } catch (error) {
        reject(error);
      }
    });
    req.on('error', reject);
  });
}

function reply(res: ServerResponse, status: number, body: unknown, retryAfterSeconds?: number): void {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (retryAfterSeconds !== undefined) headers['retry-after'] = String(retryAfterSeconds);
  // Not chained: restify, loaded when the bot runs in the same process, patches writeHead to return nothing.
  res.writeHead(status, headers);
  res.end(JSON.stringify(body));
}

let shared: Promise<ConnectorStandin> | undefined;

/**
 * One stand-in per test process for clients that name no service URL of their own: the bot asks
 * it who is in a team, and what it posts there is accepted. Left running until the process ends.
 */
export function sharedConnectorStandin(): Promise<ConnectorStandin> {
  return (shared ??= startConnectorStandin({ unref: true }));
}
