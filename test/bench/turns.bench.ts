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
import { measureCpu, startBotProcess, type CpuSplit } from './turn-cpu.js';


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
async function measure(into: Measured, worker: Worker, ms = ROUND_MS): Promise<void> {
  const started = performance.now();
  const deadline = started + ms;
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



type Worker = (record: (ms: number) => void) => Promise<void>;

/** One conversation's share of the echo load: nine messages, as many turns as an interview. */
function echoConversation(url: string): Worker {
  return async (record) => {
    const client = timed(new BotClient({ url }), record);
    for (let i = 0; i < TURNS_PER_INTERVIEW; i++) await client.say('hej');
  };
}

const TENANT = '0b1c2d3e-0000-4000-8000-00000000bench';
const CHANNEL = '19:general-bench@thread.tacv2';
let cases = 0;

/** Installs the bot in the bench team (so a case has a channel), then one whole interview per call. */
async function interviewConversation(url: string): Promise<Worker> {
  await new BotClient({ url, tenantId: TENANT, kind: 'channel', conversationId: CHANNEL }).install();
  return async (record) => {
    const client = timed(new BotClient({ url, tenantId: TENANT }), record);
    const { draftId } = await startInterview(client);
    await answerSteps(client, draftId, STARTING_TODAY);
    await client.execute('case.accept', caseStartingToday(draftId, CHANNEL, `BENCH-${process.pid}-${++cases}`));
  };
}

async function startEcho(into: Measured) {
  const echo = await startEchoServer();
  const conversation = echoConversation(echo.url);
  return {
    round: () => measure(into, conversation),
    close: () => echo.close(),
  };
}

async function startInterviews(into: Measured, databaseUrl?: string) {
  const dataDir = await mkdtemp(join(tmpdir(), 'familiestotte-bench-'));
  const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, ALLOW_UNAUTHENTICATED_LOCAL: 'true', LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'silent', ...(process.env.MAX_TURNS_IN_FLIGHT ? { MAX_TURNS_IN_FLIGHT: process.env.MAX_TURNS_IN_FLIGHT } : {}), ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) });
  const server = await startServer(config, { host: '127.0.0.1', logger: createLogger(config.logLevel) });
  const conversation = await interviewConversation(server.url);
  return {
    round: () => measure(into, conversation),
    close: async () => {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Warm-up, then CPU_MS of load at the same concurrency, with the bot in a process of its own. */
const CPU_MS = Number(process.env.BENCH_TURNS_CPU_MS ?? 4_000);

async function cpuSplit(kind: 'echo' | 'interviews', databaseUrl?: string): Promise<CpuSplit> {
  const bot = await startBotProcess(kind, databaseUrl);
  try {
    const conversation = kind === 'echo' ? echoConversation(bot.url) : await interviewConversation(bot.url);
    const run = async (ms: number) => {
      const measured = empty();
      await measure(measured, conversation, ms);
      return measured.turns;
    };
    await run(Math.min(2_000, CPU_MS));
    return await measureCpu(bot, () => run(CPU_MS));
  } finally {
    await bot.stop();
  }
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
  // The same load with each bot in a process of its own: what one turn costs the server, and
  // what it costs the load generator, which shares the cores in the measurement above.
  const echoCpu = await cpuSplit('echo');
  const botCpu = await cpuSplit('interviews');
  const postgresCpu = POSTGRES_URL ? await cpuSplit('interviews', POSTGRES_URL) : undefined;
  const cpuRows = (label: string, split: CpuSplit): BenchResult[] => [
    { name: `CPU per turn in the bot's process, ${label}`, value: round(split.serverMs, 2), unit: 'ms' },
    { name: `CPU per turn in the load generator, ${label}`, value: round(split.clientMs, 2), unit: 'ms' },
  ];
  // When both runs keep the machine's cores busy, rates stand in inverse proportion to all the CPU
  // a turn costs; this is the in-process ratio the CPU figures allow, whatever the scheduling.
  const cpuBound = (split: CpuSplit) => round((echoCpu.serverMs + echoCpu.clientMs) / (split.serverMs + split.clientMs), 3);
  return [
    { name: `turns/s, bare botbuilder echo bot, ${CONCURRENCY} conversations`, value: round(echoRate), unit: 'turns/s' },
    { name: `turns/s, full intake interviews, ${CONCURRENCY} conversations`, value: round(botRate), unit: 'turns/s' },
    { name: 'interview rate / echo rate (goal ≥ 0.8)', value: round(botRate / echoRate, 3), unit: 'ratio' },
    { name: 'echo rate / interview rate (slowdown)', value: round(slowdown, 3), unit: 'x', target: slowdownTarget, ratio: round(slowdown / slowdownTarget, 3) },
    { name: `p95 turn latency, full intake interviews, ${CONCURRENCY} conversations`, value: round(percentile(bot.latencies, 0.95)), unit: 'ms' },
    { name: `p95 turn latency, echo bot, ${CONCURRENCY} conversations`, value: round(percentile(echo.latencies, 0.95)), unit: 'ms' },
    { name: 'failed turns (interviews + echo)', value: bot.failed + echo.failed + onPostgres.failed, unit: 'turns' },
    ...cpuRows('echo bot', echoCpu),
    ...cpuRows('full intake interviews', botCpu),
    { name: 'rate ratio the CPU per turn allows, full intake interviews', value: cpuBound(botCpu), unit: 'ratio' },
    // What 0.8 leaves a turn in the bot's process, given what the load generator spends on ours.
    { name: "CPU per turn the bot's process may spend for 0.8 (echo bot's: see above)", value: round((echoCpu.serverMs + echoCpu.clientMs) / 0.8 - botCpu.clientMs, 2), unit: 'ms' },
    ...(postgresCpu
      ? [...cpuRows('full intake interviews on PostgreSQL', postgresCpu), { name: 'rate ratio the CPU per turn allows, on PostgreSQL (its server\'s CPU not counted)', value: cpuBound(postgresCpu), unit: 'ratio' }]
      : []),
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
