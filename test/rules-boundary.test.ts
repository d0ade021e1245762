import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The rules' boundary, held by reading the code: rules/ is pure and imports nothing of the rest of
 * the product, and bot/ reaches the standards' figures only through the rules bound to a tenant's
 * parameter set (bot/rules-binding.ts), never as a literal or through the default set.
 */

const ROOT = resolve(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => join(dir, f));
}

const importsOf = (file: string) => [...readFileSync(join(ROOT, file), 'utf8').matchAll(/^\s*(?:import|export)[^'"]*?from\s+'([^']+)'/gm)].map((m) => m[1]!);

/** Figures of the standards and the law as they would be written into a text or a comparison. */
const LEGAL_FIGURE = [
  /\b\d+\s*(?:uger|måneder|mdr\.?|år)\b(?! og \d)/i,
  /\b\d+\s*[-–]\s*\d+\s*(?:ugentlige|besøg|måneder)\b/i,
  /\b(?:age|ageMonths|months|weeks)\b[^;\n]*[<>]=?\s*\d{2,}/,
  /\b\d+\s*\*\s*12\b/,
];

/** Lines that name a number of months or years but no figure of the standards: examples and an upper bound of input. */
const NOT_LEGAL = [
  "'Fx 14 for et barn på 1 år og 2 måneder.",
  'E.g. 14 for a child of 1 year and 2 months.',
  'besøg 60 Familien var hjemme',
  '(12 besøg og tværfaglige møder på 5 uger)',
  // The age asked as whole years and the months beside them: a calendar's 0–11, no figure of the standards.
  'Fx 2 år og 6 måneder: skriv 2 her og 6 i feltet for måneder.',
  'Månederne ud over de hele år (0–11).',
  'if (months !== undefined && months > 11) {',
  'ved siden af hele år er det højst 11 måneder',
];

describe('the rules boundary', () => {
  it('rules/ imports nothing outside rules/ but zod', () => {
    const outside = sources('rules').flatMap((file) =>
      importsOf(file)
        .filter((spec) => spec !== 'zod' && (!spec.startsWith('.') || relative(join(ROOT, 'rules'), resolve(ROOT, dirname(file), spec)).startsWith('..')))
        .map((spec) => `${file}: ${spec}`),
    );
    expect(outside).toEqual([]);
  });

  it("bot/ reaches the rules' decisions and figures only through the bound rules", () => {
    const unbound = /rules\/(?:decide|chosen-measure|scope|parameters\/default|parameters\/resolve)\.js$/;
    const offenders = sources('bot')
      .filter((file) => file !== join('bot', 'rules-binding.ts'))
      .flatMap((file) => importsOf(file).filter((spec) => unbound.test(spec)).map((spec) => `${file}: ${spec}`));
    expect(offenders).toEqual([]);
    const mentions = sources('bot').filter((file) => file !== join('bot', 'rules-binding.ts') && /DEFAULT_PARAMETERS/.test(readFileSync(join(ROOT, file), 'utf8')));
    expect(mentions).toEqual([]);
  });

  it('bot/ writes no figure of the standards or the law as a literal', () => {
    const found = sources('bot').flatMap((file) =>
      readFileSync(join(ROOT, file), 'utf8')
        .split('\n')
        .map((line, i) => ({ line, at: `${file}:${i + 1}` }))
        .filter(({ line }) => !line.trim().startsWith('//') && !line.trim().startsWith('*') && !line.trim().startsWith('/**'))
        .filter(({ line }) => LEGAL_FIGURE.some((p) => p.test(line)) && !NOT_LEGAL.some((ok) => line.includes(ok)))
        .map(({ line, at }) => `${at}: ${line.trim()}`),
    );
    expect(found).toEqual([]);
  });
});
