import { readFileSync } from 'node:fs';
import { containsCprLike } from '../privacy/cpr.js';
import { bindRules } from '../../rules/bind.js';
import { parseFacts, type FieldProblem } from '../../rules/facts.js';
import { STANDARD_PARAMETERS } from '../rules-binding.js';
import { parseMunicipalityParameters } from '../../rules/parameters/load.js';

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Exit 2: the input (or the command line) is wrong and the person must fix it. */
const INVALID = 2;

const USAGE = 'Brug: npm run --silent assess -- SAG.json [--parameters KOMMUNE.json]';

class InputError extends Error {}

/**
 * One case's facts (JSON file) in, the decision (JSON) out. Everything a person can get
 * wrong ends as a Danish message naming the field and what is allowed, never a stack trace,
 * and nothing on stdout, so a script piping stdout never mistakes an error for a decision.
 */
export function runAssess(argv: readonly string[]): CommandResult {
  try {
    const { factsFile, parametersFile } = parseArgs(argv);
    const facts = parseFacts(readJson(factsFile, 'Sagsfilen'));
    if (!facts.ok) throw new InputError(describe(`Sagsfilen ${factsFile} har fejl:`, facts.problems));
    let parameters = STANDARD_PARAMETERS.all;
    if (parametersFile) {
      const parsed = parseMunicipalityParameters(readJson(parametersFile, 'Parameterfilen'));
      if (!parsed.ok) throw new InputError(describe(`Parameterfilen ${parametersFile} har fejl:`, parsed.problems));
      parameters = parsed.value;
    }
    return { code: 0, stdout: `${JSON.stringify(bindRules(parameters).decide(facts.value), null, 2)}\n`, stderr: '' };
  } catch (error) {
    if (error instanceof InputError) return { code: INVALID, stdout: '', stderr: `${error.message}\n` };
    return { code: 1, stdout: '', stderr: 'Vurderingen kunne ikke gennemføres på grund af en intern fejl. Kontakt den, der driver Familiestøtte.\n' };
  }
}

function parseArgs(argv: readonly string[]): { factsFile: string; parametersFile?: string } {
  const positional: string[] = [];
  let parametersFile: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--parameters') {
      parametersFile = argv[++i];
      if (!parametersFile) throw new InputError(`--parameters mangler et filnavn.\n${USAGE}`);
    } else if (arg.startsWith('--')) {
      throw new InputError(`Ukendt tilvalg ${arg}.\n${USAGE}`);
    } else positional.push(arg);
  }
  if (positional.length !== 1) throw new InputError(`Angiv præcis én sagsfil.\n${USAGE}`);
  return { factsFile: positional[0] as string, ...(parametersFile ? { parametersFile } : {}) };
}

function readJson(file: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'findes ikke' : code === 'EISDIR' ? 'er en mappe' : code === 'EACCES' ? 'må ikke læses' : 'kan ikke læses';
    throw new InputError(`${what} ${file} ${why}. Angiv stien til en JSON-fil.`);
  }
  // The decision repeats the facts' free text: a CPR number in it would be printed back.
  if (containsCprLike(text)) throw new InputError(`${what} ${file} indeholder noget, der ligner et CPR-nummer. CPR-numre må ikke bruges her – fjern det og prøv igen.`);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new InputError(`${what} ${file} er ikke gyldig JSON. Ret filen, så den indeholder ét JSON-objekt.`);
  }
}

function describe(heading: string, problems: readonly FieldProblem[]): string {
  return [heading, ...problems.map((p) => `  - ${p.field}: ${p.message}`)].join('\n');
}
