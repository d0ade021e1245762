import { AsyncLocalStorage } from 'node:async_hooks';
import type { Database, Queryable } from './database.js';

/**
 * Inside `db.transaction(fn)`, everything must go through `tx`. A call on the outer `db`
 * would run outside the transaction on PostgreSQL (an audit row committed without its read)
 * and wait forever on PGlite (one connection, held by the transaction). Both are bugs that
 * tests on one backend can miss, so the outer handle refuses such calls at once.
 */
export class NestedDatabaseCallError extends Error {
  constructor() {
    super('Called the database itself inside db.transaction(); use the transaction handle `tx` passed to the callback');
    this.name = 'NestedDatabaseCallError';
  }
}

export function guardNesting(db: Database): Database {
  const inTransaction = new AsyncLocalStorage<true>();
  const check = (): void => {
    if (inTransaction.getStore()) throw new NestedDatabaseCallError();
  };
  return {
    kind: db.kind,
    async query<T>(sql: string, params?: unknown[]): Promise<T[]> {
      check();
      return db.query<T>(sql, params);
    },
    async exec(sql: string): Promise<void> {
      check();
      return db.exec(sql);
    },
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      check();
      return db.transaction((tx) => inTransaction.run(true, () => fn(tx)));
    },
    close: () => db.close(),
  };
}
