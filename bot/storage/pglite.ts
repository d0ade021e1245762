import { mkdir } from 'node:fs/promises';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Database, Queryable } from './database.js';
import { lockDataDir } from './data-dir-lock.js';
import { mapDriverError } from './errors.js';
import { DATE_OID, INT8_OID, parseDate, parseInt8 } from './type-parsers.js';

function wrap(target: PGlite | Transaction): Queryable {
  return {
    async query<T>(sql: string, params?: unknown[]): Promise<T[]> {
      try {
        const result = await target.query<T>(sql, params);
        return result.rows;
      } catch (error) {
        throw mapDriverError(error);
      }
    },
    async exec(sql: string): Promise<void> {
      try {
        await target.exec(sql);
      } catch (error) {
        throw mapDriverError(error);
      }
    },
  };
}

/** Embedded PostgreSQL in `dataDir`; the first start there runs initdb (seconds), later starts reuse it. */
export async function openPglite(dataDir: string): Promise<Database> {
  await mkdir(dataDir, { recursive: true });
  const unlock = await lockDataDir(dataDir);
  let pg: PGlite;
  try {
    pg = await PGlite.create(dataDir, { parsers: { [DATE_OID]: parseDate, [INT8_OID]: parseInt8 } });
  } catch (error) {
    await unlock();
    throw mapDriverError(error);
  }
  const self = wrap(pg);
  return {
    kind: 'pglite',
    query: self.query,
    exec: self.exec,
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      try {
        return await pg.transaction((tx) => fn(wrap(tx)));
      } catch (error) {
        throw mapDriverError(error);
      }
    },
    async close(): Promise<void> {
      if (pg.closed) return;
      await pg.close();
      await unlock();
    },
  };
}
