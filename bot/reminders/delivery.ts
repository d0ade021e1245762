import { ConnectorError, type Activity, type ConnectorClient } from '../teams/proactive.js';
import type { Clock } from './clock.js';
import { markSending, type ClaimedReminder } from './claims.js';
import type { Sql } from './db.js';
import { tenantShare, type RateLimits } from './limits.js';
import type { MentionLookup } from './mention.js';
import { reminderActivity } from './message.js';
import { deactivateChannel, markFailed, markSent, postpone, postRef, recordAttempt, savePersonalChat, type PostRef, type Target } from './outcomes.js';
import type { KeyedWindows, RateLimiter } from './rate-limiter.js';
import type { UnrecordedPosts } from './unrecorded.js';

/**
 * Delivers one post: one or more claimed reminders of one case, on one card (dispatcher.ts says
 * which go together), into the case's thread (creating the thread with the case's first post), or,
 * when the bot is gone from the channel, to the caseworker in personal chat. Waits for the rate
 * limiter before every request, obeys Retry-After, retries transient errors with backoff and
 * jitter, and records every outcome. Whatever happens to the post happens to every reminder on it,
 * in one statement (outcomes.ts): marked sending together, recorded with the same activity id
 * together, retried, failed or handed back together.
 */

export interface RetryPolicy {
  /** Tries for transient errors (412, 5xx, network) before the reminder is marked failed. */
  maxAttempts: number;
  baseMs: number;
  maxMs: number;
  /** 429s tolerated within one sweep; beyond that the reminder goes back to pending for later. */
  maxThrottled: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 5, baseMs: 500, maxMs: 30_000, maxThrottled: 20 };

export interface DeliveryContext {
  db: Sql;
  connector: ConnectorClient;
  limiter: RateLimiter;
  limits: RateLimits;
  instances: number;
  botId: string;
  owner: string;
  clock: Clock;
  retry: RetryPolicy;
  random: () => number;
  log: { warn(obj: object, msg: string): void };
  /** True once the dispatcher is stopping: no new request starts; the row goes back to pending. */
  stopping: () => boolean;
  /** What this sweep learnt that the claimed rows do not show yet. */
  learnt: Learnt;
  /** Posts that went out but could not be recorded yet; recorded from there until the database answers. */
  unrecorded: UnrecordedPosts;
  /** Who a channel reminder @mentions: the caseworker, named by the roster; null for no mention. */
  mention: MentionLookup;
  /** Tells the operator's counters what happened; every try, not only the last. */
  count: (outcome: ReminderOutcome) => void;
}

/**
 * What an operator counts. "retried" is any try that did not get through but will be tried again
 * (throttled, transient, or rerouted to the caseworker's personal chat); "skipped" is a reminder
 * throttled for longer than one sweep waits, handed back to be posted later. "sent", "failed" and
 * "skipped" count reminders (a post of two counts two), "retried" counts tries.
 */
export type ReminderOutcome = 'sent' | 'failed' | 'retried' | 'skipped';

/** Keys are `tenant/case`, `tenant/channel`, `tenant/user` and `tenant/reminder`. */
export interface Learnt {
  threads: Map<string, string>;
  inactiveChannels: Set<string>;
  personalChats: Map<string, string>;
  /** Channels a post went into this sweep: the bot is there, so requests into them may overlap. */
  presentChannels: Set<string>;
  /** The one request in flight into a channel not yet known to have the bot (see `inChannel`). */
  channelProbes: Map<string, Promise<void>>;
  /** 429s each reminder has had this sweep. */
  throttled: Map<string, number>;
}

export const emptyLearnt = (): Learnt => ({ threads: new Map(), inactiveChannels: new Set(), personalChats: new Map(), presentChannels: new Set(), channelProbes: new Map(), throttled: new Map() });

export type DeliveryResult =
  | { outcome: 'sent'; target: Target; conversationId: string; activityId: string }
  | { outcome: 'failed'; target: Target; reason: string }
  | { outcome: 'postponed'; reason: string }
  /** Throttled: still claimed, to be delivered again from `untilMs`; meanwhile the worker serves other conversations. */
  | { outcome: 'deferred'; untilMs: number }
  | { outcome: 'released' };

/** Thrown instead of starting a request while the dispatcher stops, or when the claim is no longer ours. */
class Stopping extends Error {}

/** Thrown instead of a request into a channel this sweep has learnt the bot was removed from. */
class ChannelGone extends Error {}

/**
 * Retried with backoff. A network failure or timeout (status 0) is retried too, although the post
 * may have arrived: the connector has no idempotency key, and a reminder posted twice is a smaller
 * harm than a grant that lapses unnoticed. Such retries are recorded, so a duplicate can be traced.
 */
