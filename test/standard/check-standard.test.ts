import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheckStandard } from '../../bot/cli/check-standard-command.js';
import type { Facts } from '../../rules/facts.js';
import { DEFAULT_PARAMETERS } from '../../rules/parameters/default.js';
import { resolveParameters } from '../../rules/parameters/resolve.js';
import { checkStandard } from '../../rules/standard/check.js';
import { evaluateStandard } from '../../rules/standard/evaluate.js';
import type { Standard } from '../../rules/standard/schema.js';

const root = join(import.meta.dirname, '..', '..');
const STANDARDS = join(root, 'rules', 'standards');
const FIXTURES = join(root, 'test', 'fixtures', 'standards');
const read = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

/** "Modeksempel: { a: 1, child.ageMonths: 0 }" back into facts, so the test can replay it. */
function counterexample(message: string): Facts {
  const body = /Modeksempel[^{]*\{ (.*) \}$/.exec(message)?.[1] ?? '';
  const facts: Record<string, unknown> = { referenceDate: '2024-01-01' };
  for (const pair of body.split(/, (?=[\w.]+: )/)) {
    const [key, value] = [pair.slice(0, pair.indexOf(':')), pair.slice(pair.indexOf(':') + 2)];
    if (key.startsWith('child.')) ((facts.child ??= {}) as Record<string, unknown>)[key.slice(6)] = JSON.parse(value);
    else facts[key] = JSON.parse(value);
  }
  return facts as Facts;
}

describe('npm run check-standard', () => {
  it.each(readdirSync(STANDARDS).filter((f) => f.endsWith('.json')))('accepts the standard file %s in the repository', (file) => {
    const result = checkStandard(read(join(STANDARDS, file)), DEFAULT_PARAMETERS);
    expect(result.problems).toEqual([]);
    expect(result.combinations).toBeGreaterThan(1000);
  }, 120_000);

  it('finds two measures that can pass at once, with answers that make both pass', () => {
    const input = read(join(FIXTURES, 'overlap.json'));
    const result = checkStandard(input, DEFAULT_PARAMETERS);
    expect(result.ok).toBe(false);
    const problem = result.problems.find((p) => p.message.includes('kan begge være opfyldt'));
    expect(problem?.message).toContain('level2 og level3');
    const facts = counterexample(problem?.message ?? '');
    const results = evaluateStandard(result.standard as Standard, facts, resolveParameters(DEFAULT_PARAMETERS, facts.referenceDate).values);
    expect([results.level2?.result, results.level3?.result]).toEqual(['pass', 'pass']);
  }, 120_000);

  it('finds a combination of answers no hit-policy row covers, with answers that reach it', () => {
    const result = checkStandard(read(join(FIXTURES, 'uncovered.json')), DEFAULT_PARAMETERS);
    expect(result.ok).toBe(false);
    const problem = result.problems.find((p) => p.message.includes('ingen række'));
    expect(problem?.place).toBe('hitPolicy');
    const standard = result.standard as Standard;
    const facts = counterexample(problem?.message ?? '');
    const results = evaluateStandard(standard, facts, resolveParameters(DEFAULT_PARAMETERS, facts.referenceDate).values);
    // Replayed, every measure fails and no row of the file holds.
    expect(Object.values(results).map((r) => r.result)).toEqual(standard.measures.map(() => 'fail'));
    expect(standard.hitPolicy.some((row) => 'otherwise' in row.when || 'anyMeasureIs' in row.when && row.when.anyMeasureIs === 'fail')).toBe(false);
  }, 120_000);

  it('names the place of a missing passage, an unknown figure and a question that is not asked', () => {
    const s = structuredClone(read(join(STANDARDS, 'familiestotte-seed.json'))) as Standard;
    (s.measures[2] as Standard['measures'][number]).criteria[0]!.passage = 'pps.findes-ikke';
    s.measures[3]!.criteria[0]!.branches[0]!.if = { q: 'child.ageMonths', lt: { figure: 'level9.ageUnderMonths' } };
    s.questions = s.questions.filter((q) => q.id !== 'parentsSeeNeed');
    const { problems } = checkStandard(s, DEFAULT_PARAMETERS);
    expect(problems).toEqual(
      expect.arrayContaining([
        { place: 'measures.2.criteria.0.passage', message: 'passagen pps.findes-ikke findes ikke i standardens passager' },
        { place: 'measures.3.criteria.0.branches.0.if', message: 'tallet level9.ageUnderMonths findes ikke i kommunens parametre' },
        { place: 'measures.4.criteria.5.branches.0.if', message: 'betingelsen læser spørgsmålet parentsSeeNeed, som ikke stilles (det står ikke i questions)' },
      ]),
    );
  });

  it('says a figure whose first value comes after the standard takes effect, and JSON errors by line', () => {
    const late = structuredClone(DEFAULT_PARAMETERS);
    late.parameters['level2.ageUnderMonths'].values = { '2026-01-01': 156 };
    const { problems } = checkStandard(read(join(STANDARDS, 'familiestotte-seed.json')), late);
    expect(problems.map((p) => p.message)).toContain(
      'tallet level2.ageUnderMonths har først en værdi fra 2026-01-01, men standarden gælder fra 2000-01-01; giv det en værdi fra 2000-01-01',
    );
    const files: Record<string, string> = { 'a.json': '{\n  "id": "x",\n  "version": 1,,\n}' };
    const result = runCheckStandard(['a.json'], (p) => files[p] as string);
    expect(result).toEqual({ stdout: '', stderr: 'a.json: filen er ikke gyldig JSON (linje 3, kolonne 16)\n', code: 1 });
  });
});
