import { mkdtemp, rm } from 'node:fs/promises';
import { Agent } from 'node:http';
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
 * Load: 200 caseworkers at once, each doing whole intake interviews (start, seven steps, accept:
 * nine turns, each read and written to the database) for a minute through POST /api/messages,
 * beside a bare botbuilder echo bot at the same concurrency in the same run. Reports errors, p95 and
 * p99 turn latency as ratios to the echo bot, and the resident memory before and after the run.
 */
const CASEWORKERS = Number(process.env.BENCH_LOAD_USERS ?? 200);
const DURATION_MS = Number(process.env.BENCH_LOAD_MS ?? 60_000);
const WARMUP_MS = Math.min(10_000, DURATION_MS / 6);
const TURNS_PER_INTERVIEW = 9;

interface Run {
  turns: number;
  errors: number;
  firstError?: string;
  latencies: number[];
  rssBeforeMb: number;
  rssAfterMb: number;
}

function describeError(error: unknown): string {
  const e = error as Error & { cause?: { code?: string; message?: string } };
  return `${e.message}${e.cause ? ` (${e.cause.code ?? ''} ${e.cause.message ?? ''})` : ''}`.slice(0, 300);
}

function rssMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().rss / 1024 / 1024;
}



/**
 * A warm-up (not measured) then the measured minute; memory is read between and after. Each
 * simulated caseworker keeps one keep-alive connection for the whole run, as the Bot Connector's
 * pooled connections would: 200 connections opened at once to a busy server wait to be accepted,
 * and that belongs to the warm-up, not to the turns measured.
 */
async function drive(worker: (record: (ms: number) => void, agent: Agent) => Promise<void>): Promise<Run> {
  const agents = Array.from({ length: CASEWORKERS }, () => new Agent({ keepAlive: true, maxSockets: 1 }));
  const phase = async (ms: number, record: (ms: number) => void) => {
    const deadline = performance.now() + ms;
    let errors = 0;
    let firstError: string | undefined;
    await Promise.all(
      agents.map(async (agent) => {
        while (performance.now() < deadline) {
          try {
            await worker(record, agent);
          } catch (error) {
            errors++;
            firstError ??= describeError(error);
          }
        }
      }),
    );
    return { errors, firstError };
  };
  await phase(WARMUP_MS, () => undefined);
  const rssBeforeMb = rssMb();
  const latencies: number[] = [];
  const { errors, firstError } = await phase(DURATION_MS, (ms) => latencies.push(ms));
  const rssAfterMb = rssMb();
  for (const agent of agents) agent.destroy();
  return { turns: latencies.length, errors, firstError, latencies, rssBeforeMb, rssAfterMb };
}

async function echoRun(): Promise<Run> {
  const echo = await startEchoServer();
  try {
    return await drive(async (record, agent) => {
      const client = timed(new BotClient({ url: echo.url, agent }), record);
      for (let i = 0; i < TURNS_PER_INTERVIEW; i++) {
        const response = await client.post({ type: 'message', text: 'hej', deliveryMode: 'expectReplies' });
        if (response.status !== 200) throw new Error(`echo answered ${response.status}`);
      }
    });
  } finally {
    await echo.close();
  }
}

async function botRun(): Promise<Run> {
  const dataDir = await mkdtemp(join(tmpdir(), 'familiestotte-load-'));
  const env: Record<string, string> = { PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent', ALLOW_UNAUTHENTICATED_LOCAL: 'true' };
  if (process.env.BENCH_DATABASE_URL) env.DATABASE_URL = process.env.BENCH_DATABASE_URL;
  const server = await startServer(loadConfig(env), { host: '127.0.0.1', logger: createLogger('silent') });
  const tenantId = '0b1c2d3e-0000-4000-8000-0000000load0';
  const channel = '19:general-load@thread.tacv2';
  let n = 0;
  try {
    await new BotClient({ url: server.url, tenantId, kind: 'channel', conversationId: channel }).install();
    return await drive(async (record, agent) => {
      const client = timed(new BotClient({ url: server.url, tenantId, agent }), record);
      const { draftId } = await startInterview(client);
      await answerSteps(client, draftId, STARTING_TODAY);
      const accepted = await client.execute('case.accept', caseStartingToday(draftId, channel, `LOAD-${process.pid}-${++n}`));
      if (accepted.status !== 200) throw new Error(`case.accept answered ${accepted.status}`);
    });
  } finally {
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

const round = (value: number, digits = 1): number => Math.round(value * 10 ** digits) / 10 ** digits;

export async function run(): Promise<BenchResult[]> {
  const echo = await echoRun();
  const bot = await botRun();
  const label = `${CASEWORKERS} caseworkers, ${DURATION_MS / 1000} s`;
  const ratio = (a: number, b: number) => (b > 0 ? round(a / b, 3) : 0);
  const p95 = { bot: percentile(bot.latencies, 0.95), echo: percentile(echo.latencies, 0.95) };
  const p99 = { bot: percentile(bot.latencies, 0.99), echo: percentile(echo.latencies, 0.99) };
  const growth = { bot: bot.rssAfterMb / bot.rssBeforeMb, echo: echo.rssAfterMb / echo.rssBeforeMb };
  return [
    { name: `load: errors in full interviews, ${label}${bot.firstError ? ` (first: ${bot.firstError})` : ''}`, value: bot.errors, unit: 'errors', target: 0, ratio: bot.errors === 0 ? 0 : 1 + bot.errors },
    { name: `load: turns, full interviews / echo bot, ${label}`, value: ratio(bot.turns, echo.turns), unit: 'ratio' },
    { name: `load: p95 turn latency, full interviews, ${label}`, value: round(p95.bot), unit: 'ms' },
    { name: `load: p99 turn latency, full interviews, ${label}`, value: round(p99.bot), unit: 'ms' },
    { name: `load: p95 turn latency, echo bot, ${label}`, value: round(p95.echo), unit: 'ms' },
    { name: `load: p99 turn latency, echo bot, ${label}`, value: round(p99.echo), unit: 'ms' },
    { name: 'load: p95 latency, interviews / echo', value: ratio(p95.bot, p95.echo), unit: 'ratio' },
    { name: 'load: p99 latency, interviews / echo', value: ratio(p99.bot, p99.echo), unit: 'ratio' },
    { name: 'load: RSS before → after, full interviews', value: round(bot.rssAfterMb), unit: `MB (before ${round(bot.rssBeforeMb)})` },
    { name: 'load: RSS before → after, echo bot', value: round(echo.rssAfterMb), unit: `MB (before ${round(echo.rssBeforeMb)})` },
    // Growth over the measured minute, against the echo bot's own growth (allocator noise): at most 1.25.
    { name: 'load: RSS growth, interviews / echo (goal ≤ 1.25)', value: round(growth.bot / growth.echo, 3), unit: 'ratio', target: 1.25, ratio: round(growth.bot / growth.echo / 1.25, 3) },
  ];
}