const TRANSIENT = new Set([412, 500, 502, 503, 504]);

/** 403 BotNotInConversationRoster and 404 ConversationNotFound: the bot is no longer there. */
export function isBotRemoved(error: ConnectorError): boolean {
  return (error.status === 403 && error.code === 'BotNotInConversationRoster') || (error.status === 404 && error.code === 'ConversationNotFound');
}

export async function deliver(ctx: DeliveryContext, post: readonly ClaimedReminder[]): Promise<DeliveryResult> {
  // The case's thread, channel, caseworker and chats are the same for every reminder on the post.
  const r = post[0]!;
  const ref = postRef(post);
  const caseKey = `${r.tenantId}/${r.caseId}`;
  const channelKey = `${r.tenantId}/${r.channelId}`;
  r.threadId = ctx.learnt.threads.get(caseKey) ?? r.threadId;
  let target: Target = targetOf(ctx, r);
  let transientFailures = 0;
  const reminderKey = `${r.tenantId}/${r.reminderId}`;
  const maybeSent = post.find((x) => x.maybeSentBy !== null);
  const throttled = ctx.learnt.throttled.get(reminderKey) ?? 0;
  if (maybeSent && throttled === 0) {
    // An earlier claim was marked sending and abandoned (its instance died mid-post, or was cut off
    // from the database for more than two leases): this post may be the second. Posted anyway, as
    // a reply in the case's thread when it has one; logged and recorded so it can be traced.
    ctx.log.warn({ reminderId: maybeSent.reminderId, reminders: post.length, tenantId: r.tenantId, threadKnown: r.threadId !== null }, 'reminder taken over after a post that may have gone out; posting it again');
  }
  for (;;) {
    const step = target === 'channel' ? channelStep(ctx, post) : personalStep(ctx, post);
    if (!step) return fail(ctx, ref, target, null, null, 'Sagsbehandleren er ukendt, og botten er ikke i kanalen');
    let posted: { conversationId: string; activityId: string; newThreadId?: string };
    try {
      posted = await step.run();
    } catch (error) {
      if (error instanceof Stopping) return { outcome: 'released' };
      if (error instanceof ChannelGone) {
        target = 'personal';
        continue;
      }
      const e = asConnectorError(error);
      const base = attempt(ctx, target, step.threadKey, step.conversationId, e.status || null, `${e.status || 'network'} ${e.code}`);
      if (e.status === 429) {
        const waitMs = e.retryAfterMs ?? backoff(ctx, throttled);
        ctx.limiter.block(`thread:${step.threadKey}`, ctx.clock.now() + waitMs);
        await recordAttempt(ctx.db, ref, 'retried', base, true);
        ctx.count('retried');
        ctx.learnt.throttled.set(reminderKey, throttled + 1);
        if (throttled + 1 > ctx.retry.maxThrottled) {
          await postpone(ctx.db, ref, ctx.owner, new Date(Date.now() + waitMs), base.reason ?? 'throttled');
          for (const _ of post) ctx.count('skipped');
          return { outcome: 'postponed', reason: 'throttled' };
        }
        // Not waited out here: the worker goes on to conversations that are not throttled.
        return { outcome: 'deferred', untilMs: ctx.clock.now() + waitMs };
      }
      if (isBotRemoved(e) && target === 'channel') {
        await deactivateChannel(ctx.db, r.tenantId, r.channelId, e.code);
        ctx.learnt.inactiveChannels.add(channelKey);
        await recordAttempt(ctx.db, ref, 'rerouted', base, true);
        ctx.count('retried');
        target = 'personal';
        continue;
      }
      if (isBotRemoved(e) && r.personalChatId) {
        // The saved personal chat is gone; open it again once before giving up.
        await savePersonalChat(ctx.db, r, null);
        if (r.caseworkerId) ctx.learnt.personalChats.delete(`${r.tenantId}/${r.caseworkerId}`);
        r.personalChatId = null;
        await recordAttempt(ctx.db, ref, 'retried', base, true);
        ctx.count('retried');
        continue;
      }
      if (TRANSIENT.has(e.status) || e.status === 0) {
        if (++transientFailures >= ctx.retry.maxAttempts) return fail(ctx, ref, target, step.threadKey, e.status || null, base.reason ?? 'transient');
        await recordAttempt(ctx.db, ref, 'retried', base);
        ctx.count('retried');
        await ctx.clock.sleep(backoff(ctx, transientFailures));
        continue;
      }
      return fail(ctx, ref, target, step.threadKey, e.status || null, base.reason ?? 'error');
    }
    // Outside the try above: a database error here must not be taken for a failed post and post again.
    await recordSent(ctx, ref, { ...attempt(ctx, target, step.threadKey, posted.conversationId, 201, null), activityId: posted.activityId, newThreadId: posted.newThreadId });
    for (const _ of post) ctx.count('sent');
    return { outcome: 'sent', target, conversationId: posted.conversationId, activityId: posted.activityId };
  }
}

