import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readJsonBody, refuseByHeaders } from './json-body.js';

const LIMIT = 1024;

function body(...chunks: string[]): IncomingMessage {
  return Readable.from(chunks.map((c) => Buffer.from(c))) as unknown as IncomingMessage;
}

describe('the JSON body reader', () => {
  it.each([
    ['application/json; charset=utf-8', {}, undefined],
    ['application/vnd.api+json', {}, undefined],
    [undefined, {}, 415],
    ['multipart/form-data; boundary=x', {}, 415],
    ['text/plain', {}, 415],
    ['application/json', { 'content-encoding': 'gzip' }, 415],
    ['application/json', { 'content-encoding': 'identity' }, undefined],
    ['application/json', { 'content-length': String(LIMIT + 1) }, 413],
  ])('decides %s %o from the headers: %s', (type, extra, status) => {
    expect(refuseByHeaders({ 'content-type': type, ...extra }, LIMIT)?.status).toBe(status);
  });

  it('reads JSON that arrives in pieces', async () => {
    expect(await readJsonBody(body('{"type":', '"message"}'), LIMIT)).toEqual({ ok: true, body: { type: 'message' } });
  });

  it('stops keeping a body without a length the moment it passes the limit', async () => {
    const result = await readJsonBody(body('{"text":"', 'x'.repeat(LIMIT), '"}'), LIMIT);
    expect(result).toEqual({ ok: false, status: 413, error: 'request too large' });
  });

  it('answers invalid JSON with 400', async () => {
    expect(await readJsonBody(body('{nope'), LIMIT)).toMatchObject({ ok: false, status: 400 });
  });
});
