import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../bot/config.js';
import { createLogger } from '../../bot/logger.js';
import { startServer } from '../../bot/server.js';
import { startEchoServer } from '../../bot/teams/echo-bot.js';
import { BotClient } from '../support/bot-client.js';
import type { BenchResult } from './bench-result.js';
import { answerSteps, startInterview } from '../support/interview.js';
import { caseStartingToday, percentile, STARTING_TODAY, timed } from './interview-load.js';


/**
 * Turns per second through POST /api/messages: whole intake interviews (start, seven steps,
 * accept: nine turns each, every one read and written to the embedded database) against a
 * bare botbuilder echo bot on restify, both started in this run, at the same concurrency.
 */
const CONCURRENCY = 50;
/** Measuring time per bot per round; rounds alternate echo and interviews so load from elsewhere hits both alike. */
const ROUND_MS = Number(process.env.BENCH_TURNS_MS ?? 5_000);
const ROUNDS = Number(process.env.BENCH_TURNS_ROUNDS ?? 3);
const TURNS_PER_INTERVIEW = 9;

interface Measured {
  turns: number;
  seconds: number;
  latencies: number[];
  failed: number;
}

const empty = (): Measured => ({ turns: 0, seconds: 0, latencies: [], failed: 0 });

/** CONCURRENCY conversations, each repeating `worker` until the round ends; a failed turn is counted, not retried. */
async function measure(into: Measured, worker: (record: (ms: number) => void) => Promise<void>): Promise<void> {
  const started = performance.now();
  const deadline = started + ROUND_MS;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < deadline) {
        try {
          await worker((ms) => into.latencies.push(ms));
        } catch {
          into.failed++;
        }
      }
    }),
  );
  into.turns = into.latencies.length;
  into.seconds += (performance.now() - started) / 1000;
}



async function startEcho(into: Measured) {
  const echo = await startEchoServer();
  return {
    round: () =>
      measure(into, async (record) => {
        const client = timed(new BotClient({ url: echo.url }), record);
        for (let i = 0; i < TURNS_PER_INTERVIEW; i++) await client.say('hej');
      }),
    close: () => echo.close(),
  };
}

async function startInterviews(into: Measured, databaseUrl?: string) {
  const dataDir = await mkdtemp(join(tmpdir(), 'familiestotte-bench-'));
  const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'silent', ...(process.env.MAX_TURNS_IN_FLIGHT ? { MAX_TURNS_IN_FLIGHT: process.env.MAX_TURNS_IN_FLIGHT } : {}), ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) });
  const server = await startServer(config, { host: '127.0.0.1', logger: createLogger(config.logLevel) });
  const tenantId = '0b1c2d3e-0000-4000-8000-00000000bench';
  const channel = '19:general-bench@thread.tacv2';
  let n = 0;
  await new BotClient({ url: server.url, tenantId, kind: 'channel', conversationId: channel }).install();
  return {
    round: () =>
      measure(into, async (record) => {
        const client = timed(new BotClient({ url: server.url, tenantId }), record);
        const { draftId } = await startInterview(client);
        await answerSteps(client, draftId, STARTING_TODAY);
        await client.execute('case.accept', caseStartingToday(draftId, channel, `BENCH-${process.pid}-${++n}`));
      }),
    close: async () => {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A PostgreSQL server to measure against as well (production's shape: the database in its own process). */
const POSTGRES_URL = process.env.BENCH_DATABASE_URL;

export async function run(): Promise<BenchResult[]> {
  const echo = empty();
  const bot = empty();
  const onPostgres = empty();
  const echoBot = await startEcho(echo);
  const interviews = await startInterviews(bot);
  const postgres = POSTGRES_URL ? await startInterviews(onPostgres, POSTGRES_URL) : undefined;
  try {
    for (let r = 0; r < ROUNDS; r++) {
      await echoBot.round();
      await interviews.round();
      await postgres?.round();
    }
  } finally {
    await echoBot.close();
    await interviews.close();
    await postgres?.close();
  }
  const echoRate = echo.turns / echo.seconds;
  const botRate = bot.turns / bot.seconds;
  // The runner reads ratio as value / target, within target at or below 1; throughput is better
  // higher, so the target is stated as a slowdown: echo's rate over ours, at most 1 / 0.8.
  const slowdown = echoRate / botRate;
  const slowdownTarget = 1 / 0.8;
  return [
    { name: `turns/s, bare botbuilder echo bot, ${CONCURRENCY} conversations`, value: round(echoRate), unit: 'turns/s' },
    { name: `turns/s, full intake interviews, ${CONCURRENCY} conversations`, value: round(botRate), unit: 'turns/s' },
    { name: 'interview rate / echo rate (goal ≥ 0.8)', value: round(botRate / echoRate, 3), unit: 'ratio' },
    { name: 'echo rate / interview rate (slowdown)', value: round(slowdown, 3), unit: 'x', target: slowdownTarget, ratio: round(slowdown / slowdownTarget, 3) },
    { name: `p95 turn latency, full intake interviews, ${CONCURRENCY} conversations`, value: round(percentile(bot.latencies, 0.95)), unit: 'ms' },
    { name: `p95 turn latency, echo bot, ${CONCURRENCY} conversations`, value: round(percentile(echo.latencies, 0.95)), unit: 'ms' },
    { name: 'failed turns (interviews + echo)', value: bot.failed + echo.failed + onPostgres.failed, unit: 'turns' },
    ...(postgres
      ? [
          { name: `turns/s, full intake interviews on PostgreSQL, ${CONCURRENCY} conversations`, value: round(onPostgres.turns / onPostgres.seconds), unit: 'turns/s' },
          { name: 'interview rate on PostgreSQL / echo rate', value: round(onPostgres.turns / onPostgres.seconds / echoRate, 3), unit: 'ratio' },
          { name: `p95 turn latency, full intake interviews on PostgreSQL, ${CONCURRENCY} conversations`, value: round(percentile(onPostgres.latencies, 0.95)), unit: 'ms' },
        ]
      : [{ name: 'full intake interviews on PostgreSQL: not measured (set BENCH_DATABASE_URL)', value: 0, unit: '' }]),
  ];
}

function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
