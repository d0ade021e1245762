import pg from 'pg';
import type { Database, Queryable } from './database.js';
import { mapDriverError, StorageUnavailableError } from './errors.js';
import { DATE_OID, INT8_OID, parseDate, parseInt8 } from './type-parsers.js';

const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === DATE_OID) return parseDate;
    if (oid === INT8_OID) return parseInt8;
    return pg.types.getTypeParser(oid, format);
  },
};

/**
 * How long a turn waits for PostgreSQL before it tells the person to try again. A stopped server
 * refuses connections at once, but a server behind a network partition or in a failover that
 * hangs accepts the TCP connection and then answers nothing: without these bounds a turn would
 * wait for the old 10 s connect timeout, and a query on a pooled connection forever (until TCP
 * gives up, minutes later), long after Teams stopped waiting for the bot, while the stuck turns
 * hold every pooled connection. A healthy server connects and answers in milliseconds.
 */
export const CONNECT_TIMEOUT_MS = 3_000;
export const QUERY_TIMEOUT_MS = 5_000;

export interface PostgresOptions {
  onIdleError?: (error: Error) => void;
  /** Client-side limit per statement; the migration scripts (`exec`) have none. */
  queryTimeoutMs?: number;
}

/** pg reads a per-statement `query_timeout` (lib/client.js); @types/pg does not list it. */
type TimedQuery = pg.QueryConfig<unknown[]> & { query_timeout: number };

function timed(text: string, values: unknown[] | undefined, queryTimeoutMs: number): TimedQuery {
  return { text, values, query_timeout: queryTimeoutMs };
}

function wrap(client: pg.Pool | pg.PoolClient, queryTimeoutMs: number): Queryable {
  return {
    async query<T>(sql: string, params?: unknown[]): Promise<T[]> {
      try {
        const result = await client.query(timed(sql, params, queryTimeoutMs));
        return result.rows as T[];
      } catch (error) {
        throw mapDriverError(error);
      }
    },
    async exec(sql: string): Promise<void> {
      try {
        // Without parameters pg uses the simple query protocol, which accepts several statements.
        // No time limit: a migration may rightly take long, and runs at start-up, not in a turn.
        await client.query(sql);
      } catch (error) {
        throw mapDriverError(error);
      }
    },
  };
}

/** A pool against a real PostgreSQL server: what runs in production and in the multi-instance tests. */
export async function openPostgres(databaseUrl: string, options: PostgresOptions = {}): Promise<Database> {
  const queryTimeoutMs = options.queryTimeoutMs ?? QUERY_TIMEOUT_MS;
  // connectionTimeoutMillis bounds both a new connection and the wait for a free one in the pool.
  const pool = new pg.Pool({ connectionString: databaseUrl, types, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, max: 10 });
  // An idle client losing its connection emits 'error' on the pool; unhandled, that kills the process.
  pool.on('error', (error) => options.onIdleError?.(error));
  const self = wrap(pool, queryTimeoutMs);
  const statement = (text: string) => timed(text, undefined, queryTimeoutMs);
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
        await client.query(statement('BEGIN'));
        const result = await fn(wrap(client, queryTimeoutMs));
        await client.query(statement('COMMIT'));
        return result;
      } catch (error) {
        const mapped = mapDriverError(error);
        if (mapped instanceof StorageUnavailableError) {
          // The connection is gone or does not answer (a timed-out query is still running on it):
          // a ROLLBACK would only wait as long again. Closing the connection rolls back on the server.
          broken = mapped;
        } else {
          try {
            await client.query(statement('ROLLBACK'));
          } catch (rollbackError) {
            // The connection is gone; tell the pool not to reuse it.
            broken = rollbackError as Error;
          }
        }
        throw mapped;
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
