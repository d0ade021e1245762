import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../bot/logger.js';

const CPR = '010203-1234';
const NAME = 'Anna Hansen';
const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlLXNpZ25hdHVyZQ';
const PASSWORD = 'hemmeligt-kodeord-42';
const URL_WITH_PASSWORD = `postgres://familiestotte:${PASSWORD}@db.example.internal:5432/familiestotte`;

function capture() {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  const logger = createLogger('debug', stream);
  return { logger, output: () => chunks.join('') };
}

/** What an operator's log store receives: never a CPR number, a person's name, a token or a password. */
describe('the log', () => {
  it('never holds CPR numbers, names in known fields, tokens or connection strings, wherever they appear', () => {
    const { logger, output } = capture();
    logger.info({ activity: { type: 'message', from: { id: '29:x', name: NAME }, text: `Barnet har CPR ${CPR}` }, tenantId: 'tenant-1' }, 'turn received');
    logger.info({ caseworkerName: NAME, childPseudonym: 'AH', reference: 'SAG-2025-0042' }, 'case created');
    logger.warn({ req: { headers: { authorization: `Bearer ${JWT}`, cookie: `session=${JWT}` } } }, 'request refused');
    logger.info({ databaseUrl: URL_WITH_PASSWORD, connectionString: URL_WITH_PASSWORD }, 'configuration');
    logger.error({ err: new Error(`duplicate key value (reference)=(${CPR}) while connecting to ${URL_WITH_PASSWORD}`) }, 'turn failed');
    logger.error({ detail: { nested: { deeper: [`token ${JWT}`, `api_key=${PASSWORD}`] } } }, `lookup of ${CPR} failed with Bearer ${JWT}`);
    logger.info(`string message with ${CPR} and ${URL_WITH_PASSWORD}`);

    const text = output();
    for (const secret of [CPR, '0102031234', NAME, JWT, PASSWORD]) expect(text).not.toContain(secret);
    const lines = text.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(7);
  });

  it('keeps what an operator needs: the message, the tenant, ids and the error type and stack', () => {
    const { logger, output } = capture();
    class StorageUnavailableError extends Error {
      override name = 'StorageUnavailableError';
    }
    logger.error({ err: new StorageUnavailableError(`connect ECONNREFUSED via ${URL_WITH_PASSWORD}`), tenantId: 'tenant-1', reference: 'SAG-2025-0042' }, 'turn failed');
    const [line] = output().trim().split('\n').map((l) => JSON.parse(l) as { msg: string; tenantId: string; reference: string; err: { type: string; message: string; stack: string } });
    expect(line).toMatchObject({ msg: 'turn failed', tenantId: 'tenant-1', reference: 'SAG-2025-0042' });
    expect(line?.err.type).toBe('StorageUnavailableError');
    expect(line?.err.message).toBe('connect ECONNREFUSED via postgres://[redacted]@db.example.internal:5432/familiestotte');
    expect(line?.err.stack).toContain('log-redaction.test.ts');
  });
});
