import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { CardJson } from './bot-client.js';
import { startTestBot, type TestBot } from './bot-server.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';

export interface Playground {
  /** The playground's page, to open in Chromium. */
  url: string;
  bot: TestBot;
  /** Every card the bot sent, in order: posted messages, updates and Action.Execute answers. */
  cards: CardJson[];
  /** Waits until the bot has sent a card after `count` cards, and returns it. */
  nextCard(count: number, what: string, timeoutMs?: number): Promise<CardJson>;
  stop(): Promise<void>;
}

/**
 * The Microsoft 365 Agents Playground in front of the real bot, as `npm run dev` runs it, with a
 * small relay between them that keeps a copy of every card the bot sends. The test fills the
 * cards by their inputs' labels, so it needs each card's JSON; the relay is the only addition.
 *
 * `locale` is the client's locale. The playground names en-US in every activity whatever the
 * browser's language, so the relay plays a Danish client by changing the activities' locale,
 * as a Teams client set to Danish sends them.
 */
export async function startPlayground(locale: 'da-DK' | 'en-US'): Promise<Playground> {
  const bot = await startTestBot();
  const cards: CardJson[] = [];
  const waiters = new Set<() => void>();
  const keep = (body: unknown) => {
    for (const card of cardsOf(body)) cards.push(card);
    for (const wake of waiters) wake();
  };

  let playgroundUrl = '';
  const relay: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const toConnector = (req.url ?? '').startsWith('/_connector');
    let body: string | undefined = raw.length > 0 ? raw.toString() : undefined;
    if (!toConnector && body) {
      // The bot's answers go back through the relay, which keeps their cards.
      const activity = JSON.parse(body) as { serviceUrl?: string; locale?: string; entities?: { type?: string; locale?: string }[] };
      activity.serviceUrl = `${relayUrl}/_connector`;
      if (activity.locale) activity.locale = locale;
      for (const entity of activity.entities ?? []) if (entity.type === 'clientInfo') entity.locale = locale;
      body = JSON.stringify(activity);
    }
    if (toConnector && body) keep(JSON.parse(body));
    const target = toConnector ? `${playgroundUrl}${req.url}` : `${bot.server.url}${req.url}`;
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (req.headers.authorization) headers.authorization = req.headers.authorization;
    const answer = await fetch(target, { method: req.method, headers, body });
    const text = await answer.text();
    if (!toConnector && text) {
      try {
        keep(JSON.parse(text));
      } catch {
        // Not JSON: nothing to keep.
      }
    }
    res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
    res.end(text);
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  const relayUrl = `http://127.0.0.1:${(relay.address() as AddressInfo).port}`;

  const port = await freePort();
  playgroundUrl = `http://localhost:${port}`;
  const playground: ChildProcess = spawn(
    `${ROOT}node_modules/.bin/agentsplayground`,
    ['start', '--app-endpoint', `${relayUrl}/api/messages`, '--channel-id', 'msteams', '--port', String(port), '--disable-telemetry'],
    { cwd: ROOT, env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  playground.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  playground.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  await waitFor(() => output.includes(`Listening on ${port}`), 60_000, () => `the playground did not start: ${output.slice(-800)}`);

  return {
    url: playgroundUrl,
    bot,
    cards,
    async nextCard(count, what, timeoutMs = 60_000) {
      await new Promise<void>((resolve, reject) => {
        const check = () => {
          if (cards.length > count) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve();
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`${what} did not come (the bot had sent ${count} cards)`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
      return cards[cards.length - 1]!;
    },
    async stop() {
      playground.kill('SIGTERM');
      await new Promise<void>((resolve) => relay.close(() => resolve()));
      await bot.stop();
    },
  };
}

/** The Adaptive Cards in a posted activity or in an invoke answer (`{ value: card }`). */
function cardsOf(body: unknown): CardJson[] {
  if (!body || typeof body !== 'object') return [];
  const o = body as { attachments?: { contentType?: string; content?: CardJson }[]; type?: string; value?: CardJson; body?: unknown };
  const attached = (o.attachments ?? []).filter((a) => a.contentType === ADAPTIVE && a.content).map((a) => a.content!);
  const invoked = o.type === ADAPTIVE && o.value ? [o.value] : [];
  return [...attached, ...invoked, ...cardsOf(o.body)];
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

async function waitFor(condition: () => boolean, timeoutMs: number, message: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(message());
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
