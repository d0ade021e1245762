/**
 * One small interface over PostgreSQL. Production talks to a real server through `pg`;
 * without a URL the bot runs on PGlite (PostgreSQL compiled to WebAssembly) persisted in a
 * folder, so a newcomer needs no set-up. Both run the same SQL and the same migrations.
 */

export interface Queryable {
  /** One statement, `$1`-style parameters. Pass JSON as `JSON.stringify(...)` with a `::jsonb` cast. */
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /** A script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  /**
   * Runs `fn` in one transaction: committed when it resolves, rolled back when it throws.
   * Inside `fn` use only `tx`; calling the database itself there throws NestedDatabaseCallError.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  readonly kind: 'pglite' | 'postgres';
}

export interface DatabaseOptions {
  /** postgres://… for a real server; absent for embedded PGlite. */
  databaseUrl?: string;
  /** Where PGlite keeps its files; created on first start. */
  dataDir: string;
  /** Receives errors of idle pooled connections, which would otherwise crash the process. */
  onIdleError?: (error: Error) => void;
  /** PostgreSQL only: how long one statement may take before it fails as unavailable (default 5 s, for turns). */
  queryTimeoutMs?: number;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const { guardNesting } = await import('./nesting-guard.js');
  if (options.databaseUrl) {
    const { openPostgres } = await import('./postgres.js');
    return guardNesting(await openPostgres(options.databaseUrl, { onIdleError: options.onIdleError, queryTimeoutMs: options.queryTimeoutMs }));
  }
  const { openPglite } = await import('./pglite.js');
  return guardNesting(await openPglite(options.dataDir));
}
