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
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
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
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const { openPostgres } = await import('./postgres.js');
    return openPostgres(options.databaseUrl, options.onIdleError);
  }
  const { openPglite } = await import('./pglite.js');
  return openPglite(options.dataDir);
}
