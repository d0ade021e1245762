import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createViews } from '../../bot/conversation/card-views.js';
import { createConversation } from '../../bot/conversation/index.js';
import type { ConversationHandler } from '../../bot/conversation/handler.js';
import type { Card, TurnContextInfo } from '../../bot/conversation/types.js';
import { createLogger } from '../../bot/logger.js';
import { createReminderHooks } from '../../bot/reminders/hooks.js';
import { standardRules } from '../../bot/rules-binding.js';
import { createStandardIndex } from '../../bot/search/standard-index.js';
import type { Database, Queryable } from '../../bot/storage/database.js';
import { StorageUnavailableError } from '../../bot/storage/errors.js';
import { createStorage } from '../../bot/storage/storage.js';
import { actionData, cardText } from '../support/bot-client.js';
import { testDatabase, type TestDatabase } from '../support/db.js';
import { draftIdOf, FAMILIES, STEP_ORDER } from '../support/interview.js';

/**
 * Every turn of an interview, failed at each of its database statements in turn (the database
 * gone at that moment), must write nothing at all: the person is told "try again, nothing is
 * lost", so nothing may be half-done either. The retry that follows must then work. This is the
 * deterministic half of test/faults/database-outage.test.ts, which found turns that wrote first
 * and read after (the result card's channels, the case's plan card) and an accepted case whose
 * draft and reminders were written in transactions of their own.
 */

const TENANT = 'tenant-failure-points';
const CHANNEL = '19:fejl-familie@thread.tacv2';
const TEAM = '19:fejl-team@thread.tacv2';

/** The database with a trip wire: statement number `failAt` (counting transactions' commits) fails as unavailable. */
function tripWire(db: Database): Database & { failAt: number; count: number } {
  const state = { failAt: 0, count: 0 };
  const tick = (): void => {
    state.count++;
    if (state.count === state.failAt) throw new StorageUnavailableError(new Error(`trip wire at statement ${state.count}`));
  };
  const wire = (q: Queryable): Queryable => ({
    async query<T>(sql: string, params?: unknown[]) {
      tick();
      return q.query<T>(sql, params);
    },
    async exec(sql: string) {
      tick();
      return q.exec(sql);
    },
  });
  const outer = wire(db);
  return Object.assign(state, {
    kind: db.kind,
    query: outer.query,
    exec: outer.exec,
    transaction: <T>(fn: (tx: Queryable) => Promise<T>) =>
      db.transaction(async (tx) => {
        tick();
        const result = await fn(wire(tx));
        // The commit itself: failing here rolls everything back, as a connection lost at COMMIT would.
        tick();
        return result;
      }),
    close: () => db.close(),
  });
}

