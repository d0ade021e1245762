/**
 * Proactive posting through the Bot Connector REST API: a new thread in a team channel, a reply
 * in that thread, a personal chat with one user, and updating a posted card in place.
 *
 * Plain HTTP rather than botbuilder's ConnectorClient so the caller sees every status, the error
 * code in the body and the Retry-After header, which the reminder dispatcher needs to obey Teams'
 * throttling. Only the token comes from botbuilder (botframework-connector), and only here.
 */
import { MicrosoftAppCredentials } from 'botframework-connector';

/** Gives a bearer token for the Bot Connector; refreshes itself as needed. */
export type TokenSource = () => Promise<string>;

export interface BotCredentials {
  appId: string;
  appPassword: string;
  /** For single-tenant bots: the tenant the app is registered in. */
  appTenantId?: string;
}

export function botFrameworkTokens(credentials: BotCredentials): TokenSource {
  const app = new MicrosoftAppCredentials(credentials.appId, credentials.appPassword, credentials.appTenantId);
  return () => app.getToken();
}

/** A refusal from the connector, with what the caller needs to decide to wait, retry or reroute. */
export class ConnectorError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    /** From Retry-After, in milliseconds, when the service sent one. */
    readonly retryAfterMs: number | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'ConnectorError';
  }
}

export interface Activity {
  type: 'message';
  text?: string;
  attachments?: { contentType: string; content: unknown }[];
  channelData?: Record<string, unknown>;
  summary?: string;
}

export interface ConnectorClient {
  /** Starts a new thread in a team channel; the thread id is the conversation to reply in. */
  createThread(args: { serviceUrl: string; tenantId: string; botId: string; channelId: string; activity: Activity }): Promise<{ threadId: string; activityId: string }>;
  /** Opens (or reopens) the personal chat between the bot and one user. */
  createPersonalChat(args: { serviceUrl: string; tenantId: string; botId: string; userId: string }): Promise<{ conversationId: string }>;
  send(args: { serviceUrl: string; tenantId: string; conversationId: string; activity: Activity }): Promise<{ activityId: string }>;
  update(args: { serviceUrl: string; tenantId: string; conversationId: string; activityId: string; activity: Activity }): Promise<void>;
  /** A team's channels (GET /v3/teams/{teamId}/conversations); General comes without a name. */
  teamChannels(args: { serviceUrl: string; teamId: string }): Promise<{ id: string; name?: string }[]>;
  /** Everyone in a conversation (a group or meeting chat), by Entra object id and display name. */
  members(args: { serviceUrl: string; conversationId: string }): Promise<{ userId: string; name: string }[]>;
  /**
   * One member of a team (GET /v3/conversations/{teamId}/members/{userId}; the Entra object id is
   * accepted as user id), with its Teams id ("29:…") and the display name Teams shows now; null when
   * not in the team (404).
   */
  teamMember(args: { serviceUrl: string; teamId: string; userId: string }): Promise<{ id: string; userId: string; name: string } | null>;
}

