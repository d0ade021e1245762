import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONNECT_TIMEOUT_MS, QUERY_TIMEOUT_MS } from '../../bot/storage/postgres.js';
import { actionData, BotClient, cardsIn } from '../support/bot-client.js';
import { sendAction, sendText, startFaultBot, timedTurn, type FaultBot } from '../support/fault-bot.js';
import { answerSteps, FAMILIES, startInterview } from '../support/interview.js';
import { privateCluster, type PrivateCluster } from '../support/pg-cluster.js';

/**
 * A database server that accepts connections and then answers nothing: a network partition, a
 * failover that hangs. Unlike a stopped server, which refuses at once, this one made turns wait
 * for the pool's 10 s connect timeout, and a query on a pooled connection forever. The server
 * is this file's own (TEST_PG_BIN), frozen with SIGSTOP and thawed with SIGCONT.
 */

/** The longer of the two timeouts, and a little for the turn itself: below the 15 s Teams waits. */
const BOUND_MS = Math.max(CONNECT_TIMEOUT_MS, QUERY_TIMEOUT_MS) + 3_000;

let cluster: PrivateCluster;
let bot: FaultBot;

beforeAll(async () => {
  cluster = await privateCluster();
  bot = await startFaultBot(cluster.url, { REMINDER_SWEEP_SECONDS: '0' });
}, 60_000);

afterAll(async () => {
  await cluster?.thaw().catch(() => undefined);
  await bot?.stop();
  await cluster?.destroy();
}, 60_000);

describe('a database that stops answering', () => {
  it('gets each turn the Danish "try again" within the bound instead of a hang, and the same process carries on when it answers again', { timeout: 60_000 }, async () => {
    const me = new BotClient({ url: bot.server.url });
    const { draftId } = await startInterview(me);
    await answerSteps(me, draftId, { child: FAMILIES.level1.child });

    await cluster.freeze();
    let answers: Awaited<ReturnType<typeof timedTurn>>[];
    try {
      // More turns at once than the pool has connections (10): some wait for a connection, some
      // for a query on a pooled one, some for a new connection.
      answers = await Promise.all([
        timedTurn(() => sendAction(me, 'intake.next', { draftId, stepId: 'concern', ...FAMILIES.level1.concern }), true, 20_000),
        ...Array.from({ length: 14 }, () => timedTurn(() => sendText(new BotClient({ url: bot.server.url }), 'ny sag'), false, 20_000)),
      ]);
    } finally {
      await cluster.thaw();
    }
    console.info('turns against a frozen database (outcome, ms):', JSON.stringify(answers.map((a) => [a.outcome.kind, a.ms])));
    for (const a of answers) {
      expect(a.outcome.kind === 'other' ? a.outcome.detail : a.outcome.kind).toBe('unavailable');
      expect(a.ms, 'answered within the bound').toBeLessThan(BOUND_MS);
    }
    expect(bot.log.filter((l) => l.msg === 'turn failed').map((l) => l.err?.name)).toEqual(answers.map(() => 'StorageUnavailableError'));

    // Once the server answers again, the next turn continues where the draft stood.
    const [card] = cardsIn(await me.say('fortsæt'));
    expect(actionData(card, 'intake.next')).toMatchObject({ draftId, stepId: 'concern' });
    const after = await answerSteps(me, draftId, { concern: FAMILIES.level1.concern });
    expect(actionData(after.card, 'intake.next')?.stepId).toBe('family');
  });
});
