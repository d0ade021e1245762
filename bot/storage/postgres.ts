import pg from 'pg';
import type { Database, Queryable } from './database.js';
import { mapDriverError } from './errors.js';
import { DATE_OID, INT8_OID, parseDate, parseInt8 } from './type-parsers.js';

const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === DATE_OID) return parseDate;
    if (oid === INT8_OID) return parseInt8;
    return pg.types.getTypeParser(oid, format);
  },
};

function wrap(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<T>(sql: string, params?: unknown[]): Promise<T[]> {
      try {
        const result = await client.query(sql, params as unknown[] | undefined);
        return result.rows as T[];
      } catch (error) {
        throw mapDriverError(error);
      }
    },
    async exec(sql: string): Promise<void> {
      try {
        // Without parameters pg uses the simple query protocol, which accepts several statements.
        await client.query(sql);
      } catch (error) {
        throw mapDriverError(error);
      }
    },
  };
}

/** A pool against a real PostgreSQL server: what runs in production and in the multi-instance tests. */
export async function openPostgres(databaseUrl: string, onIdleError?: (error: Error) => void): Promise<Database> {
  const pool = new pg.Pool({ connectionString: databaseUrl, types, connectionTimeoutMillis: 10_000, max: 10 });
  // An idle client losing its connection emits 'error' on the pool; unhandled, that kills the process.
  pool.on('error', (error) => onIdleError?.(error));
  const self = wrap(pool);
  return {
    kind: 'postgres',
    query: self.query,
    exec: self.exec,
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      let broken: Error | undefined;
      // A checked-out client that loses its connection emits 'error'; the pool only listens
      // while the client is idle, so without this the process would crash. The failing
      // query rejects as well, and that is what we report.
      const onError = (error: Error): void => {
        broken = error;
      };
      let client: pg.PoolClient;
      try {
        // The callback form, not `await pool.connect()`: a client released by another turn is
        // handed over inside the pool's socket handler, and the server's next message (a FATAL
        // "terminating connection" on a shutdown, often in the same packet as the last answer)
        // is parsed before an await would resume. With no listener yet, that 'error' is
        // uncaught and ends the process; attaching in the callback leaves no such gap.
        client = await new Promise<pg.PoolClient>((resolve, reject) => {
          pool.connect((error, connected) => {
            if (error || !connected) return reject(error ?? new Error('the pool gave no client'));
            connected.on('error', onError);
            resolve(connected);
          });
        });
      } catch (error) {
        throw mapDriverError(error);
      }
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
        } catch (rollbackError) {
          // The connection is gone; tell the pool not to reuse it.
          broken = rollbackError as Error;
        }
        throw mapDriverError(error);
      } finally {
        client.off('error', onError);
        client.release(broken);
      }
    },
    async close(): Promise<void> {
      await pool.end();
    },
  };
}
