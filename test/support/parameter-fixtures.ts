import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseMunicipalityParameters } from '../../rules/parameters/load.js';
import type { ParameterSet } from '../../rules/parameters/schema.js';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'parameters');

export function fixtureParameterFile(name: string): string {
  return join(DIR, `${name}.json`);
}

/** A municipality's parameter set from test/fixtures/parameters/, parsed as the product would. */
export function loadFixtureParameters(name: string): ParameterSet {
  const parsed = parseMunicipalityParameters(JSON.parse(readFileSync(fixtureParameterFile(name), 'utf8')));
  if (!parsed.ok) throw new Error(`fixture ${name}: ${JSON.stringify(parsed.problems)}`);
  return parsed.value;
}
