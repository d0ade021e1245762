/** `--name value` and bare `--flag` options for the operator commands; anything else is an error. */
export class UsageError extends Error {}

export function parseOptions(argv: readonly string[], spec: { values: readonly string[]; flags?: readonly string[] }, usage: string): Map<string, string | true> {
  const out = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const name = arg.startsWith('--') ? arg.slice(2) : null;
    if (name && spec.flags?.includes(name)) out.set(name, true);
    else if (name && spec.values.includes(name)) {
      const value = argv[++i];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} mangler en værdi.\n${usage}`);
      out.set(name, value);
    } else throw new UsageError(`Ukendt tilvalg ${arg}.\n${usage}`);
  }
  return out;
}

export function required(options: Map<string, string | true>, name: string, usage: string): string {
  const value = options.get(name);
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`--${name} skal angives.\n${usage}`);
  return value.trim();
}
