import { standardRules } from '../bot/rules-binding.js';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Decision } from '../rules/decision-types.js';
import { decide } from '../rules/decide.js';
import { parseFacts } from '../rules/facts.js';
import { DEFAULT_PARAMETERS } from '../rules/parameters/default.js';
import { loadGoldenCases } from './support/golden.js';
import { loadFixtureParameters } from './support/parameter-fixtures.js';
import { createDispatcher, type DispatcherOptions } from '../bot/reminders/dispatcher.js';
import { planReminders } from '../bot/reminders/schedule.js';
import { reactivateTeam, saveCaseSchedule } from '../bot/reminders/store.js';
import { scaleLimits, TEAMS_LIMITS } from '../bot/reminders/limits.js';
import { createConnectorClient } from '../bot/teams/proactive.js';
import { startConnectorStandin, type ConnectorStandin } from './support/connector-standin.js';
import { reviewsFor, scheduleCase } from './support/reminder-fixtures.js';
import { testDatabase, type TestDatabase } from './support/db.js';

type Db = TestDatabase;
let db: Db;
let connector: ConnectorStandin;
const silent = pino({ level: 'silent' });
const client = createConnectorClient(async () => 'test-token');

function dispatcher(over: Partial<DispatcherOptions> = {}) {
  return createDispatcher({ db, connector: client, botId: '28:bot', log: silent, retry: { maxAttempts: 4, baseMs: 20, maxMs: 200, maxThrottled: 20 }, ...over });
}

async function count(sql: string, params: unknown[] = []): Promise<number> {
  const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params);
  return row!.n;
}

beforeAll(async () => {
  db = await testDatabase();
});
afterAll(async () => db.close());
beforeEach(async () => {
  await db.query('TRUNCATE reminder_outcomes, reminders, review_completions, reminder_cases, reminder_channels');
  connector = await startConnectorStandin();
});
afterEach(async () => connector.close());

/**
 * One decision per distinct schedule the rules produce, from the golden cases through `decide`:
 * every outcome and variant, level 2 with and without the undersøgelse running alongside.
 */
const DECISIONS = (() => {
  const seen = new Map<string, [string, Decision]>();
  for (const golden of loadGoldenCases()) {
    const parsed = parseFacts(golden.facts);
    if (!parsed.ok) continue;
    const decision = decide(parsed.value, golden.parameterSet ? loadFixtureParameters(golden.parameterSet) : DEFAULT_PARAMETERS);
    const shape = `${decision.outcome}/${decision.variant}/${decision.reviews.map((r) => r.kind).join(',')}`;
    if (!seen.has(shape)) seen.set(shape, [`${shape} (${golden.file})`, decision]);
  }
  return [...seen.values()];
})();

