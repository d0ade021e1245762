import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONNECT_TIMEOUT_MS, QUERY_TIMEOUT_MS } from '../../bot/storage/postgres.js';
import { BotClient, cardText } from '../support/bot-client.js';
import { positionOf, sendAction, sendText, startFaultBot, timedTurn, type FaultBot, type Outcome } from '../support/fault-bot.js';
import { draftIdOf, FAMILIES } from '../support/interview.js';
import { stepsShown } from '../../bot/intake/steps.js';
import { privateCluster, type PrivateCluster } from '../support/pg-cluster.js';

/** The steps the interview shows the level-2 family's school child (no checklists for 0–24 months). */
const STEP_ORDER = stepsShown(undefined, { child: { ageMonths: 84 } }) as (keyof typeof FAMILIES.level2)[];

/**
 * The database goes away under load and comes back, while the same bot process keeps taking
 * turns over HTTP: 20 caseworkers in their own chats, each running intake interviews to a stored
 * case. The server is a PostgreSQL cluster of this file's own (TEST_PG_BIN), so stopping it
 * disturbs no other test file. The deterministic counterpart, every failure point of every
 * intake turn, is test/faults/failure-points.test.ts.
 */

const CONVERSATIONS = 20;
const CHANNEL = '19:outage-familie@thread.tacv2';
const TEAM = '19:outage-team@thread.tacv2';
/**
 * How long one turn may take, outage or not: the product's connect or statement limit and a
 * little for the turn. A stopped server refuses at once, so in practice turns take far less.
 */
const TURN_BOUND_MS = Math.max(CONNECT_TIMEOUT_MS, QUERY_TIMEOUT_MS) + 3_000;
/** How long /ready may take to say 200 again after the restart: generous, for a busy machine. */
const READY_BOUND_MS = 30_000;
/** How long the database stays away. */
const OUTAGE_MS = 3_000;
/** Between the first turns of two conversations: together they spread over about one interview. */
const STAGGER_MS = 60;
/** A person clicking again after "try again". */
const RETRY_MS = 250;
/** Nothing due soon, so the reminder sweeps (every second here) have nothing to post. */
const TODAY = new Date().toISOString().slice(0, 10);

type Phase = 'before' | 'stopping' | 'down' | 'starting' | 'after';

interface TurnRecord {
  worker: number;
  what: string;
  /** The phase when the turn was sent. */
  sent: Phase;
  ms: number;
  kind: Outcome['kind'];
  detail?: string;
}

interface WorkerResult {
  userId: string;
  /** Draft saves the bot reported as done (a card for the next position came back). */
  savesReported: number;
  /** References of the cases the bot reported as created. */
  created: string[];
  /** Interviews cut by the outage and picked up again with "fortsæt": where they should and did stand. */
  resumed: { expected: string; shown: string }[];
}

let cluster: PrivateCluster;
let bot: FaultBot;

beforeAll(async () => {
  cluster = await privateCluster();
  // Reminder sweeps every second, so they too meet the outage.
  bot = await startFaultBot(cluster.url, { REMINDER_SWEEP_SECONDS: '1' });
}, 60_000);