/** Every row of every table, as one string: equal before and after means nothing was written. */
async function snapshot(db: Database): Promise<string> {
  const tables = await db.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`);
  const parts: string[] = [];
  for (const { name } of tables) {
    const [row] = await db.query<{ rows: string | null }>(`SELECT string_agg(t::text, E'\\n' ORDER BY t::text) AS rows FROM "${name}" t`);
    parts.push(`${name}:${row?.rows ?? ''}`);
  }
  return parts.join('\n');
}

let db: TestDatabase;
let wired: ReturnType<typeof tripWire>;
let conversation: ConversationHandler;
const points: Record<string, number> = {};

const me: TurnContextInfo = {
  tenantId: TENANT,
  userId: 'aad-sagsbehandler-1',
  userName: 'Sanne Sagsbehandler',
  locale: 'da-DK',
  conversation: { id: 'a:personal-1', kind: 'personal', serviceUrl: 'http://127.0.0.1:9/teams/' },
  mentioned: false,
};

beforeAll(async () => {
  db = await testDatabase();
  wired = tripWire(db);
  conversation = createConversation({
    storage: createStorage(wired),
    views: createViews(),
    rules: standardRules,
    passages: createStandardIndex(),
    clock: () => new Date('2026-01-05T09:00:00Z'),
    logger: createLogger('silent'),
    reminders: createReminderHooks(wired, { schedule: { leadDays: 14, sendHourUtc: 7 } }),
    // The caseworker is in the team the case is tied to.
    roster: { isMember: async (tenantId, teamId, userId) => tenantId === TENANT && teamId === TEAM && userId === me.userId },
  });
  const channel: TurnContextInfo = {
    ...me,
    userId: 'teams',
    conversation: { id: CHANNEL, kind: 'channel', serviceUrl: 'http://127.0.0.1:9/teams/', teamId: TEAM, teamName: 'Familieafdelingen', channelId: CHANNEL },
  };
  await conversation.onInstalled(channel, { serviceUrl: channel.conversation.serviceUrl, conversationId: CHANNEL, tenantId: TENANT, teamId: TEAM, teamName: 'Familieafdelingen', channelId: CHANNEL, kind: 'channel' });
}, 120_000);
afterAll(() => db?.close());

/**
 * Runs the turn failing at its 1st statement, then its 2nd, and so on: each failure must be
 * "unavailable" and leave every table as it was. The first run that reaches its end is the retry
 * that works; its card is returned.
 */
async function atEveryFailurePoint(label: string, turn: () => Promise<Card>): Promise<Card> {
  for (let failAt = 1; ; failAt++) {
    const before = await snapshot(db);
    wired.count = 0;
    wired.failAt = failAt;
    const outcome = await turn().then(
      (card) => ({ card }),
      (error: unknown) => ({ error }),
    );
    wired.failAt = 0;
    if ('card' in outcome) {
      // Past its last statement: nothing failed, the turn went through.
      expect(failAt - 1, `${label}: the turn uses the database`).toBeGreaterThan(0);
      points[label] = failAt - 1;
      return outcome.card;
    }
    expect(outcome.error, `${label}, failing at statement ${failAt}`).toBeInstanceOf(StorageUnavailableError);
    expect(await snapshot(db), `${label}, failing at statement ${failAt} of the turn, wrote nothing`).toBe(before);
  }
}

const say = (text: string) => async (): Promise<Card> => {
  const [reply] = await conversation.onMessage(me, text);
  if (reply?.kind !== 'card') throw new Error(`"${text}" answered ${JSON.stringify(reply)}`);
  return reply.card;
};
const act = (verb: string, data: Record<string, unknown>) => async (): Promise<Card> => (await conversation.onAction(me, verb, { ...data, verb })).card;

describe('a turn that fails at any of its statements writes nothing, and its retry works', { timeout: 120_000 }, () => {
  it('through an interview: "ny sag", every step, back, "fortsæt", and accepting the result as a case', async () => {
    const family = FAMILIES.level2;
    const draftId = draftIdOf(await atEveryFailurePoint('ny sag', say('ny sag')));
    let card: Card = {};
    for (const stepId of STEP_ORDER) {
      card = await atEveryFailurePoint(`intake.next ${stepId}`, act('intake.next', { draftId, stepId, ...family[stepId] }));
      if (stepId === 'parents') {
        // "Tilbage" on the last step, "fortsæt", and the two steps again.
        const back = actionData(card, 'intake.back');
        expect(back, 'the step card has a way back').toBeDefined();
        card = await atEveryFailurePoint('intake.back', act('intake.back', back!));
        expect(actionData(card, 'intake.next')?.stepId).toBe('parents');
        card = await atEveryFailurePoint('fortsæt', say('fortsæt'));
        expect(actionData(card, 'intake.next')?.stepId).toBe('parents');
        card = await atEveryFailurePoint('intake.next parents again', act('intake.next', { draftId, stepId, ...family[stepId] }));
      }
    }
    expect(actionData(card, 'case.accept'), 'the last step shows the result').toBeDefined();

    card = await atEveryFailurePoint('case.accept', act('case.accept', { draftId, caseReference: 'SAG-FEJL-1', childPseudonym: 'AB', channelId: CHANNEL, startDate: '2026-01-05' }));
    expect(cardText(card)).toContain('SAG-FEJL-1');
    const [kase] = await db.query<{ case_id: string }>(`SELECT case_id::text FROM cases WHERE tenant_id = $1 AND reference = 'SAG-FEJL-1'`, [TENANT]);
    expect(await db.query(`SELECT 1 FROM reminder_cases WHERE tenant_id = $1 AND case_id = $2::uuid`, [TENANT, kase!.case_id]), 'the case has its reminders').toHaveLength(1);
    expect(await db.query(`SELECT 1 FROM intake_drafts WHERE tenant_id = $1`, [TENANT]), 'and no draft is left').toEqual([]);
  });

  it('starting over, and overriding the recommendation with a reason', async () => {
    const family = FAMILIES.level1;
    const first = draftIdOf(await atEveryFailurePoint('ny sag (2)', say('ny sag')));
    await atEveryFailurePoint('intake.next child (2)', act('intake.next', { draftId: first, stepId: 'child', ...family.child }));
    const draftId = draftIdOf(await atEveryFailurePoint('intake.restart', act('intake.restart', { draftId: first })));
    expect(draftId).not.toBe(first);
    for (const stepId of STEP_ORDER) await act('intake.next', { draftId, stepId, ...family[stepId] })();
    const card = await atEveryFailurePoint(
      'case.override',
      act('case.override', {
        draftId,
        overrideCaseReference: 'SAG-FEJL-2',
        overrideChildPseudonym: 'AB',
        overrideChannelId: CHANNEL,
        overrideStartDate: '2026-01-05',
        chosen: 'level2',
        chosenVariant: '',
        reason: 'Familien har brug for tættere kontakt end ét besøg om ugen.',
      }),
    );
    expect(cardText(card)).toContain('SAG-FEJL-2');
    console.info('failure points per turn:', JSON.stringify(points));
  });
});