describe('reminder delivery into the case channel', () => {
  it('covers every outcome the rules decide, reviews or none', () => {
    const outcomes = new Set(DECISIONS.map(([, d]) => d.outcome));
    for (const outcome of ['escalate', 'preventive', 'level1', 'level2', 'level3', 'none'] as const) expect(outcomes).toContain(outcome);
    expect(DECISIONS.some(([, d]) => d.reviews.some((r) => r.kind === 'investigation-deadline'))).toBe(true);
  });

  it.each(DECISIONS)('posts the reminders of %s at their times, not before, one post per time with every item due then, the first opening the case thread and the rest replying in it', async (_, decision) => {
    const { outcome, reviews } = decision;
    const kase = await scheduleCase(db, connector.url, { caseRef: `SAG-${outcome}`, outcome, reviews });
    const plan = planReminders({ caseRef: kase.caseRef, outcome, reviews, cadence: standardRules(kase.tenantId).cadence(outcome, '2026-01-01'), completed: [], closed: false });
    const d = dispatcher();
    const times = [...new Set(plan.map((p) => p.fireAt))].sort();
    for (const t of times) {
      const before = connector.posts().length;
      const early = await d.sweep(new Date(Date.parse(t) - 60_000));
      expect(early.results, `nothing is due a minute before ${t}`).toEqual([]);
      await d.sweep(new Date(t));
      const arrived = connector.posts().slice(before);
      const expected = plan.filter((p) => p.fireAt === t);
      expect(arrived, `one post for the case at ${t}`).toHaveLength(1);
      expect(cardItems(arrived[0]!.kind === 'create-thread' ? arrived[0]!.body.activity : arrived[0]!.body)).toEqual(
        expected.map((p) => ({ caseRef: kase.caseRef, due: p.due.split('-').reverse().join('.'), task: p.text, passage: p.passage })).sort((a, b) => a.task.localeCompare(b.task)),
      );
    }
    const posts = connector.posts();
    if (posts.length > 0) {
      expect(posts[0]!.kind).toBe('create-thread');
      expect(posts.slice(1).every((p) => p.kind === 'send' && p.conversationId === posts[0]!.conversationId)).toBe(true);
    }
    expect(posts).toHaveLength(times.length);
    expect(plan.length).toBe(reviews.length * 2);
    expect(await count("reminders WHERE state = 'sent'")).toBe(plan.length);
    expect(connector.windowRefusals()).toBe(0);
  });

  it('sends nothing for a closed case, and cancels what was pending when the case closes', async () => {
    const reviews = reviewsFor('level2', null, '2026-01-05');
    const kase = await scheduleCase(db, connector.url, { caseRef: 'SAG-9', outcome: 'level2', reviews });
    expect(await count("reminders WHERE state = 'pending'")).toBe(4);
    await saveCaseSchedule(db, { tenantId: kase.tenantId, caseId: kase.caseId, caseRef: 'SAG-9', teamId: 'team-1', channelId: kase.channelId, caseworkerId: null, outcome: 'level2', reviews, cadence: {}, closed: true });
    const report = await dispatcher().sweep(new Date('2027-01-01T00:00:00Z'));
    expect(report.results).toEqual([]);
    expect(connector.requests).toEqual([]);
    expect(await count("reminders WHERE state = 'cancelled'")).toBe(4);
  });

  it('keeps what was sent and replaces what was pending when the decision changes', async () => {
    const reviews = reviewsFor('level2', null, '2026-01-05');
    const kase = await scheduleCase(db, connector.url, { caseRef: 'SAG-2', outcome: 'level2', reviews });
    await dispatcher().sweep(new Date('2026-03-22T07:00:00Z')); // the two lead notices, on one post
    expect(connector.posts()).toHaveLength(1);
    const moved = reviews.map((r) => (r.kind === 'regrant' ? { ...r, due: '2026-05-05' } : r));
    const result = await saveCaseSchedule(db, { tenantId: kase.tenantId, caseId: kase.caseId, caseRef: 'SAG-2', teamId: 'team-1', channelId: kase.channelId, caseworkerId: null, outcome: 'level2', reviews: moved, cadence: {}, closed: false });
    expect(result).toEqual({ inserted: 2, cancelled: 1, kept: 3 });
    const report = await dispatcher().sweep(new Date('2026-06-01T00:00:00Z'));
    expect(report.results.map((r) => r.due).sort()).toEqual(['2026-04-05', '2026-05-05', '2026-05-05']);
  });
});