export function createConnectorClient(tokens: TokenSource, options: { timeoutMs?: number } = {}): ConnectorClient {
  const timeoutMs = options.timeoutMs ?? 15_000;

  async function call(method: 'GET' | 'POST' | 'PUT', serviceUrl: string, path: string, body?: unknown): Promise<unknown> {
    const url = new URL(path, serviceUrl.endsWith('/') ? serviceUrl : `${serviceUrl}/`);
    const response = await fetch(url, {
      method,
      headers: { authorization: `Bearer ${await tokens()}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    const json = parseBody(text);
    if (!response.ok) {
      const error = (json as { error?: { code?: string; message?: string } } | null)?.error;
      throw new ConnectorError(response.status, error?.code ?? `HTTP${response.status}`, parseRetryAfter(response.headers.get('retry-after')), error?.message ?? `connector answered ${response.status}`);
    }
    return json ?? {};
  }
  const object = async (method: 'POST' | 'PUT', serviceUrl: string, path: string, body: unknown) => {
    const value = await call(method, serviceUrl, path, body);
    return (value && typeof value === 'object' && !Array.isArray(value) ? value : {}) as Record<string, unknown>;
  };

  const tenantData = (tenantId: string) => ({ tenant: { id: tenantId } });

  return {
    async createThread({ serviceUrl, tenantId, botId, channelId, activity }) {
      const result = await object('POST', serviceUrl, 'v3/conversations', {
        isGroup: true,
        bot: { id: botId },
        tenantId,
        channelData: { channel: { id: channelId }, ...tenantData(tenantId) },
        activity: { ...activity, channelData: { ...activity.channelData, ...tenantData(tenantId) } },
      });
      return { threadId: String(result.id), activityId: String(result.activityId ?? '') };
    },
    async createPersonalChat({ serviceUrl, tenantId, botId, userId }) {
      const result = await object('POST', serviceUrl, 'v3/conversations', {
        isGroup: false,
        bot: { id: botId },
        members: [{ id: userId }],
        tenantId,
        channelData: tenantData(tenantId),
      });
      return { conversationId: String(result.id) };
    },
    async send({ serviceUrl, tenantId, conversationId, activity }) {
      const result = await object('POST', serviceUrl, `v3/conversations/${encodeURIComponent(conversationId)}/activities`, {
        ...activity,
        channelData: { ...activity.channelData, ...tenantData(tenantId) },
      });
      return { activityId: String(result.id ?? '') };
    },
    async update({ serviceUrl, tenantId, conversationId, activityId, activity }) {
      await object('PUT', serviceUrl, `v3/conversations/${encodeURIComponent(conversationId)}/activities/${encodeURIComponent(activityId)}`, {
        ...activity,
        id: activityId,
        channelData: { ...activity.channelData, ...tenantData(tenantId) },
      });
    },
    async teamChannels({ serviceUrl, teamId }) {
      const value = (await call('GET', serviceUrl, `v3/teams/${encodeURIComponent(teamId)}/conversations`)) as { conversations?: { id?: unknown; name?: unknown }[] } | null;
      return (value?.conversations ?? [])
        .filter((c): c is { id: string; name?: unknown } => typeof c.id === 'string' && c.id !== '')
        .map((c) => (typeof c.name === 'string' && c.name !== '' ? { id: c.id, name: c.name } : { id: c.id }));
    },
    async members({ serviceUrl, conversationId }) {
      const value = await call('GET', serviceUrl, `v3/conversations/${encodeURIComponent(conversationId)}/members`);
      const list = Array.isArray(value) ? (value as { id?: unknown; aadObjectId?: unknown; name?: unknown }[]) : [];
      return list.map((m) => ({ userId: String(m.aadObjectId ?? m.id ?? ''), name: typeof m.name === 'string' ? m.name : '' })).filter((m) => m.userId !== '');
    },
    async teamMember({ serviceUrl, teamId, userId }) {
      try {
        const m = (await call('GET', serviceUrl, `v3/conversations/${encodeURIComponent(teamId)}/members/${encodeURIComponent(userId)}`)) as { id?: unknown; aadObjectId?: unknown; name?: unknown } | null;
        const name = typeof m?.name === 'string' ? m.name.trim() : '';
        if (name === '') return null;
        const id = typeof m?.id === 'string' && m.id !== '' ? m.id : userId;
        return { id, userId: typeof m?.aadObjectId === 'string' && m.aadObjectId !== '' ? m.aadObjectId : userId, name };
      } catch (error) {
        // 404 is the connector's "not a member"; anything else is the caller's to handle.
        if (error instanceof ConnectorError && error.status === 404) return null;
        throw error;
      }
    },
  };
}

function parseBody(text: string): unknown {
  if (!text) return null;
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' ? value : null;
  } catch {
    // A non-JSON body (a proxy's HTML error page) carries nothing we act on; the status does.
    return null;
  }
}

/** Retry-After is either delay-seconds or an HTTP date (RFC 9110 § 10.2.3). */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
