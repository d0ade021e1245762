import { readFileSync } from 'node:fs';
import { jsonError } from '../cli/check-standard-command.js';
import type { ParameterSet } from '../../rules/parameters/schema.js';
import { checkStandard } from '../../rules/standard/check.js';
import { DEFAULT_STANDARD } from '../../rules/standard/load.js';
import type { StandardSettings } from '../config.js';
import { STANDARD_PARAMETERS, type ParameterConfig } from '../rules-binding.js';
import { loaded, type LoadedStandard } from './standard-ref.js';

/**
 * Each municipality's (tenant's) own standard, read from its file and checked once at start-up
 * by the same check as `npm run check-standard`: a file that fails it stops the start, so no
 * case is ever decided under a standard that can leave a family without an answer.
 */

export interface TenantStandards {
  /** The standard in force for the tenant: its own file, or the default. */
  forTenant(tenantId: string): LoadedStandard;
}

/** A standard file that cannot be used; the message is the check's, in Danish, with the place in the file. */
export class StandardFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super(
      `Standarden i ${file} kan ikke bruges, så botten starter ikke:\n${problems.map((p) => `  ${file}: ${p}`).join('\n')}\n` +
        `Ret filen (npm run check-standard -- ${file}) og start igen. The standard file ${file} fails the check; see docs/egen-servicestandard.md.`,
    );
    this.name = 'StandardFileError';
  }
}

export type ReadFile = (path: string) => string;

/** Checked against the parameter set of the tenants that use it: every figure it names must be one the set gives. */
export function readStandardFile(file: string, read: ReadFile = (p) => readFileSync(p, 'utf8'), parameters: ParameterSet = STANDARD_PARAMETERS.all): LoadedStandard {
  let text: string;
  try {
    text = read(file);
  } catch {
    throw new StandardFileError(file, ['filen kan ikke læses']);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new StandardFileError(file, [jsonError(text, error)]);
  }
  const result = checkStandard(json, parameters);
  if (!result.ok || !result.standard) throw new StandardFileError(file, result.problems.map((p) => `${p.place}: ${p.message}`));
  return loaded(result.standard);
}

/** Reads and checks every configured file (each once, however many tenants share it). */
export function loadTenantStandards(settings: StandardSettings, read?: ReadFile, parameters: ParameterConfig = STANDARD_PARAMETERS): TenantStandards {
  const byFile = new Map<string, LoadedStandard>();
  // A file is checked once per parameter set it is used with: each tenant's against its own figures.
  const load = (file: string, set: ParameterSet): LoadedStandard => {
    const key = `${set.name}\u0000${file}`;
    const known = byFile.get(key);
    if (known) return known;
    const fresh = readStandardFile(file, read, set);
    byFile.set(key, fresh);
    return fresh;
  };
  const fallback = settings.file ? load(settings.file, parameters.all) : loaded(DEFAULT_STANDARD);
  const byTenant = new Map(Object.entries(settings.byTenant).map(([tenant, file]) => [tenant, load(file, parameters.tenants[tenant] ?? parameters.all)]));
  return { forTenant: (tenantId) => byTenant.get(tenantId) ?? fallback };
}

/** The seed for every tenant: what a test or tool without configuration gets. */
export const SEED_STANDARDS: TenantStandards = (() => {
  const seed = loaded(DEFAULT_STANDARD);
  return { forTenant: () => seed };
})();