afterAll(async () => {
  await bot?.stop();
  await cluster?.destroy();
}, 60_000);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('PostgreSQL stopped and started again under load, the same bot process throughout', () => {
  // 'immediate' is a crash (recovery at the next start); 'fast' ends the sessions and shuts down cleanly.
  it.each(['immediate', 'fast'] as const)('pg_ctl stop -m %s: every turn of the outage gets the Danish "try again", nothing is half-written, and the interviews carry on', { timeout: 90_000 }, async (mode) => {
    let phase: Phase = 'before';
    const turns: TurnRecord[] = [];
    const failures: string[] = [];

    const installer = new BotClient({ url: bot.server.url, kind: 'channel', conversationId: `${CHANNEL}-${mode}`, teamId: `${TEAM}-${mode}`, teamName: 'Familieafdelingen' });
    const channel = `${CHANNEL}-${mode}`;
    const tenantId = installer.tenantId;
    await installer.install();

    /** One turn, timed and sorted; no answer within the bound counts as a hang. */
    async function turn(worker: number, what: string, send: () => Promise<Response>, invoke: boolean): Promise<Outcome> {
      const sent = phase;
      const { outcome, ms } = await timedTurn(send, invoke, TURN_BOUND_MS);
      turns.push({ worker, what, sent, ms, kind: outcome.kind, detail: outcome.kind === 'other' ? outcome.detail : undefined });
      return outcome;
    }

    async function worker(i: number): Promise<WorkerResult> {
      const me = new BotClient({ url: bot.server.url, tenantId, userName: `Sagsbehandler ${i}` });
      me.joinTeam(`${TEAM}-${mode}`);
      const family = { ...FAMILIES.level2, special: { ...FAMILIES.level2.special, startDate: TODAY } };
      const result: WorkerResult = { userId: me.userId, savesReported: 0, created: [], resumed: [] };
      let draftId: string | undefined;
      /** Index into STEP_ORDER of the step to answer next; STEP_ORDER.length is the result card. */
      let pos = 0;
      let startedAfter = false;
      let interviews = 0;
      const expectedPosition = () => STEP_ORDER[pos] ?? 'result';

      for (;;) {
        const reference = `DRIFT-${i}-${interviews}`;
        const what = !draftId ? 'ny sag' : pos < STEP_ORDER.length ? `intake.next ${STEP_ORDER[pos]}` : 'case.accept';
        const send = (): Promise<Outcome> => {
          if (!draftId) return turn(i, what, () => sendText(me, 'ny sag'), false);
          const data =
            pos < STEP_ORDER.length
              ? { verb: 'intake.next', draftId, stepId: STEP_ORDER[pos]!, ...family[STEP_ORDER[pos]!] }
              : { verb: 'case.accept', draftId, caseReference: reference, childPseudonym: 'AB', channelId: channel, startDate: TODAY };
          return turn(i, what, () => sendAction(me, data.verb, data), true);
        };

        const outcome = await send();
        if (outcome.kind === 'unavailable') {
          // As a person would: click again now and then while the database is away, then, once it
          // is back, write "fortsæt" and carry on from the card that shows.
          while (phase !== 'after') {
            await sleep(RETRY_MS);
            if (phase !== 'down') continue;
            const retry = await send();
            if (retry.kind !== 'unavailable') failures.push(`worker ${i}: ${what} while the database was down answered ${retry.kind}`);
          }
          if (!draftId) continue;
          const resumed = await turn(i, 'fortsæt', () => sendText(me, 'fortsæt'), false);
          if (resumed.kind !== 'card') {
            failures.push(`worker ${i}: "fortsæt" after the restart answered ${resumed.kind === 'other' ? resumed.detail : resumed.kind}`);
            return result;
          }
          const shown = positionOf(resumed.card);
          result.resumed.push({ expected: expectedPosition(), shown });
          if (draftIdOf(resumed.card) !== draftId) failures.push(`worker ${i}: "fortsæt" showed another draft`);
          if (shown !== expectedPosition()) return result;
          continue;
        }
        if (outcome.kind === 'other') {
          failures.push(`worker ${i}: ${what} (${phase}) answered ${outcome.detail}`);
          return result;
        }

        const card = outcome.card;
        if (!draftId) {
          draftId = draftIdOf(card);
          pos = 0;
          startedAfter = phase === 'after';
          result.savesReported++;
        } else if (pos < STEP_ORDER.length) {
          pos++;
          result.savesReported++;
          if (positionOf(card) !== expectedPosition()) {
            failures.push(`worker ${i}: after ${what} the card shows ${positionOf(card)}, not ${expectedPosition()}: ${cardText(card).slice(0, 200)}`);
            return result;
          }
        } else {
          if (!cardText(card).includes(reference)) {
            failures.push(`worker ${i}: accepting did not show case ${reference}: ${cardText(card).slice(0, 300)}`);
            return result;
          }
          result.created.push(reference);
          interviews++;
          draftId = undefined;
          // Done once an interview begun after the restart is stored.
          if (startedAfter) return result;
        }
      }
    }

    // Staggered starts, so the outage finds the interviews at every step: "ny sag", each step, accepting.
    const running = Array.from({ length: CONVERSATIONS }, (_, i) => sleep(i * STAGGER_MS).then(() => worker(i)));

    // Let the interviews get under way, then take the database away mid-run.
    while (turns.filter((t) => t.kind === 'card').length < CONVERSATIONS * 6) await sleep(20);
    phase = 'stopping';
    const stopStarted = performance.now();
    await cluster.stop(mode);
    const stopMs = performance.now() - stopStarted;
    phase = 'down';
    const health = await fetch(`${bot.server.url}/health`);
    const ready = await fetch(`${bot.server.url}/ready`);
    await sleep(OUTAGE_MS);
    phase = 'starting';
    await cluster.start();
    phase = 'after';
    // A load balancer polls /ready; so does this test. On a busy machine the first check after the
    // restart can still queue behind the workers' own turns for a pool connection.
    const restarted = performance.now();
    let readyAgain = await fetch(`${bot.server.url}/ready`);
    while (readyAgain.status !== 200 && performance.now() - restarted < READY_BOUND_MS) {
      await sleep(200);
      readyAgain = await fetch(`${bot.server.url}/ready`);
    }
    const readyAfterMs = Math.round(performance.now() - restarted);

    const results = await Promise.all(running);
    const byPhase = (p: Phase) => turns.filter((t) => t.sent === p);
    const summary = {
      turns: turns.length,
      stopMs: Math.round(stopMs),
      readyAfterMs,
      down: byPhase('down').length,
      unavailable: turns.filter((t) => t.kind === 'unavailable').length,
      slowestMs: Math.round(Math.max(...turns.map((t) => t.ms))),
      slowestDownMs: Math.round(Math.max(0, ...byPhase('down').map((t) => t.ms))),
      resumed: results.reduce((n, r) => n + r.resumed.length, 0),
      cut: Object.fromEntries([...new Set(turns.filter((t) => t.sent !== 'down' && t.kind === 'unavailable').map((t) => t.what))].map((w) => [w, turns.filter((t) => t.sent !== 'down' && t.kind === 'unavailable' && t.what === w).length])),
      created: results.reduce((n, r) => n + r.created.length, 0),
    };
    console.info(`outage (${mode})`, JSON.stringify(summary));

    expect(failures).toEqual([]);
    expect(turns.filter((t) => t.kind === 'other'), 'no 5xx, no hang, no other message').toEqual([]);
    expect(summary.slowestMs, 'every turn answered within the bound').toBeLessThan(TURN_BOUND_MS);
    expect(health.status, '/health stays live: the process is not restarted for an outage').toBe(200);
    expect(ready.status, '/ready takes the instance out of the load balancer while the database is away').toBe(503);
    expect(readyAgain.status, `/ready is 200 again within ${READY_BOUND_MS} ms of the restart`).toBe(200);

    const down = byPhase('down');
    expect(down.length, 'turns were sent while the database was down').toBeGreaterThanOrEqual(CONVERSATIONS);
    expect(down.filter((t) => t.kind !== 'unavailable'), 'every turn while the database is down gets the Danish "try again"').toEqual([]);
    const failedTurnLogs = bot.log.splice(0).filter((l) => l.msg === 'turn failed');
    expect(failedTurnLogs.length).toBe(summary.unavailable);
    expect(new Set(failedTurnLogs.map((l) => l.err?.name))).toEqual(new Set(['StorageUnavailableError']));

    // Interviews cut mid-way continue from their saved draft, at the step after the last one the bot confirmed.
    const resumed = results.flatMap((r) => r.resumed);
    // How many the outage finds mid-way (rather than at "ny sag") depends on timing: between 7 and 19
    // of 20 in runs so far. A few are enough to prove the path; each one must land on the right step.
    expect(resumed.length, 'interviews were interrupted mid-way').toBeGreaterThanOrEqual(3);
    for (const r of resumed) expect(r.shown).toBe(r.expected);
    for (const r of results) expect(r.created.length, 'each conversation stored a case begun after the restart').toBeGreaterThanOrEqual(1);

    // What the database holds: exactly what the bot reported, nothing of the failed turns.
    const db = new pg.Client({ connectionString: cluster.url });
    await db.connect();
    try {
      const cases = await db.query<{ reference: string; caseworker_id: string; decisions: number; creates: number; schedules: number }>(
        `SELECT c.reference, c.caseworker_id,
           (SELECT count(*)::int FROM decisions d WHERE d.tenant_id = c.tenant_id AND d.case_id = c.case_id) AS decisions,
           (SELECT count(*)::int FROM audit_log a WHERE a.tenant_id = c.tenant_id AND a.case_id = c.case_id AND a.action = 'case.create') AS creates,
           (SELECT count(*)::int FROM reminder_cases r WHERE r.tenant_id = c.tenant_id AND r.case_id = c.case_id) AS schedules
         FROM cases c WHERE c.tenant_id = $1 ORDER BY c.reference`,
        [tenantId],
      );
      const reported = results.flatMap((r) => r.created).sort();
      expect(cases.rows.map((c) => c.reference).sort(), 'one case per reported creation, none from a failed turn').toEqual(reported);
      for (const c of cases.rows) expect({ reference: c.reference, decisions: c.decisions, creates: c.creates, schedules: c.schedules }).toEqual({ reference: c.reference, decisions: 1, creates: 1, schedules: 1 });

      const audit = await db.query<{ actor_id: string; action: string; n: number }>(
        `SELECT actor_id, action, count(*)::int AS n FROM audit_log WHERE tenant_id = $1 AND action IN ('draft.save', 'draft.delete') GROUP BY actor_id, action`,
        [tenantId],
      );
      const count = (userId: string, action: string) => audit.rows.find((a) => a.actor_id === userId && a.action === action)?.n ?? 0;
      for (const r of results) {
        expect({ user: r.userId, saves: count(r.userId, 'draft.save'), deletes: count(r.userId, 'draft.delete') }, 'one audit row per save the bot reported, none for a failed one').toEqual({
          user: r.userId,
          saves: r.savesReported,
          deletes: r.created.length,
        });
      }
      const drafts = await db.query(`SELECT user_id, step, version FROM intake_drafts WHERE tenant_id = $1`, [tenantId]);
      expect(drafts.rows, 'every interview ended in a case').toEqual([]);
    } finally {
      await db.end();
    }
  });
});
