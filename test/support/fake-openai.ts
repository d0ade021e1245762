import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { estimateTokens } from '../../prompts/tokens.js';

/**
 * A local OpenAI-compatible HTTP server for tests: it answers POST …/chat/completions with
 * scripted responses and records every request's raw bytes, so a test can assert on exactly
 * what would have left the municipality.
 */

export interface RecordedRequest {
  readonly method: string;
  /** Path and query, as received (Azure's deployment URL shape shows here). */
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  /** The raw request body. */
  readonly raw: Buffer;
  /** Tokens in the messages' contents, by the same estimate the product budgets with. */
  readonly promptTokens: number;
}

interface ChatMessage {
  role: string;
  content: string;
}

export type Scripted =
  /** A well-formed answer; the content is the JSON the model would write. */
  | { readonly kind: 'answer'; readonly content: (messages: readonly ChatMessage[]) => unknown }
  | { readonly kind: 'status'; readonly status: number }
  /** Answers only after the delay, to trip the client's timeout. */
  | { readonly kind: 'slow'; readonly delayMs: number }
  /** The default answer, only after the delay: a model slower than Teams' invoke limit but within the client's timeout. */
  | { readonly kind: 'late'; readonly delayMs: number }
  /** The model's message is not JSON. */
  | { readonly kind: 'malformed-content' }
  /** The HTTP body itself is not JSON. */
  | { readonly kind: 'broken-body' }
  | { readonly kind: 'refusal' };

export interface FakeOpenAi {
  /** Base URL for an OpenAI client (ends in /v1). */
  readonly baseURL: string;
  /** The bare origin, e.g. for AZURE_OPENAI_ENDPOINT. */
  readonly origin: string;
  readonly requests: RecordedRequest[];
  /** Queues responses, used in order; when the queue is empty the default answer (echoAnswer unless given) is used. */
  script(...responses: Scripted[]): void;
  /** Every recorded body, concatenated, as text. */
  sentText(): string;
  close(): Promise<void>;
}

/** Placeholders and candidate ids found in the request, echoed back as a plausible summary. */
export const echoAnswer: Scripted = {
  kind: 'answer',
  content: (messages) => {
    const user = messages.find((m) => m.role === 'user')?.content ?? '';
    const placeholders = [...new Set(user.match(/\[(?:NAVN|CPR|TLF|EMAIL|ADRESSE|STED|INSTITUTION)_\d+\]/g) ?? [])];
    const candidateIds = [...user.matchAll(/^([a-z]+\.[\w.-]+) \|/gm)].map((m) => m[1]!);
    return {
      summary: `Notaterne nævner ${placeholders.join(', ') || 'ingen personer'}.`,
      passages: candidateIds.slice(0, 2).map((id) => ({ id, why: `Relevant for ${placeholders[0] ?? 'sagen'}.` })),
    };
  },
};

function completion(content: string | null, extra: Record<string, unknown> = {}, finishReason = 'stop') {
  return {
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: 0,
    model: 'fake-model',
    choices: [{ index: 0, message: { role: 'assistant', content, refusal: null, ...extra }, finish_reason: finishReason }],
    usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
  };
}

export async function startFakeOpenAi(options: { answer?: Scripted } = {}): Promise<FakeOpenAi> {
  const fallback = options.answer ?? echoAnswer;
  const requests: RecordedRequest[] = [];
  const queue: Scripted[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      let messages: ChatMessage[] = [];
      try {
        messages = (JSON.parse(raw.toString('utf8')) as { messages?: ChatMessage[] }).messages ?? [];
      } catch {
        messages = [];
      }
      requests.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        raw,
        promptTokens: messages.reduce((sum, m) => sum + estimateTokens(m.content ?? ''), 0),
      });
      const send = (status: number, body: string) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(body);
      };
      if (!req.url?.includes('/chat/completions')) return send(404, '{"error":{"message":"not found"}}');
      const next = queue.shift() ?? fallback;
      switch (next.kind) {
        case 'answer':
          return send(200, JSON.stringify(completion(JSON.stringify(next.content(messages)))));
        case 'status':
          return send(next.status, '{"error":{"message":"scripted failure","type":"server_error"}}');
        case 'slow': {
          const t = setTimeout(() => {
            timers.delete(t);
            if (!res.destroyed) send(200, JSON.stringify(completion('{"summary":"for sent","passages":[]}')));
          }, next.delayMs);
          timers.add(t);
          return;
        }
        case 'late': {
          const answer = fallback.kind === 'answer' ? fallback : echoAnswer;
          if (answer.kind !== 'answer') return;
          const t = setTimeout(() => {
            timers.delete(t);
            if (!res.destroyed) send(200, JSON.stringify(completion(JSON.stringify(answer.content(messages)))));
          }, next.delayMs);
          timers.add(t);
          return;
        }
        case 'malformed-content':
          return send(200, JSON.stringify(completion('Her er et resumé, men ikke som JSON.')));
        case 'broken-body':
          return send(200, '{"id": "chatcmpl-fake", "choices": [');
        case 'refusal':
          return send(200, JSON.stringify(completion(null, { refusal: 'Jeg kan ikke hjælpe med det.' })));
      }
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  return {
    baseURL: `${origin}/v1`,
    origin,
    requests,
    script: (...responses) => void queue.push(...responses),
    sentText: () => requests.map((r) => r.raw.toString('utf8')).join('\n'),
    close: async () => {
      for (const t of timers) clearTimeout(t);
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
