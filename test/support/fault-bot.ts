import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { loadConfig } from '../../bot/config.js';
import { startServer, type RunningServer } from '../../bot/server.js';
import { StorageUnavailableError } from '../../bot/storage/errors.js';
import { actionData, cardsIn, type BotClient, type CardJson, type ReplyActivity } from './bot-client.js';

/**
 * For the fault tests: the bot in-process against a database the test breaks, with its log kept,
 * and every answer sorted into a card, the Danish "try again", or something else (a 5xx, an
 * English or generic message, a hang), which is what those tests look for.
 */

/** What a person reads when the database is away. */
export const TRY_AGAIN = new StorageUnavailableError(undefined).userMessage;

export type Outcome = { kind: 'card'; card: CardJson } | { kind: 'unavailable' } | { kind: 'other'; detail: string };

export interface LogLine {
  msg: string;
  err?: { name?: string; message?: string };
}

export interface FaultBot {
  server: RunningServer;
  /** The bot's log lines at warn and above, as they were written. */
  log: LogLine[];
  stop(): Promise<void>;
}

/** The real server on port 0 with DATABASE_URL; `env` adds to its environment. */
export async function startFaultBot(databaseUrl: string, env: Record<string, string> = {}): Promise<FaultBot> {
  const dataDir = await mkdtemp(join(tmpdir(), 'familiestotte-fault-bot-'));
  const log: LogLine[] = [];
  const config = loadConfig({ PORT: '0', DATABASE_URL: databaseUrl, DATA_DIR: dataDir, LOG_LEVEL: 'warn', ALLOW_UNAUTHENTICATED_LOCAL: 'true', WEEKLY_DIGEST_DAY: 'off', ...env });
  const logger = pino({ level: 'warn' }, { write: (line: string) => void log.push(JSON.parse(line) as LogLine) });
  const server = await startServer(config, { host: '127.0.0.1', logger });
  return {
    server,
    log,
    async stop() {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A typed message, its replies in the response body. */
export function sendText(client: BotClient, text: string): Promise<Response> {
  return client.post({ type: 'message', text, deliveryMode: 'expectReplies' });
}

/** An Action.Execute click with the card's data. */
export function sendAction(client: BotClient, verb: string, data: Record<string, unknown>): Promise<Response> {
  return client.post({ type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data: { ...data, verb } }, trigger: 'manual' } });
}

export async function asOutcome(response: Response, invoke: boolean): Promise<Outcome> {
  const raw = await response.text();
  if (response.status !== 200) return { kind: 'other', detail: `HTTP ${response.status}: ${raw.slice(0, 200)}` };
  if (invoke) {
    const body = JSON.parse(raw) as { type?: string; value?: unknown };
    if (body.type === 'application/vnd.microsoft.card.adaptive') return { kind: 'card', card: body.value as CardJson };
    if (body.type === 'application/vnd.microsoft.activity.message' && body.value === TRY_AGAIN) return { kind: 'unavailable' };
    return { kind: 'other', detail: raw.slice(0, 300) };
  }
  const activities = (JSON.parse(raw) as { activities?: ReplyActivity[] }).activities ?? [];
  const cards = cardsIn(activities);
  if (cards.length === 1 && activities.length === 1) return { kind: 'card', card: cards[0]! };
  if (activities.length === 1 && activities[0]!.text === TRY_AGAIN) return { kind: 'unavailable' };
  return { kind: 'other', detail: raw.slice(0, 300) };
}

/** One turn, sorted; a turn with no answer within `boundMs` counts as "other" (a hang). */
export async function timedTurn(send: () => Promise<Response>, invoke: boolean, boundMs: number): Promise<{ outcome: Outcome; ms: number }> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const outcome = await Promise.race([
    send().then(
      (response) => asOutcome(response, invoke),
      (error: unknown): Outcome => ({ kind: 'other', detail: `request failed: ${(error as Error).message}` }),
    ),
    new Promise<Outcome>((resolve) => {
      timer = setTimeout(() => resolve({ kind: 'other', detail: `no answer within ${boundMs} ms` }), boundMs);
    }),
  ]);
  clearTimeout(timer);
  return { outcome, ms: Math.round(performance.now() - started) };
}

/** Where an interview card stands: the step it asks, "result" (the recommendation), or "other". */
export function positionOf(card: CardJson): string {
  const next = actionData(card, 'intake.next')?.stepId;
  if (typeof next === 'string') return next;
  if (actionData(card, 'case.accept')) return 'result';
  return 'other';
}
