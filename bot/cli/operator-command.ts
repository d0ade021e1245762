import { userInfo } from 'node:os';
import { ZodError } from 'zod';
import type { Database } from '../storage/database.js';
import { DataDirInUseError } from '../storage/data-dir-lock.js';
import { StorageUnavailableError } from '../storage/errors.js';
import type { TenantScope } from '../storage/scope.js';
import { UsageError } from './operator-args.js';

/**
 * What every operator command shares: one database opened and closed around the work, the result
 * as JSON on stdout, and every failure as a Danish message on stderr with nothing on stdout (so a
 * script piping the output never mistakes an error for data). Exit 2: fix the command line.
 */

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface OperatorDeps {
  open: () => Promise<Database>;
  env: NodeJS.ProcessEnv;
  now: () => Date;
}

export function operatorScope(tenantId: string, env: NodeJS.ProcessEnv): TenantScope {
  // The operator's login name, not a citizen's: the audit log says which operator did it.
  const actor = env.FAMILIESTOTTE_OPERATOR?.trim() || `operator:${safeUser()}`;
  return { tenantId, actorId: actor, origin: 'cli' };
}

function safeUser(): string {
  try {
    return userInfo().username || 'ukendt';
  } catch {
    return 'ukendt';
  }
}

export async function runOperatorCommand(deps: OperatorDeps, work: (db: Database) => Promise<CommandResult>): Promise<CommandResult> {
  let db: Database | undefined;
  try {
    db = await deps.open();
    return await work(db);
  } catch (error) {
    return failure(error);
  } finally {
    await db?.close().catch(() => undefined);
  }
}

export function usageFailure(error: unknown): CommandResult | null {
  return error instanceof UsageError ? { code: 2, stdout: '', stderr: `${error.message}\n` } : null;
}

function failure(error: unknown): CommandResult {
  const usage = usageFailure(error);
  if (usage) return usage;
  if (error instanceof ZodError) return { code: 2, stdout: '', stderr: `${error.issues.map((i) => i.message).join('\n')}\n` };
  if (error instanceof StorageUnavailableError) return { code: 1, stdout: '', stderr: 'Databasen kan ikke nås. Tjek DATABASE_URL og at serveren kører, og prøv igen. Intet er ændret.\n' };
  if (error instanceof DataDirInUseError) {
    return { code: 1, stdout: '', stderr: 'Den indlejrede database bruges af en kørende bot. Stop botten først (den indlejrede database kan kun åbnes af én proces ad gangen), eller kør kommandoen mod PostgreSQL med DATABASE_URL. Intet er ændret.\n' };
  }
  return { code: 1, stdout: '', stderr: 'Kommandoen kunne ikke gennemføres på grund af en intern fejl. Intet er ændret. Kontakt den, der driver Familiestøtte.\n' };
}

export const json = (value: unknown): CommandResult => ({ code: 0, stdout: `${JSON.stringify(value, null, 2)}\n`, stderr: '' });
