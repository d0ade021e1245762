import { randomUUID } from 'node:crypto';
import { request as httpRequest, type Agent } from 'node:http';
import { sharedConnectorStandin } from './connector-standin.js';
import { addTeamChannel, joinChat, joinTeam } from './teams-roster.js';

/**
 * A tiny Bot Framework client for tests: real activities over real HTTP to /api/messages.
 * Messages use deliveryMode "expectReplies", so the bot's replies come back in the response
 * body (the bot runs without an app id in tests); invokes return their invoke response.
 * A client that writes in a channel is a member of its team (teams-roster.ts), as in Teams.
 */

export type CardJson = Record<string, unknown>;

export interface ReplyActivity {
  type: string;
  text?: string;
  attachments?: { contentType: string; content: CardJson }[];
}

export interface InvokeResult {
  status: number;
  body: { statusCode: number; type: string; value: unknown } | undefined;
  /** The card of an `application/vnd.microsoft.card.adaptive` invoke response. */
  card: CardJson | undefined;
}

export interface BotClientOptions {
  /** Base URL of the running bot, e.g. http://127.0.0.1:PORT */
  url: string;
  tenantId?: string;
  userId?: string;
  userName?: string;
  locale?: string;
  conversationId?: string;
  /** Default personal; a channel conversation also needs teamId. */
  kind?: 'personal' | 'channel' | 'groupChat';
  teamId?: string;
  teamName?: string;
  channelId?: string;
  /** The channel's name as Teams lists it; General has none. */
  channelName?: string;
  /** Where the bot posts and asks who is in a team; by default the process's shared connector stand-in. */
  serviceUrl?: string;
  /** An activity Teams would not send: its sender writes in a channel without being in the team. */
  forged?: boolean;
  /** Extra request headers, e.g. an Authorization header. */
  headers?: Record<string, string>;
  /**
   * Send over this keep-alive agent instead of the process-wide fetch pool: a load test gives each
   * simulated caseworker its own connection, as separate clients would have, so the pool's own
   * connection churn is not measured as the bot's latency.
   */
  agent?: Agent;
}

export const BOT_ID = '28:familiestotte-test-bot';
/** The team of a channel conversation that names none. */
export const DEFAULT_TEAM = '19:team@thread.tacv2';

export class BotClient {
  readonly tenantId: string;
  readonly userId: string;
  readonly conversationId: string;

  constructor(private readonly options: BotClientOptions) {
    this.tenantId = options.tenantId ?? randomUUID();
    this.userId = options.userId ?? randomUUID();
    this.conversationId = options.conversationId ?? `a:${randomUUID()}`;
  }

  /** Makes this client's user a member of a team without writing there (a colleague who only reads). */
  joinTeam(teamId: string = this.options.teamId ?? DEFAULT_TEAM): void {
    joinTeam(teamId, this.userId);
  }

  /** Another conversation partner against the same bot (another user, tenant or conversation). */
  with(overrides: Partial<BotClientOptions>): BotClient {
    return new BotClient({ ...this.options, tenantId: this.tenantId, userId: this.userId, conversationId: this.conversationId, ...overrides });
  }

  /** A typed message; `mention` prefixes an @mention of the bot as Teams does in channels. */
  async say(text: string, options: { mention?: boolean } = {}): Promise<ReplyActivity[]> {
    const mention = options.mention ? '<at>Familiestøtte</at> ' : '';
    const entities = options.mention
      ? [{ type: 'mention', text: '<at>Familiestøtte</at>', mentioned: { id: BOT_ID, name: 'Familiestøtte' } }]
      : [];
    const response = await this.post({ type: 'message', text: `${mention}${text}`, entities, deliveryMode: 'expectReplies' });
    return this.replies(response);
  }

  /**
   * An Action.Execute click: the card's data (inputs included) as Teams sends it. `replyToId` is
   * the id of the message holding the card, which Teams sends so the bot can update it later.
   */
  async execute(verb: string, data: Record<string, unknown> = {}, options: { replyToId?: string } = {}): Promise<InvokeResult> {
    const response = await this.post({
      type: 'invoke',
      name: 'adaptiveCard/action',
      ...(options.replyToId ? { replyToId: options.replyToId } : {}),
      value: { action: { type: 'Action.Execute', verb, data: { ...data, verb } }, trigger: 'manual' },
    });
    const text = await response.text();
    const body = text ? (JSON.parse(text) as InvokeResult['body']) : undefined;
    const card = body?.type === 'application/vnd.microsoft.card.adaptive' ? (body.value as CardJson) : undefined;
    return { status: response.status, body, card };
  }

