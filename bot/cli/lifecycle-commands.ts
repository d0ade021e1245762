import { eraseCase, exportCase } from '../lifecycle/case-data.js';
import { retentionPeriodsFromEnv } from '../lifecycle/retention-config.js';
import { runRetention } from '../lifecycle/retention.js';
import { parseOptions, required, UsageError } from './operator-args.js';
import { json, operatorScope, runOperatorCommand, usageFailure, type CommandResult, type OperatorDeps } from './operator-command.js';

const RETENTION_USAGE = 'Brug: npm run --silent retention -- --as-of 2026-01-31T00:00:00Z [--dry-run]';
const EXPORT_USAGE = 'Brug: npm run --silent export-case -- --tenant TENANT-ID --reference SAGSNUMMER';
const ERASE_USAGE = 'Brug: npm run --silent erase-case -- --tenant TENANT-ID --reference SAGSNUMMER --reason "Anmodning efter GDPR art. 17, j.nr. …"';

function asOfDate(value: string | true | undefined, now: Date): Date {
  if (value === undefined) return now;
  const date = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? new Date(value) : new Date(NaN);
  if (Number.isNaN(date.getTime())) throw new UsageError(`--as-of skal være et tidspunkt som 2026-01-31 eller 2026-01-31T00:00:00Z.\n${RETENTION_USAGE}`);
  // A date in the future would move every cut-off forward and delete what must still be kept,
  // today's audit rows included.
  if (date.getTime() > now.getTime()) {
    throw new UsageError(`--as-of må ikke ligge efter nu (${now.toISOString()}): sletning efter en fremtidig dato ville fjerne data, der skal gemmes endnu.\n${RETENTION_USAGE}`);
  }
  return date;
}

/** Deletes what has been kept long enough; `--dry-run` only counts. */
export async function runRetentionCommand(argv: readonly string[], deps: OperatorDeps): Promise<CommandResult> {
  let options;
  try {
    const parsed = parseOptions(argv, { values: ['as-of'], flags: ['dry-run'] }, RETENTION_USAGE);
    options = { ...retentionPeriodsFromEnv(deps.env), asOf: asOfDate(parsed.get('as-of'), deps.now()), dryRun: parsed.has('dry-run') };
  } catch (error) {
    return usageFailure(error) ?? { code: 2, stdout: '', stderr: `${(error as Error).message}\n` };
  }
  const scope = operatorScope('-', deps.env);
  return runOperatorCommand(deps, async (db) => json(await runRetention(db, { ...options, actorId: scope.actorId, origin: 'cli' })));
}

/** Everything held on one case, for a citizen's access request. */
export async function runExportCaseCommand(argv: readonly string[], deps: OperatorDeps): Promise<CommandResult> {
  let tenant: string, reference: string;
  try {
    const parsed = parseOptions(argv, { values: ['tenant', 'reference'] }, EXPORT_USAGE);
    tenant = required(parsed, 'tenant', EXPORT_USAGE);
    reference = required(parsed, 'reference', EXPORT_USAGE);
  } catch (error) {
    return usageFailure(error) as CommandResult;
  }
  return runOperatorCommand(deps, async (db) => {
    const found = await exportCase(db, operatorScope(tenant, deps.env), reference, deps.now());
    return found ? json(found) : notFound(tenant, reference);
  });
}

/** Erases one case on a lawful request; the audit trail keeps that it happened and why. */
export async function runEraseCaseCommand(argv: readonly string[], deps: OperatorDeps): Promise<CommandResult> {
  let tenant: string, reference: string, reason: string;
  try {
    const parsed = parseOptions(argv, { values: ['tenant', 'reference', 'reason'] }, ERASE_USAGE);
    tenant = required(parsed, 'tenant', ERASE_USAGE);
    reference = required(parsed, 'reference', ERASE_USAGE);
    reason = required(parsed, 'reason', ERASE_USAGE);
  } catch (error) {
    return usageFailure(error) as CommandResult;
  }
  return runOperatorCommand(deps, async (db) => {
    const erased = await eraseCase(db, operatorScope(tenant, deps.env), reference, reason, deps.now());
    return erased ? json(erased) : notFound(tenant, reference);
  });
}

function notFound(tenant: string, reference: string): CommandResult {
  return { code: 2, stdout: '', stderr: `Der findes ingen sag med sagsnummeret ${reference} i tenant ${tenant}. Tjek sagsnummer og tenant-id.\n` };
}
