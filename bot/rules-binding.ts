import { readFileSync } from 'node:fs';
import { bindRules, type BoundRules } from '../rules/bind.js';
import { DEFAULT_PARAMETERS } from '../rules/parameters/default.js';
import { parseMunicipalityParameters } from '../rules/parameters/load.js';
import type { ParameterSet } from '../rules/parameters/schema.js';

/**
 * The rules bound once per municipality at start-up. Every caller in bot/ gets its tenant's bound
 * rules from here and nothing else: this is the only module of bot/ that knows the standard's
 * default figures exist (a tenant without its own file gets them).
 */

/** Each tenant's bound rules; a tenant not named gets the set for all. */
export type RulesFor = (tenantId: string) => BoundRules;

/** The parameter sets as configuration names them: the one for all, and each tenant's own. */
export interface ParameterConfig {
  all: ParameterSet;
  tenants: Readonly<Record<string, ParameterSet>>;
}

export const STANDARD_PARAMETERS: ParameterConfig = { all: DEFAULT_PARAMETERS, tenants: {} };

export class ParameterFileError extends Error {
  constructor(
    readonly file: string,
    /** The parameter check's problems, field and message, Danish. */
    readonly problems: string[],
  ) {
    super(`${file}: ${problems.join('; ')}`);
    this.name = 'ParameterFileError';
  }
}

/** Reads and checks one municipality's parameter file; throws ParameterFileError with the check's message. */
export function readParameterFile(file: string): ParameterSet {
  let input: unknown;
  try {
    input = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ParameterFileError(file, [error instanceof SyntaxError ? `er ikke gyldig JSON (${error.message})` : 'kan ikke læses']);
  }
  const parsed = parseMunicipalityParameters(input);
  if (!parsed.ok) throw new ParameterFileError(file, parsed.problems.map((p) => `${p.field}: ${p.message}`));
  return parsed.value;
}

export function bindRulesPerTenant(config: ParameterConfig): RulesFor {
  const all = bindRules(config.all);
  const own = new Map(Object.entries(config.tenants).map(([tenant, set]) => [tenant, bindRules(set)]));
  return (tenantId) => own.get(tenantId) ?? all;
}

/** The standard's own figures for every tenant: for tools and tests that configure nothing. */
export const standardRules: RulesFor = bindRulesPerTenant(STANDARD_PARAMETERS);