  /** The Action.Submit fallback: a message whose value carries the verb and the inputs. */
  async submit(data: Record<string, unknown>): Promise<ReplyActivity[]> {
    const response = await this.post({ type: 'message', value: data, deliveryMode: 'expectReplies' });
    return this.replies(response);
  }

  /**
   * The bot added to this conversation (a team channel when kind is "channel"), with both notices
   * Teams sends on install: the conversationUpdate and the installationUpdate (which greets).
   */
  async install(): Promise<ReplyActivity[]> {
    const added = await this.post({ type: 'conversationUpdate', membersAdded: [{ id: BOT_ID }], deliveryMode: 'expectReplies' });
    const installed = await this.post({ type: 'installationUpdate', action: 'add', deliveryMode: 'expectReplies' });
    return [...(await this.replies(added)), ...(await this.replies(installed))];
  }

  async uninstall(): Promise<number> {
    const response = await this.post({ type: 'installationUpdate', action: 'remove' });
    return response.status;
  }

  /** Sends any activity with this client's conversation, user and tenant filled in. */
  async post(activity: Record<string, unknown>): Promise<Response> {
    const o = this.options;
    const kind = o.kind ?? 'personal';
    const channelData: Record<string, unknown> = { tenant: { id: this.tenantId } };
    if (kind === 'channel') {
      const teamId = o.teamId ?? DEFAULT_TEAM;
      channelData.team = { id: teamId, name: o.teamName ?? 'Familieafdelingen' };
      channelData.channel = { id: o.channelId ?? this.conversationId };
      // Only a member of a team can write in its channels or add an app there.
      if (!o.forged) joinTeam(teamId, this.userId);
      addTeamChannel(teamId, (o.channelId ?? this.conversationId).split(';')[0]!, o.channelName);
    }
    // Whoever writes in a group chat is in it.
    if (kind === 'groupChat') joinChat(this.conversationId, this.userId, o.userName ?? 'Test Sagsbehandler');
    const body = {
      id: randomUUID(),
      channelId: 'msteams',
      serviceUrl: o.serviceUrl ?? (await sharedConnectorStandin()).url,
      timestamp: new Date().toISOString(),
      locale: o.locale ?? 'da-DK',
      from: { id: `29:${this.userId}`, aadObjectId: this.userId, name: o.userName ?? 'Test Sagsbehandler' },
      recipient: { id: BOT_ID, name: 'Familiestøtte' },
      conversation: { id: this.conversationId, conversationType: kind, tenantId: this.tenantId, isGroup: kind !== 'personal' },
      channelData,
      ...activity,
    };
    const headers = { 'content-type': 'application/json', ...o.headers };
    if (o.agent) return postWithAgent(`${o.url}/api/messages`, o.agent, headers, JSON.stringify(body));
    return fetch(`${o.url}/api/messages`, { method: 'POST', headers, body: JSON.stringify(body) });
  }

  private async replies(response: Response): Promise<ReplyActivity[]> {
    if (response.status !== 200) throw new Error(`/api/messages answered ${response.status}: ${await response.text()}`);
    const body = (await response.json()) as { activities?: ReplyActivity[] };
    return body.activities ?? [];
  }
}

/** The Adaptive Cards among replies, in order. */
export function cardsIn(replies: readonly ReplyActivity[]): CardJson[] {
  return replies.flatMap((r) => (r.attachments ?? []).filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive').map((a) => a.content));
}

/** Every text a person would read on a card (TextBlocks, FactSet facts, labels, action titles). */
export function cardText(card: CardJson | undefined): string {
  const parts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    for (const key of ['text', 'title', 'label', 'value', 'placeholder', 'errorMessage', 'fallbackText']) {
      if (typeof o[key] === 'string') parts.push(o[key] as string);
    }
    Object.values(o).forEach(walk);
  };
  walk(card);
  return parts.join('\n');
}

/** Finds an action on a card by verb, e.g. to read the draft id the card carries. */
export function actionData(card: CardJson | undefined, verb: string): Record<string, unknown> | undefined {
  let found: Record<string, unknown> | undefined;
  const walk = (node: unknown): void => {
    if (found || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const o = node as Record<string, unknown>;
    if ((o.type === 'Action.Execute' || o.type === 'Action.Submit') && (o.verb === verb || (o.data as Record<string, unknown> | undefined)?.verb === verb)) {
      found = (o.data as Record<string, unknown>) ?? {};
      return;
    }
    Object.values(o).forEach(walk);
  };
  walk(card);
  return found;
}

function postWithAgent(url: string, agent: Agent, headers: Record<string, string>, body: string): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: 'POST', agent, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const responseHeaders = new Headers();
        for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') responseHeaders.set(k, v);
        const status = res.statusCode ?? 0;
        resolve(new Response(status === 204 ? null : Buffer.concat(chunks), { status, headers: responseHeaders }));
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}
