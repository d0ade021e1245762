import { STANDARD_PARAMETERS } from '../rules-binding.js';
import { parseMunicipalityParameters } from '../../rules/parameters/load.js';
import type { ParameterSet } from '../../rules/parameters/schema.js';
import { checkStandard } from '../../rules/standard/check.js';

export interface CommandResult {
  stdout: string;
  stderr: string;
  code: number;
}

const USAGE = 'Brug: npm run check-standard -- STANDARDFIL.json [--parametre PARAMETERFIL.json]\n';

/** JSON.parse's position as line and column, so the municipality finds the typo in its editor. */
export function jsonError(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const at = /position (\d+)/.exec(message);
  if (!at) return 'filen er ikke gyldig JSON';
  const before = text.slice(0, Number(at[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `filen er ikke gyldig JSON (linje ${line}, kolonne ${column})`;
}

export function runCheckStandard(args: readonly string[], read: (path: string) => string): CommandResult {
  const file = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--parametre');
  const paramsAt = args.indexOf('--parametre');
  if (!file) return { stdout: '', stderr: USAGE, code: 2 };

  let parameters: ParameterSet = STANDARD_PARAMETERS.all;
  if (paramsAt >= 0) {
    const path = args[paramsAt + 1];
    if (!path) return { stdout: '', stderr: USAGE, code: 2 };
    let text: string;
    try {
      text = read(path);
    } catch {
      return { stdout: '', stderr: `${path}: filen kan ikke læses\n`, code: 2 };
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      return { stdout: '', stderr: `${path}: ${jsonError(text, e)}\n`, code: 1 };
    }
    const parsed = parseMunicipalityParameters(json);
    if (!parsed.ok) return { stdout: '', stderr: parsed.problems.map((p) => `${path}: ${p.field}: ${p.message}\n`).join(''), code: 1 };
    parameters = parsed.value;
  }

  let text: string;
  try {
    text = read(file);
  } catch {
    return { stdout: '', stderr: `${file}: filen kan ikke læses\n`, code: 2 };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { stdout: '', stderr: `${file}: ${jsonError(text, e)}\n`, code: 1 };
  }
  const result = checkStandard(json, parameters);
  if (!result.ok) {
    const lines = result.problems.map((p) => `${file}: ${p.place}: ${p.message}\n`).join('');
    return { stdout: '', stderr: `${lines}${result.problems.length} fejl i standarden.\n`, code: 1 };
  }
  const s = result.standard;
  return {
    stdout: `${file}: standarden ${s?.id} version ${s?.version} (${s?.municipality}) er i orden: ${s?.measures.length} indsatser, ${s?.questions.length} spørgsmål, ${result.combinations} svarkombinationer gennemgået.\n`,
    stderr: '',
    code: 0,
  };
}