/**
 * Records a post that went through, every reminder on it with its activity id, in one statement.
 * If the database does not take it, the post is handed to the unrecorded posts (unrecorded.ts):
 * its rows stay claimed by this instance and marked sending, the record of all of them is retried
 * until the database answers, and the sweep goes on.
 */
async function recordSent(ctx: DeliveryContext, r: PostRef, a: Parameters<typeof markSent>[2]): Promise<void> {
  try {
    const recorded = await markSent(ctx.db, r, a);
    if (recorded < r.reminderIds.length) ctx.log.warn({ reminderId: r.reminderIds[0], reminders: r.reminderIds.length, recorded, tenantId: r.tenantId }, 'reminder posted after its lease was lost');
  } catch {
    await ctx.unrecorded.add({
      tenantId: r.tenantId, reminderId: r.reminderIds[0]!, ...(r.reminderIds.length > 1 ? { together: r.reminderIds.slice(1) } : {}), caseId: r.caseId, owner: a.owner, target: a.target, threadKey: a.threadKey,
      conversationId: a.conversationId ?? '', activityId: a.activityId, newThreadId: a.newThreadId ?? null, status: a.status, at: a.at,
    });
  }
}

interface Step {
  threadKey: string;
  conversationId: string | null;
  run(): Promise<{ conversationId: string; activityId: string; newThreadId?: string }>;
}

function channelStep(ctx: DeliveryContext, post: readonly ClaimedReminder[]): Step {
  const r = post[0]!;
  // Addressed to the caseworker by name, once for the post, asked of the roster just before it (mention.ts).
  const channelActivity = async () => reminderActivity(post, { to: await ctx.mention(r) });
  if (r.threadId) {
    const threadId = r.threadId;
    return {
      threadKey: threadId,
      conversationId: threadId,
      run: () =>
        inChannel(ctx, r, async () => {
          const activity = await channelActivity();
          return limited(ctx, post, threadId, async () => ({ conversationId: threadId, ...(await ctx.connector.send({ serviceUrl: r.serviceUrl, tenantId: r.tenantId, conversationId: threadId, activity })) }));
        }),
    };
  }
  return {
    threadKey: r.channelId,
    conversationId: r.channelId,
    run: async () => {
      const activity = await channelActivity();
      const created = await inChannel(ctx, r, () =>
        limited(ctx, post, r.channelId, () => ctx.connector.createThread({ serviceUrl: r.serviceUrl, tenantId: r.tenantId, botId: ctx.botId, channelId: r.channelId, activity })),
      );
      ctx.learnt.threads.set(`${r.tenantId}/${r.caseId}`, created.threadId);
      return { conversationId: created.threadId, activityId: created.activityId, newThreadId: created.threadId };
    },
  };
}

function personalStep(ctx: DeliveryContext, post: readonly ClaimedReminder[]): Step | null {
  const r = post[0]!;
  const userId = r.caseworkerId;
  if (!userId) return null;
  const chatKey = `${r.tenantId}/${userId}`;
  r.personalChatId = r.personalChatId ?? ctx.learnt.personalChats.get(chatKey) ?? null;
  const activity: Activity = reminderActivity(post, { personal: true });
  const threadKey = r.personalChatId ?? `personal:${userId}`;
  return {
    threadKey,
    conversationId: r.personalChatId,
    run: async () => {
      if (!r.personalChatId) {
        const chat = await limited(ctx, post, `personal:${userId}`, () => ctx.connector.createPersonalChat({ serviceUrl: r.serviceUrl, tenantId: r.tenantId, botId: ctx.botId, userId }), false);
        r.personalChatId = chat.conversationId;
        ctx.learnt.personalChats.set(chatKey, chat.conversationId);
        await savePersonalChat(ctx.db, r, chat.conversationId);
      }
      const conversationId = r.personalChatId;
      const sent = await limited(ctx, post, conversationId, () => ctx.connector.send({ serviceUrl: r.serviceUrl, tenantId: r.tenantId, conversationId, activity }));
      return { conversationId, activityId: sent.activityId };
    },
  };
}

function targetOf(ctx: DeliveryContext, r: ClaimedReminder): Target {
  return r.channelActive && !ctx.learnt.inactiveChannels.has(`${r.tenantId}/${r.channelId}`) ? 'channel' : 'personal';
}

/**
 * The conversation the reminder's next request counts against in Teams' per-thread windows, as
 * far as this sweep knows: the dispatcher serves those with room first.
 */
