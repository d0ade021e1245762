import type { Database, Queryable } from '../storage/database.js';

/** The parts of storage the reminder modules use: statements, and transactions where they claim. */
export type Sql = Pick<Queryable, 'query'>;
export type SqlWithTransactions = Pick<Database, 'query' | 'transaction'>;
