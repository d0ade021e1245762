import { afterEach, describe, expect, it } from 'vitest';
import { realPostgres } from './db.js';

describe('the real-PostgreSQL test helper', () => {
  const saved = process.env.TEST_DATABASE_URL;
  afterEach(() => {
    if (saved === undefined) delete process.env.TEST_DATABASE_URL;
    else process.env.TEST_DATABASE_URL = saved;
  });

  it('fails, rather than skipping, when no test server is configured, and says to run npm test', async () => {
    delete process.env.TEST_DATABASE_URL;
    await expect(realPostgres()).rejects.toThrow(/run `npm test`/);
  });
});