export function nextThreadKey(ctx: DeliveryContext, r: ClaimedReminder): string {
  if (targetOf(ctx, r) === 'channel') return ctx.learnt.threads.get(`${r.tenantId}/${r.caseId}`) ?? r.threadId ?? r.channelId;
  const chat = r.personalChatId ?? (r.caseworkerId ? ctx.learnt.personalChats.get(`${r.tenantId}/${r.caseworkerId}`) : undefined);
  return chat ?? `personal:${r.caseworkerId ?? ''}`;
}

/** The windows a request into `threadKey` counts against in this instance's limiter. */
export function windowsFor(ctx: Pick<DeliveryContext, 'limits' | 'instances'>, tenantId: string, threadKey: string): KeyedWindows[] {
  return [
    { key: `thread:${threadKey}`, windows: ctx.limits.thread },
    { key: `tenant:${tenantId}`, windows: tenantShare(ctx.limits, ctx.instances) },
  ];
}

/** True while another request into the reminder's channel is finding out whether the bot is still there. */
export function waitsForChannelProbe(ctx: DeliveryContext, r: ClaimedReminder): boolean {
  const key = `${r.tenantId}/${r.channelId}`;
  return targetOf(ctx, r) === 'channel' && !ctx.learnt.presentChannels.has(key) && ctx.learnt.channelProbes.has(key);
}

/**
 * Until a request into a channel has gone through in this sweep, one at a time goes into it, so
 * that when the bot has been removed one request is refused, not one per case in flight; the rest
 * then go to the caseworkers' personal chats without asking the channel again.
 */
async function inChannel<T>(ctx: DeliveryContext, r: ClaimedReminder, request: () => Promise<T>): Promise<T> {
  const key = `${r.tenantId}/${r.channelId}`;
  for (;;) {
    if (ctx.learnt.inactiveChannels.has(key)) throw new ChannelGone();
    if (ctx.learnt.presentChannels.has(key)) return request();
    const probe = ctx.learnt.channelProbes.get(key);
    if (!probe) break;
    await probe;
  }
  let settle = () => {};
  ctx.learnt.channelProbes.set(key, new Promise<void>((resolve) => (settle = resolve)));
  try {
    const result = await request();
    ctx.learnt.presentChannels.add(key);
    return result;
  } catch (error) {
    // Learnt before the waiting requests wake, so none of them asks the channel again.
    if (error instanceof ConnectorError && isBotRemoved(error)) ctx.learnt.inactiveChannels.add(key);
    throw error;
  } finally {
    ctx.learnt.channelProbes.delete(key);
    settle();
  }
}

/**
 * One request under the thread's and the tenant's windows. `posting`: this request is the post,
 * so its rows are marked sending first, all of them; if that cannot be written (a claim is gone,
 * the database is away) nothing is posted and the rows are given back.
 */
async function limited<T>(ctx: DeliveryContext, post: readonly ClaimedReminder[], threadKey: string, request: () => Promise<T>, posting = true): Promise<T> {
  const permit = await ctx.limiter.acquire(windowsFor(ctx, post[0]!.tenantId, threadKey));
  if (ctx.stopping()) {
    permit.done();
    throw new Stopping();
  }
  if (posting) {
    const ours = await markSending(ctx.db, postRef(post), ctx.owner).catch(() => false);
    if (!ours) {
      permit.done();
      throw new Stopping();
    }
  }
  try {
    return await request();
  } finally {
    permit.done();
  }
}

async function fail(ctx: DeliveryContext, r: PostRef, target: Target, threadKey: string | null, status: number | null, reason: string): Promise<DeliveryResult> {
  await markFailed(ctx.db, r, attempt(ctx, target, threadKey ?? '', null, status, reason));
  for (const _ of r.reminderIds) ctx.count('failed');
  return { outcome: 'failed', target, reason };
}

function attempt(ctx: DeliveryContext, target: Target, threadKey: string, conversationId: string | null, status: number | null, reason: string | null) {
  return { owner: ctx.owner, target, threadKey, conversationId, status, reason, at: ctx.clock.now() };
}

/** Exponential backoff with "equal jitter": half the step fixed, half random, so retries spread out. */
function backoff(ctx: DeliveryContext, n: number): number {
  const step = Math.min(ctx.retry.maxMs, ctx.retry.baseMs * 2 ** Math.max(0, n - 1));
  return step / 2 + (ctx.random() * step) / 2;
}

function asConnectorError(error: unknown): ConnectorError {
  if (error instanceof ConnectorError) return error;
  // Network failures and timeouts: status 0, treated as transient.
  return new ConnectorError(0, error instanceof Error ? error.name : 'NetworkError', undefined, String(error));
}
