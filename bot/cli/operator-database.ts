import { resolve } from 'node:path';
import { openDatabase, type Database } from '../storage/database.js';
import { migrate } from '../storage/migrate.js';

/**
 * The database an operator command works on, chosen as the bot chooses it: DATABASE_URL for a
 * PostgreSQL server, otherwise the embedded database in DATA_DIR (default ./data). The schema is
 * brought up to date first, as the bot does at start-up. When the bot runs as its own role,
 * DATABASE_OWNER_URL is the tables' owner, and the commands use it: rewriting the tables after
 * an erasure needs the owner. Audit rows still go only through purge_audit_log().
 */
export async function openOperatorDatabase(env: NodeJS.ProcessEnv): Promise<Database> {
  const databaseUrl = env.DATABASE_OWNER_URL?.trim() || env.DATABASE_URL?.trim() || undefined;
  // A person at a terminal waits for a large retention run or erasure; turns get 5 s, this gets minutes.
  const db = await openDatabase({ databaseUrl, dataDir: resolve(env.DATA_DIR?.trim() || 'data'), queryTimeoutMs: 300_000 });
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
