import pino from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { handleReminderAction } from '../bot/reminders/actions.js';
import { storageAudit } from '../bot/reminders/audit.js';
import { createDispatcher, MAX_ITEMS_PER_POST, nextPost, type DispatcherOptions } from '../bot/reminders/dispatcher.js';
import type { ClaimedReminder } from '../bot/reminders/claims.js';
import { reminderActivity } from '../bot/reminders/message.js';
import { cardBytes } from '../cards/template.js';
import { createReminderHooks } from '../bot/reminders/hooks.js';
import { createConnectorClient } from '../bot/teams/proactive.js';
import { startConnectorStandin, type ConnectorStandin, type RecordedRequest } from './support/connector-standin.js';
import { testDatabase, type TestDatabase } from './support/db.js';
import { reviewsFor, scheduleCase, type TestCase } from './support/reminder-fixtures.js';
import { joinTeam } from './support/teams-roster.js';

/**
 * One post per case and Danish calendar day, over the real flow: schedule, sweep, the stand-in
 * connector, the card actions. A level 2 case from 2026-01-05 has its § 95 follow-up and its
 * re-grant both due 2026-04-05, their notices both on 2026-03-22.
 */
let db: TestDatabase;
let connector: ConnectorStandin;
const silent = pino({ level: 'silent' });
const client = createConnectorClient(async () => 'test-token');
const REVIEWS = reviewsFor('level2', null, '2026-01-05');
const NOTICES = new Date('2026-03-22T07:00:00Z');

function dispatcher(over: Partial<DispatcherOptions> = {}) {
  return createDispatcher({ db, connector: client, botId: '28:bot', log: silent, retry: { maxAttempts: 3, baseMs: 10, maxMs: 50, maxThrottled: 5 }, ...over });
}

async function rows(): Promise<{ reminder_id: number; state: string; activity_id: string | null; conversation_id: string | null; task: string }[]> {
  return db.query('SELECT reminder_id::int, state, activity_id, conversation_id, task FROM reminders WHERE notice = $1 ORDER BY reminder_id', ['lead']);
}

