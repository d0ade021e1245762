/**
 * The slice of the storage interface (bot/storage/database.ts) the reminders use, named here so
 * the reminder modules can be read and tested on their own.
 */
export interface Sql {
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface SqlWithTransactions extends Sql {
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
}
