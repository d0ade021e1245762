import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../bot/storage/database.js';
import { StorageUnavailableError } from '../../bot/storage/errors.js';
import { migrate } from '../../bot/storage/migrate.js';
import { createStorage } from '../../bot/storage/storage.js';
import { sampleCase, scopeFor } from '../support/case-fixtures.js';
import { realPostgres, testDatabase } from '../support/db.js';

/** A port nothing listens on: bound, then released. */
async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('when the database cannot be reached', () => {
  it('a server that is not there gives StorageUnavailableError with a Danish "try again"', async () => {
    const db = await openDatabase({ databaseUrl: `postgres://postgres@127.0.0.1:${await deadPort()}/postgres`, dataDir: '' });
    try {
      const error = await migrate(db).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StorageUnavailableError);
      expect((error as StorageUnavailableError).userMessage).toMatch(/Prøv igen om et øjeblik/);
      await expect(createStorage(db).cases.get(scopeFor('t'), '00000000-0000-4000-8000-000000000000')).rejects.toBeInstanceOf(StorageUnavailableError);
    } finally {
      await db.close();
    }
  });

  it('a connection the server drops mid-way gives StorageUnavailableError, and the next query works again', async () => {
    const db = await realPostgres('unavailable');
    try {
      await expect(db.query('SELECT pg_terminate_backend(pg_backend_pid())')).rejects.toBeInstanceOf(StorageUnavailableError);
      await expect(db.query<{ one: number }>('SELECT 1 AS one')).resolves.toEqual([{ one: 1 }]);
    } finally {
      await db.close();
    }
  });

  it('a transaction whose connection is dropped is rolled back and reported as unavailable', async () => {
    const db = await realPostgres('unavailable_tx');
    const storage = createStorage(db);
    const scope = scopeFor('tenant-drop');
    try {
      const input = sampleCase();
      const error = await db
        .transaction(async (tx) => {
          await tx.query(`INSERT INTO audit_log (tenant_id, actor_id, action, origin) VALUES ('tenant-drop', 'a', 'case.read', 'chat')`);
          await tx.query('SELECT pg_terminate_backend(pg_backend_pid())');
        })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StorageUnavailableError);
      expect(await db.query(`SELECT 1 FROM audit_log WHERE tenant_id = 'tenant-drop'`)).toEqual([]);
      await expect(storage.cases.create(scope, input)).resolves.toMatchObject({ reference: input.reference });
    } finally {
      await db.close();
    }
  });

  it('a closed embedded database gives StorageUnavailableError', async () => {
    const db = await testDatabase();
    await db.close();
    await expect(db.query('SELECT 1')).rejects.toBeInstanceOf(StorageUnavailableError);
  }, 120_000);
});
