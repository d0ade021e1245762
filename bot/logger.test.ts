import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, logger: createLogger('info', stream) };
}

describe('the logger', () => {
  it('blanks secrets, tokens and typed text wherever they appear', () => {
    const { lines, logger } = capture();
    logger.info(
      { config: { appPassword: 'hemmelig', apiKey: 'sk-1' }, headers: { authorization: 'Bearer abc' }, activity: { text: 'Familien Hansen, 010203-1234' } },
      'turn',
    );
    const line = lines.join('');
    expect(line).not.toMatch(/hemmelig|sk-1|Bearer abc|Hansen|010203/);
    expect(line).toContain('[redacted]');
  });
});
