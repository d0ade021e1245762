import { afterEach, describe, expect, it } from 'vitest';
import { privateCluster } from './pg-cluster.js';

describe('the private PostgreSQL cluster helper', () => {
  const saved = process.env.TEST_PG_BIN;
  afterEach(() => {
    if (saved === undefined) delete process.env.TEST_PG_BIN;
    else process.env.TEST_PG_BIN = saved;
  });

  it('fails, rather than skipping, when the PostgreSQL binaries are not given, and says to run npm test', async () => {
    delete process.env.TEST_PG_BIN;
    await expect(privateCluster()).rejects.toThrow(/TEST_PG_BIN is not set.*run `npm test`/s);
  });
});