const activityOf = (p: RecordedRequest) => (p.kind === 'create-thread' ? p.body.activity : p.body);
const cardOf = (p: RecordedRequest) => activityOf(p).attachments[0].content;
/** The reminders a card's forms name, in the card's order. */
function itemsOf(card: unknown): string[] {
  const found: string[] = [];
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (!n || typeof n !== 'object') return;
    const o = n as Record<string, unknown>;
    if (o.type === 'Action.Execute' && o.verb === 'reminder.done') found.push(String((o.data as { reminderId: string }).reminderId));
    Object.values(o).forEach(walk);
  };
  walk(card);
  return found;
}
const posted = () => connector.posts().filter((p) => p.kind === 'create-thread' || p.kind === 'send');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Waits for a condition, not a clock; gives up after `ms` with what it waited for. */
async function until(what: string, ok: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting: ${what}`);
    await sleep(50);
  }
}

/** The statement that records a post fails while `refusing()`; everything else gets through. */
function refusingRecords(refusing: () => boolean): TestDatabase {
  return {
    ...db,
    query: <T,>(sql: string, params?: unknown[]): Promise<T[]> =>
      sql.includes("SET state = 'sent'") && refusing() ? Promise.reject(Object.assign(new Error('canceling statement due to lock timeout'), { code: '55P03' })) : db.query<T>(sql, params),
    transaction: db.transaction.bind(db),
  } as TestDatabase;
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

describe('a case with two reminders due the same day', () => {
  it('gets one post with both items, the caseworker mentioned once, and both reminders recorded with its activity id', async () => {
    joinTeam('team-1', 'aad-sanne-op1', 'Sanne Sagsbehandler');
    const kase = await scheduleCase(db, connector.url, { caseRef: 'SAG-EN-POST', outcome: 'level2', reviews: REVIEWS, caseworkerId: 'aad-sanne-op1' });
    const other = await scheduleCase(db, connector.url, { caseRef: 'SAG-ANDEN', outcome: 'level2', reviews: REVIEWS, caseworkerId: 'aad-sanne-op1' });
    const report = await dispatcher().sweep(NOTICES);
    expect(report.results.map((r) => r.outcome)).toEqual(['sent', 'sent', 'sent', 'sent']);
    // One post per case, not per reminder: two cases, two new threads.
    expect(connector.posts().map((p) => p.kind)).toEqual(['create-thread', 'create-thread']);
    const mine = connector.posts().find((p) => activityOf(p).summary.endsWith(kase.caseRef))!;
    expect(activityOf(mine).summary).toBe(`2 påmindelser: ${kase.caseRef}`);
    const card = cardOf(mine);
    expect(JSON.stringify(card.body).match(/<at>Sanne Sagsbehandler<\/at>/g)).toHaveLength(1);
    expect(card.msteams.entities).toHaveLength(1);
    const lead = await db.query<{ reminder_id: number; activity_id: string; conversation_id: string; case_id: string }>(
      "SELECT reminder_id::int, activity_id, conversation_id, case_id::text FROM reminders WHERE state = 'sent' AND case_id = $1 ORDER BY due, reminder_id",
      [kase.caseId],
    );
    expect(lead).toHaveLength(2);
    expect(lead.every((r) => r.activity_id === mine.activityId && r.conversation_id === mine.conversationId)).toBe(true);
    expect(itemsOf(card).sort()).toEqual(lead.map((r) => String(r.reminder_id)).sort());
    expect(JSON.stringify(card)).toContain(REVIEWS[0]!.text);
    expect(JSON.stringify(card)).toContain(REVIEWS[1]!.text);
    expect(other.caseId).not.toBe(kase.caseId);
    // The day itself: one reply in the thread with both "due today" items.
    await dispatcher().sweep(new Date('2026-04-05T07:00:00Z'));
    const day = connector.posts().slice(2).filter((p) => p.conversationId === mine.conversationId);
    expect(day.map((p) => p.kind)).toEqual(['send']);
    expect(itemsOf(cardOf(day[0]!))).toHaveLength(2);
  });

  it('keeps a case whole when the channel\'s share of a batch is smaller than its reminders of the day', async () => {
    for (let i = 0; i < 3; i++) await scheduleCase(db, connector.url, { caseRef: `SAG-DEL-${i}`, outcome: 'level2', reviews: REVIEWS });
    // One row per channel and batch: the claim alone would cut every case in two.
    const report = await dispatcher({ maxRowsPerBatch: 1, concurrency: 1 }).sweep(NOTICES);
    expect(report.results).toHaveLength(6);
    expect(posted().map((p) => itemsOf(cardOf(p)).length)).toEqual([2, 2, 2]);
  });

  it('records none of them when the post fails, and both as failed with the reason', async () => {
    await scheduleCase(db, connector.url, { caseRef: 'SAG-FEJL', outcome: 'level2', reviews: REVIEWS });
    connector.fail('19:familie@thread.tacv2', { status: 502 });
    const report = await dispatcher().sweep(NOTICES);
    expect(report.results.map((r) => r.outcome)).toEqual(['failed', 'failed']);
    expect((await rows()).map((r) => [r.state, r.activity_id])).toEqual([['failed', null], ['failed', null]]);
  });

  it('when the record fails after the post, keeps both claimed, posts nothing again, and records both with the one activity id', async () => {
    await scheduleCase(db, connector.url, { caseRef: 'SAG-OPTAGET', outcome: 'level2', reviews: REVIEWS });
    let refusing = true;
    const poster = dispatcher({ db: refusingRecords(() => refusing), leaseMs: 300, instanceId: 'poster' });
    await poster.sweep(NOTICES);
    expect(posted()).toHaveLength(1);
    expect((await rows()).map((r) => r.state)).toEqual(['claimed', 'claimed']);
    // Another instance sweeps past the lease meanwhile: neither item is posted on its own.
    const other = dispatcher({ leaseMs: 300, instanceId: 'other' });
    for (let i = 0; i < 3; i++) {
      await other.sweep(NOTICES);
      await sleep(350);
    }
    expect(posted()).toHaveLength(1);
    refusing = false;
    await until('both recorded', async () => (await rows()).every((r) => r.state === 'sent'));
    expect((await rows()).map((r) => r.activity_id)).toEqual([posted()[0]!.activityId, posted()[0]!.activityId]);
    await other.sweep(NOTICES);
    expect(posted()).toHaveLength(1);
    await poster.stop();
  });

  it('records both from the journal after a stop, as the post they went out on', async () => {
    const { mkdtemp, readFile, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    await scheduleCase(db, connector.url, { caseRef: 'SAG-JOURNAL', outcome: 'level2', reviews: REVIEWS });
    const dir = await mkdtemp(join(tmpdir(), 'familiestotte-journal-'));
    const journalFile = join(dir, 'reminder-journal.json');
    try {
      const before = dispatcher({ db: refusingRecords(() => true), journalFile, stopDrainMs: 100, leaseMs: 300, instanceId: 'before-restart' });
      await before.sweep(NOTICES);
      await before.stop();
      const journal = JSON.parse(await readFile(journalFile, 'utf8')) as { posts: { reminderId: number; together?: number[] }[] };
      expect(journal.posts).toHaveLength(1);
      expect([journal.posts[0]!.reminderId, ...(journal.posts[0]!.together ?? [])].sort()).toEqual((await rows()).map((r) => r.reminder_id).sort());
      await dispatcher({ journalFile, leaseMs: 300 }).sweep(NOTICES);
      expect((await rows()).map((r) => [r.state, r.activity_id])).toEqual([['sent', posted()[0]!.activityId], ['sent', posted()[0]!.activityId]]);
      expect(posted()).toHaveLength(1);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('after a crash mid-post, the instance that takes over posts both items together, once', async () => {
    await scheduleCase(db, connector.url, { caseRef: 'SAG-OVERTAGET', outcome: 'level2', reviews: REVIEWS });
    let alive = true;
    const hang = new Promise<never>(() => undefined);
    // The dying instance is killed as its post starts: both rows are marked sending, the request never happens.
    const dying = createDispatcher({
      db: { query: (s, p) => (alive ? db.query(s, p) : hang), transaction: (fn) => (alive ? db.transaction(fn) : hang) },
      connector: { ...client, createThread: () => { alive = false; return hang; }, send: () => { alive = false; return hang; } },
      botId: '28:bot', log: silent, leaseMs: 300, instanceId: 'dying',
    });
    void dying.sweep(NOTICES);
    while (alive) await sleep(5);
    const marked = await db.query<{ sending_at: Date; lease_expires_at: Date; sending_owner: string }>('SELECT sending_at, lease_expires_at, sending_owner FROM reminders WHERE state = $1', ['claimed']);
    expect(marked).toHaveLength(2);
    expect(new Set(marked.map((m) => `${m.sending_at.toISOString()} ${m.lease_expires_at.toISOString()} ${m.sending_owner}`)).size, 'marked and leased as one').toBe(1);
    const other = dispatcher({ leaseMs: 300, instanceId: 'other' });
    await until('both taken over and posted', async () => {
      await other.sweep(NOTICES);
      return (await rows()).every((r) => r.state === 'sent');
    });
    expect(posted()).toHaveLength(1);
    expect(itemsOf(cardOf(posted()[0]!))).toHaveLength(2);
    expect((await rows()).map((r) => r.activity_id)).toEqual([posted()[0]!.activityId, posted()[0]!.activityId]);
  });
});

describe('what "the same day" is', () => {
  /** Two reminders of one case, posted at these instants (as a snooze or a later decision would set them). */
  async function twoAt(first: string, second: string): Promise<TestCase> {
    const kase = await scheduleCase(db, connector.url, { caseRef: 'SAG-DAG', outcome: 'level2', reviews: REVIEWS, leadDays: 0 });
    const ids = await db.query<{ reminder_id: number }>('SELECT reminder_id::int FROM reminders ORDER BY reminder_id');
    await db.query('UPDATE reminders SET fire_at = $2, next_attempt_at = $2 WHERE reminder_id = $1', [ids[0]!.reminder_id, first]);
    await db.query('UPDATE reminders SET fire_at = $2, next_attempt_at = $2 WHERE reminder_id = $1', [ids[1]!.reminder_id, second]);
    return kase;
  }

  it('is the Danish calendar day: 23:30 and 00:30 in Copenhagen are two days (two posts), though one day in UTC', async () => {
    // Summer time: 21:30 and 22:30 UTC on 1 June are 23:30 on 1 June and 00:30 on 2 June in Copenhagen.
    await twoAt('2026-06-01T21:30:00Z', '2026-06-01T22:30:00Z');
    await dispatcher().sweep(new Date('2026-06-02T06:00:00Z'));
    expect(posted().map((p) => [p.kind, itemsOf(cardOf(p)).length])).toEqual([['create-thread', 1], ['send', 1]]);
  });

  it('puts 00:30 and 08:00 Copenhagen time of one day on one post, though two days in UTC', async () => {
    await twoAt('2026-06-01T22:30:00Z', '2026-06-02T06:00:00Z');
    await dispatcher().sweep(new Date('2026-06-02T06:00:00Z'));
    expect(posted().map((p) => [p.kind, itemsOf(cardOf(p)).length])).toEqual([['create-thread', 2]]);
  });

  it('posts one claimed later the same day, after the day’s post went out, as a reply of its own in the case’s thread', async () => {
    await twoAt('2026-06-02T07:00:00Z', '2026-06-02T12:00:00Z');
    await dispatcher().sweep(new Date('2026-06-02T07:00:00Z'));
    await dispatcher().sweep(new Date('2026-06-02T12:00:00Z'));
    const [first, later] = posted();
    expect([first!.kind, later!.kind]).toEqual(['create-thread', 'send']);
    expect(later!.conversationId).toBe(first!.conversationId);
    expect(itemsOf(cardOf(later!))).toHaveLength(1);
  });
});

describe('acting on a post of two items', () => {
  it('acts on the item clicked alone, answers with the whole post, and updates the posted card with both items as they are now', async () => {
    const kase = await scheduleCase(db, connector.url, { caseRef: 'SAG-HANDLING', outcome: 'level2', reviews: REVIEWS });
    await dispatcher().sweep(NOTICES);
    const post = posted()[0]!;
    const [followUp, regrant] = await db.query<{ reminder_id: number; kind: string }>("SELECT reminder_id::int, kind FROM reminders WHERE notice = 'lead' ORDER BY kind");
    expect([followUp!.kind, regrant!.kind]).toEqual(['follow-up', 'regrant']);
    // The form sends its inputs under the item's own names, as the card names them.
    const deps = { db, audit: storageAudit(), connector: client };
    const result = await handleReminderAction(deps, {
      tenantId: kase.tenantId, userId: 'aad-anna', userName: 'Anna Berg', verb: 'reminder.snooze',
      data: { verb: 'reminder.snooze', tenantId: kase.tenantId, reminderId: String(regrant!.reminder_id), [`reason-${regrant!.reminder_id}`]: 'Afventer skolen' }, at: new Date('2026-03-23T09:00:00Z'),
    });
    expect(await db.query("SELECT kind, snooze_reason FROM reminders WHERE state = 'snoozed'")).toEqual([{ kind: 'regrant', snooze_reason: 'Afventer skolen' }]);
    // The answer and the posted copy: both items, the re-grant postponed, the follow-up still open.
    const update = connector.requests.find((r) => r.kind === 'update')!;
    expect(update.activityId).toBe(post.activityId);
    for (const card of [result.card, update.body.attachments[0].content]) {
      expect(JSON.stringify(card)).toContain('Udsat 1 uge — Anna Berg');
      expect(itemsOf(card)).toEqual([String(followUp!.reminder_id)]);
      expect(JSON.stringify(card)).toContain(REVIEWS.find((r) => r.kind === 'follow-up')!.text);
    }
    // A refresh of the card (it names the first item) shows the whole post too.
    const refreshed = await handleReminderAction(deps, { tenantId: kase.tenantId, userId: 'aad-bo', userName: 'Bo', verb: 'reminder.refresh', data: { reminderId: String(followUp!.reminder_id) }, at: new Date('2026-03-23T10:00:00Z') });
    expect(JSON.stringify(refreshed.card)).toContain('Udsat 1 uge — Anna Berg');
    expect(itemsOf(refreshed.card)).toEqual([String(followUp!.reminder_id)]);
    // A refused form comes back on the whole post, with what was typed on its own item.
    const refused = await handleReminderAction(deps, {
      tenantId: kase.tenantId, userId: 'aad-anna', userName: 'Anna Berg', verb: 'reminder.done',
      data: { reminderId: String(followUp!.reminder_id), [`note-${followUp!.reminder_id}`]: 'Godt møde' }, at: new Date('2026-03-23T11:00:00Z'),
    });
    expect(JSON.stringify(refused.card)).toContain('Vælg, hvad gennemgangen førte til.');
    expect(JSON.stringify(refused.card)).toContain(`"id":"note-${followUp!.reminder_id}","label":"Notat fra gennemgangen (valgfrit)","isMultiline":true,"maxLength":20000,"value":"Godt møde"`);
    expect(JSON.stringify(refused.card)).toContain('Udsat 1 uge — Anna Berg');
  });
});

describe('the påmindelser list', () => {
  it('lists a case’s reminders that go out together as one post, with each item’s own date and words, in Danish and English', async () => {
    await scheduleCase(db, connector.url, { caseRef: 'SAG-LISTE', outcome: 'level2', reviews: REVIEWS });
    const hooks = createReminderHooks(db, { schedule: { leadDays: 14, sendHourUtc: 7 } });
    const da = await hooks.upcoming({ tenantId: 'tenant-a', actorId: 'aad-anna' }, 'team-1', 'da');
    expect(da.split('\n')).toEqual([
      'Teamets kommende påmindelser (4):',
      '- **SAG-LISTE** — 22.03.2026, 2 påmindelser i ét opslag:',
      `  - frist 05.04.2026 (varsel): ${REVIEWS[0]!.text} _[${REVIEWS[0]!.passage}]_`,
      `  - frist 05.04.2026 (varsel): ${REVIEWS[1]!.text} _[${REVIEWS[1]!.passage}]_`,
      '- **SAG-LISTE** — 05.04.2026, 2 påmindelser i ét opslag:',
      `  - frist 05.04.2026 (på dagen): ${REVIEWS[0]!.text} _[${REVIEWS[0]!.passage}]_`,
      `  - frist 05.04.2026 (på dagen): ${REVIEWS[1]!.text} _[${REVIEWS[1]!.passage}]_`,
    ]);
    const en = await hooks.upcoming({ tenantId: 'tenant-a', actorId: 'aad-anna' }, 'team-1', 'en');
    expect(en).toContain('- **SAG-LISTE** — 22 March 2026, 2 reminders in one post:');
  });
});

describe('how much one post carries', () => {
  const row = (i: number, fireAt: string): ClaimedReminder => ({
    tenantId: 'tenant-a', reminderId: 100 + i, caseId: '3f1c2b7a-6d4e-4f5a-9b8c-7d6e5f4a3b2c', caseRef: 'SAG-2026-000123', reviewKey: `follow-up:2026-04-0${i % 9}`, notice: 'lead', kind: 'follow-up',
    due: `2026-04-0${(i % 9) + 1}`, fireAt: new Date(fireAt), passage: 'pps.omfang.2', task: 'Har indsatsen tilstrækkelig effekt? Bevilg igen eller afslut.', attempts: 0, channelId: '19:c@thread.tacv2',
    serviceUrl: 'https://smba.example', channelActive: true, threadId: null, caseworkerId: '29:cw', personalChatId: null, maybeSentBy: null,
  });

  it('takes the earliest Danish day first, and no more items than a card under Teams’ 28 KB holds', () => {
    const rows = [row(0, '2026-06-02T07:00:00Z'), ...Array.from({ length: 10 }, (_, i) => row(i + 1, '2026-06-01T07:00:00Z'))];
    const post = nextPost(rows);
    expect(post).toHaveLength(MAX_ITEMS_PER_POST);
    expect(post.every((r) => r.fireAt.toISOString().startsWith('2026-06-01'))).toBe(true);
    const card = reminderActivity(post, { to: { id: '29:cw', name: 'Sanne Sagsbehandler Med Et Langt Navn' } }).attachments![0]!.content as Record<string, unknown>;
    expect(cardBytes(card)).toBeLessThan(28 * 1024);
  });
});
