import type { IncomingMessage } from 'node:http';

/**
 * The only request bodies the bot takes are JSON documents of a bounded size, read into memory.
 * A general body parser also inflates gzip (a small upload became gigabytes in memory) and writes
 * multipart uploads to the temp folder; here neither is possible.
 */

export type BodyRefusal = { status: 400 | 413 | 415; error: string };
export type BodyResult = { ok: true; body: unknown } | ({ ok: false } & BodyRefusal);

const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

export function expectsBody(method: string | undefined): boolean {
  return METHODS_WITH_BODY.has(method ?? '');
}

function isJsonType(contentType: string | undefined): boolean {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  return type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'));
}

/** Decided from the headers alone, so a body that would be refused is never read. */
export function refuseByHeaders(headers: IncomingMessage['headers'], maxBytes: number): BodyRefusal | undefined {
  const encoding = (headers['content-encoding'] ?? '').trim().toLowerCase();
  if (encoding !== '' && encoding !== 'identity') return { status: 415, error: 'unsupported content encoding' };
  if (!isJsonType(headers['content-type'])) return { status: 415, error: 'expected application/json' };
  const length = Number(headers['content-length'] ?? 0);
  if (Number.isFinite(length) && length > maxBytes) return { status: 413, error: 'request too large' };
  return undefined;
}

/** Reads at most `maxBytes`; a body that goes on past that is refused without being kept. */
export function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<BodyResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let received = 0;
    let settled = false;
    const finish = (result: BodyResult) => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > maxBytes) {
        chunks.length = 0;
        // Nothing more is kept: the caller answers and discards the rest.
        req.pause();
        finish({ ok: false, status: 413, error: 'request too large' });
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        finish({ ok: true, body: text === '' ? undefined : JSON.parse(text) });
      } catch {
        finish({ ok: false, status: 400, error: 'invalid JSON' });
      }
    };
    const onError = () => finish({ ok: false, status: 400, error: 'request body could not be read' });
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}

/**
 * After a refusal, the rest of the body is read and thrown away, up to `budget` bytes, so a client
 * still sending reads its answer instead of a reset connection; a body beyond that is cut off.
 */
export function discardBody(req: IncomingMessage, budget: number): void {
  let seen = 0;
  req.on('data', (chunk: Buffer) => {
    seen += chunk.length;
    if (seen > budget) req.destroy();
  });
  req.resume();
}