describe('when Teams pushes back', () => {
  it('waits out a 429 storm as Retry-After says and loses nothing', async () => {
    for (let i = 0; i < 12; i++) await scheduleCase(db, connector.url, { caseRef: `SAG-${i}`, outcome: 'level3', reviews: reviewsFor('level3', null, '2026-01-05').slice(0, 1), leadDays: 0 });
    connector.throttleNext(8, 1);
    const started = Date.now();
    const report = await dispatcher().sweep(new Date('2026-04-05T07:00:00Z'));
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    expect(report.results.every((r) => r.outcome === 'sent')).toBe(true);
    const posted = connector.posts().map((p) => p.body.activity?.summary ?? p.body.summary);
    expect(new Set(posted).size).toBe(12);
    expect(posted).toHaveLength(12);
    expect(await count("reminder_outcomes WHERE outcome = 'retried' AND status = 429")).toBe(8);
  });

  it('retries 503 with backoff until it gets through, recording each retry', async () => {
    await scheduleCase(db, connector.url, { caseRef: 'SAG-1', outcome: 'level3', reviews: reviewsFor('level3', null, '2026-01-05').slice(0, 1), leadDays: 0 });
    connector.fail('19:familie@thread.tacv2', { status: 503, times: 2 });
    const report = await dispatcher().sweep(new Date('2026-04-05T07:00:00Z'));
    expect(report.results.map((r) => r.outcome)).toEqual(['sent']);
    expect(await count("reminder_outcomes WHERE outcome = 'retried' AND status = 503")).toBe(2);
  });

  it('posts once when the database fails just as the post is recorded, and records it when the database answers again', async () => {
    await scheduleCase(db, connector.url, { caseRef: 'SAG-1', outcome: 'level3', reviews: reviewsFor('level3', null, '2026-01-05').slice(0, 1), leadDays: 0 });
    let refused = 0;
    const blinking = {
      ...db,
      query: <T,>(sql: string, params?: unknown[]): Promise<T[]> => {
        // The statement that marks the reminder sent fails twice, as a restarting database would.
        if (sql.includes("SET state = 'sent'") && refused < 2) {
          refused++;
          return Promise.reject(Object.assign(new Error('Connection terminated unexpectedly'), { code: 'ECONNRESET' }));
        }
        return db.query<T>(sql, params);
      },
      transaction: db.transaction.bind(db),
    };
    const report = await dispatcher({ db: blinking as typeof db }).sweep(new Date('2026-04-05T07:00:00Z'));
    expect(refused).toBe(2);
    expect(report.results.map((r) => r.outcome)).toEqual(['sent']);
    expect(connector.posts()).toHaveLength(1);
    expect(await count("reminders WHERE state = 'sent'")).toBe(1);
  });

  it('marks a reminder failed, with the reason, when the service keeps failing', async () => {
    await scheduleCase(db, connector.url, { caseRef: 'SAG-1', outcome: 'level3', reviews: reviewsFor('level3', null, '2026-01-05').slice(0, 1), leadDays: 0 });
    connector.fail('19:familie@thread.tacv2', { status: 502 });
    await dispatcher().sweep(new Date('2026-04-05T07:00:00Z'));
    const [row] = await db.query<{ state: string; last_error: string }>('SELECT state, last_error FROM reminders');
    expect(row).toEqual({ state: 'failed', last_error: '502 ServiceError' });
    expect(await count("reminder_outcomes WHERE outcome = 'failed'")).toBe(1);
  });

  it.each([
    [403, 'BotNotInConversationRoster'],
    [404, 'ConversationNotFound'],
  ])('sends to the caseworker in personal chat when the bot was removed (%i %s), and stops posting in the channel', async (status, code) => {
    const reviews = reviewsFor('level2', null, '2026-01-05');
    await scheduleCase(db, connector.url, { caseRef: 'SAG-7', outcome: 'level2', reviews });
    await dispatcher().sweep(new Date('2026-03-22T07:00:00Z'));
    expect(connector.posts().map((p) => p.kind)).toEqual(['create-thread']);
    connector.fail('19:familie@thread.tacv2', { status, code });
    await dispatcher().sweep(new Date('2026-04-05T07:00:00Z'));
    const after = connector.requests.slice(1);
    expect(after.filter((r) => r.status >= 400)).toHaveLength(1); // one refusal teaches us; the post goes straight to personal
    // The day's two reminders are one post in personal chat too, with both items on it.
    expect(connector.posts().slice(1).map((p) => [p.kind, p.threadKey])).toEqual([
      ['create-personal', 'personal:29:caseworker'],
      ['send', expect.stringMatching(/^a:personal-/)],
    ]);
    const personal = connector.posts()[2]!.body;
    expect(personal.attachments[0].content.body.at(-1).text).toMatch(/^Du får disse påmindelser personligt, .*ikke længere er med i sagens kanal/);
    expect(cardItems(personal).map((i) => i.task).sort()).toEqual(reviews.map((r) => r.text).sort());
    expect(await count('reminder_channels WHERE NOT active')).toBe(1);
    // One line per reminder of the post, both for the one refused request.
    expect(await count("reminder_outcomes WHERE outcome = 'rerouted'")).toBe(2);
    expect(await count("reminders WHERE delivered_to = 'personal' AND state = 'sent' AND activity_id = $1", [connector.posts()[2]!.activityId])).toBe(2);
  });

  it('asks a channel the bot was removed from once, not once per case in flight, and sends every case to personal chat', async () => {
    const reviews = reviewsFor('level3', null, '2026-01-05').slice(0, 1);
    for (let i = 0; i < 12; i++) await scheduleCase(db, connector.url, { caseRef: `SAG-${i}`, outcome: 'level3', reviews, leadDays: 0, caseworkerId: `29:cw-${i}` });
    // Every case has its own thread, so nothing but the channel's presence ties their requests together.
    await db.query("UPDATE reminder_cases SET thread_id = channel_id || ';messageid=' || case_ref");
    connector.setLatency(100);
    connector.fail('19:familie@thread.tacv2', { status: 403, code: 'BotNotInConversationRoster' });
    const report = await dispatcher({ concurrency: 12 }).sweep(new Date('2026-04-05T07:00:00Z'));
    connector.setLatency(0);
    expect(report.results.map((r) => r.outcome)).toEqual(Array(12).fill('sent'));
    expect(connector.requests.filter((r) => r.status === 403)).toHaveLength(1);
    expect(await count("reminders WHERE delivered_to = 'personal' AND state = 'sent'")).toBe(12);
  });

  it('posts in the channel again once the team has the app again, and names the personal chat that got the fallback', async () => {
    const reviews = reviewsFor('level2', null, '2026-01-05');
    await scheduleCase(db, connector.url, { caseRef: 'SAG-8', outcome: 'level2', reviews });
    await scheduleCase(db, connector.url, { caseRef: 'SAG-9', outcome: 'level2', reviews: reviewsFor('level2', null, '2026-09-01') });
    await dispatcher().sweep(new Date('2026-03-22T07:00:00Z'));
    connector.fail('19:familie@thread.tacv2', { status: 403, code: 'BotNotInConversationRoster', times: 1 });
    await dispatcher().sweep(new Date('2026-04-05T07:00:00Z'));
    expect(await count('reminder_channels WHERE NOT active')).toBe(1);
    const chats = await reactivateTeam(db, { tenantId: 'tenant-a', teamId: 'team-1', channelId: '19:general@thread.tacv2', serviceUrl: connector.url });
    expect(chats).toEqual([{ conversationId: expect.stringMatching(/^a:personal-/) }]);
    expect(await count('reminder_channels WHERE NOT active')).toBe(0);
    const before = connector.posts().length;
    await dispatcher().sweep(new Date('2030-12-31T07:00:00Z'));
    const later = connector.posts().slice(before);
    expect(later.length).toBeGreaterThan(0);
    expect(later.every((p) => p.threadKey.startsWith('19:familie@thread.tacv2'))).toBe(true);
  });
});

describe('restarts', () => {
  const fast = scaleLimits(TEAMS_LIMITS, 0.02);

  async function manyInOneChannel(n: number) {
    for (let i = 0; i < n; i++) await scheduleCase(db, connector.url, { caseRef: `SAG-${i}`, outcome: 'level3', reviews: reviewsFor('level3', null, '2026-01-05').slice(0, 1), leadDays: 0 });
  }

  it('sends each reminder once when the dispatcher is stopped mid-sweep and started again', async () => {
    // Windows at a fifth of their length: 30 new threads in one channel take about a second.
    const slower = scaleLimits(TEAMS_LIMITS, 0.2);
    await connector.close();
    connector = await startConnectorStandin({ limits: slower });
    await manyInOneChannel(30);
    const first = dispatcher({ limits: slower });
    const sweep = first.sweep(new Date('2026-04-05T07:00:00Z'));
    while (connector.posts().length < 8) await new Promise((r) => setTimeout(r, 5));
    await first.stop();
    const partial = (await sweep).results.length;
    expect(partial).toBeLessThan(30);
    await dispatcher({ limits: slower }).sweep(new Date('2026-04-05T07:00:00Z'));
    expect(summaries()).toHaveLength(30);
    expect(new Set(summaries()).size).toBe(30);
    expect(connector.windowRefusals()).toBe(0);
  });

  /** The statement that records a post fails while `refusing()`; everything else gets through. */
  function refusingRecords(refusing: () => boolean): typeof db {
    return {
      ...db,
      query: <T,>(sql: string, params?: unknown[]): Promise<T[]> =>
        sql.includes("SET state = 'sent'") && refusing() ? Promise.reject(Object.assign(new Error('canceling statement due to lock timeout'), { code: '55P03' })) : db.query<T>(sql, params),
      transaction: db.transaction.bind(db),
    } as typeof db;
  }

  it('keeps a post whose record fails beyond its sweep claimed, posts it nowhere again, and records it with its activity id when the database takes it', async () => {
    await manyInOneChannel(1);
    const asOf = new Date('2026-04-05T07:00:00Z');
    const refuseUntil = Date.now() + 1_500;
    const poster = dispatcher({ db: refusingRecords(() => Date.now() < refuseUntil), leaseMs: 300, instanceId: 'poster' });
    await poster.sweep(asOf);
    expect(connector.posts()).toHaveLength(1);
    const [held] = await db.query<{ state: string; lease_owner: string }>('SELECT state, lease_owner FROM reminders');
    expect(held, 'the end of the sweep left it claimed by the instance that posted it').toEqual({ state: 'claimed', lease_owner: 'poster' });
    // Other instances sweep meanwhile, past its lease: nothing is posted again.
    const other = dispatcher({ leaseMs: 300, instanceId: 'other' });
    for (let i = 0; i < 3; i++) {
      await other.sweep(asOf);
      await new Promise((r) => setTimeout(r, 350));
    }
    while ((await count("reminders WHERE state = 'sent'")) === 0) await new Promise((r) => setTimeout(r, 50));
    await other.sweep(asOf);
    expect(connector.posts()).toHaveLength(1);
    const [row] = await db.query<{ activity_id: string }>('SELECT activity_id FROM reminders');
    expect(row!.activity_id).toBe(connector.posts()[0]!.activityId);
    await poster.stop();
  });

  it('records at start-up, from the journal in its data folder, a post that a stopped instance could not record', async () => {
    await manyInOneChannel(1);
    const asOf = new Date('2026-04-05T07:00:00Z');
    const dir = await mkdtemp(join(tmpdir(), 'familiestotte-journal-'));
    const journalFile = join(dir, 'reminder-journal.json');
    try {
      const before = dispatcher({ db: refusingRecords(() => true), journalFile, stopDrainMs: 100, leaseMs: 300, instanceId: 'before-restart' });
      await before.sweep(asOf);
      await before.stop();
      expect(connector.posts()).toHaveLength(1);
      const journal = JSON.parse(await readFile(journalFile, 'utf8')) as { posts: { reminderId: number; activityId: string }[] };
      expect(journal.posts.map((p) => p.activityId)).toEqual([connector.posts()[0]!.activityId]);
      // Another instance sweeps while the first is down: the claim is maybe sent, so it waits.
      await new Promise((r) => setTimeout(r, 350));
      await dispatcher({ leaseMs: 300 }).sweep(asOf);
      // The process starts again (a new instance id), with the same data folder.
      await dispatcher({ journalFile, leaseMs: 300 }).sweep(asOf);
      expect(await count("reminders WHERE state = 'sent'")).toBe(1);
      const [row] = await db.query<{ activity_id: string; conversation_id: string }>('SELECT activity_id, conversation_id FROM reminders');
      expect(row!.activity_id).toBe(connector.posts()[0]!.activityId);
      const [kase] = await db.query<{ thread_id: string }>('SELECT thread_id FROM reminder_cases');
      expect(kase!.thread_id, 'the thread the post opened is the case thread').toBe(connector.posts()[0]!.conversationId);
      expect(connector.posts()).toHaveLength(1);
      expect(JSON.parse(await readFile(journalFile, 'utf8'))).toEqual({ version: 1, posts: [] });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('takes over the claims of an instance that died mid-sweep once their lease runs out, posting each once', async () => {
    await connector.close();
    connector = await startConnectorStandin({ limits: fast });
    await manyInOneChannel(20);
    let alive = true;
    const hang = new Promise<never>(() => undefined);
    // The dying instance is killed as its 6th post starts: that row is marked sending, so to the
    // others it may have gone out; the requests never happen, and it stops renewing its leases.
    const dying = createDispatcher({
      db: { query: (s, p) => (alive ? db.query(s, p) : hang), transaction: (fn) => (alive ? db.transaction(fn) : hang) },
      connector: { ...client, send: (a) => (alive ? client.send(a) : hang), createThread: (a) => { if (connector.posts().length >= 5) alive = false; return alive ? client.createThread(a) : hang; } },
      botId: '28:bot', log: silent, leaseMs: 300, limits: fast, concurrency: 1,
    });
    void dying.sweep(new Date('2026-04-05T07:00:00Z'));
    while (alive) await new Promise((r) => setTimeout(r, 5));
    const other = () => dispatcher({ limits: fast, leaseMs: 300 }).sweep(new Date('2026-04-05T07:00:00Z'));
    const early = await other();
    expect(early.results, 'the dead instance still holds its lease').toEqual([]);
    await new Promise((r) => setTimeout(r, 400));
    await other();
    // The 14 never started are posted after one lease; the one that may have gone out waits a second.
    expect(summaries()).toHaveLength(19);
    const [maybe] = await db.query<{ state: string; orphaned: boolean }>("SELECT state, orphaned_at IS NOT NULL AS orphaned FROM reminders WHERE state <> 'sent'");
    expect(maybe).toEqual({ state: 'claimed', orphaned: true });
    await new Promise((r) => setTimeout(r, 400));
    await other();
    expect(summaries()).toHaveLength(20);
    expect(new Set(summaries()).size).toBe(20);
    expect(await count("reminders WHERE state = 'sent'")).toBe(20);
  });
});

function summaries(): string[] {
  return connector.posts().map((p) => (p.kind === 'create-thread' ? p.body.activity.summary : p.body.summary));
}

/** The items a posted card carries, each from its facts; the case from its fact or, on a post of several, the heading. */
function cardItems(activity: any) { // eslint-disable-line @typescript-eslint/no-explicit-any
  const card = activity.attachments[0].content;
  const heading = String(card.body[0].text);
  const sets = (card.body as { type: string; items?: { type: string; facts?: { title: string; value: string }[] }[] }[])
    .flatMap((b) => b.items ?? [])
    .filter((i) => i.type === 'FactSet')
    .map((i) => i.facts!);
  return sets
    .map((facts) => {
      const value = (title: string) => facts.find((f) => f.title === title)?.value;
      return { caseRef: value('Sag') ?? heading.slice(heading.indexOf(': ') + 2), due: value('Frist'), task: value('Skal tages stilling til')!, passage: value('Grundlag') };
    })
    .sort((a, b) => a.task.localeCompare(b.task));
}
