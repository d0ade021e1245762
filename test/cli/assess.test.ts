import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { fixtureParameterFile } from '../support/parameter-fixtures.js';

const ROOT = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'assess-'));

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** Spawns the command as a user would;. */
function assess(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('npx', ['tsx', 'bot/cli/assess.ts', ...args], { cwd: ROOT, encoding: 'utf8' }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
    });
  });
}

const level2 = {
  referenceDate: '2025-01-15',
  startDate: '2025-01-31',
  safetyConcern: false,
  child: { ageMonths: 96 },
  concern: 'pronounced',
  intensiveNeeded: true,
  parentalCapacityUnclear: true,
  investigation: 'completed',
};

// Each test starts a fresh process (about 10 s on a busy 2-core machine), hence the roomy timeout.
describe('npm run assess -- FILE', { timeout: 90_000 }, () => {
  it('prints the decision as JSON on stdout and exits 0', async ({ expect }) => {
    const out = await assess(file('level2.json', JSON.stringify(level2)));
    expect(out.code).toBe(0);
    expect(out.stderr).toBe('');
    const decision = JSON.parse(out.stdout) as { outcome: string; reviews: { kind: string; due: string }[] };
    expect(decision.outcome).toBe('level2');
    expect(decision.reviews).toContainEqual(expect.objectContaining({ kind: 'regrant', due: '2025-04-30' }));
  });

  it('uses a municipality’s parameter file when given', async ({ expect }) => {
    const out = await assess(file('level2b.json', JSON.stringify(level2)), '--parameters', fixtureParameterFile('other-municipality'));
    expect(out.code).toBe(0);
    const decision = JSON.parse(out.stdout) as { parameterSet: string; reviews: { kind: string; due: string }[] };
    expect(decision.parameterSet).toBe('Eksempelkommune');
    expect(decision.reviews).toContainEqual(expect.objectContaining({ kind: 'regrant', due: '2025-03-31' }));
  });

  it('rejects wrong types, unknown values, unknown risk factors, impossible dates and extra fields: exit 2, each field named in Danish, nothing on stdout', async ({ expect }) => {
    const bad = {
      referenceDate: '2025-02-30',
      concern: 'lots',
      safetyConcern: 'no',
      riskFactors: ['parent-99'],
      child: { ageMonths: 3, name: 'x' },
      // A field that does not exist, holding what must not be echoed (a CPR number is refused before parsing).
      cpr: 'hemmelig-vaerdi-42',
    };
    const out = await assess(file('bad.json', JSON.stringify(bad)));
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    for (const field of ['referenceDate', 'concern', 'safetyConcern', 'riskFactors.0', 'child.name', 'cpr']) {
      expect(out.stderr).toContain(`${field}:`);
    }
    expect(out.stderr).toContain('datoen findes ikke i kalenderen');
    expect(out.stderr).toContain('skal være en af:');
    expect(out.stderr).toContain('er ikke en kendt risikofaktor');
    expect(out.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    // The refused input is never echoed back.
    expect(out.stderr).not.toContain('hemmelig-vaerdi-42');
  });

  it('refuses a file with a CPR number anywhere in it, without printing it back', async ({ expect }) => {
    const path = file('cpr.json', JSON.stringify({ ...level2, child: { ageMonths: 170 }, olderChildReason: 'Mor (01.02.03 - 1234) ønsker støtte' }));
    const result = await assess(path);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('ligner et CPR-nummer');
    expect(result.stderr).not.toContain('1234');
  });

  it('refuses a file that is not JSON', async ({ expect }) => {
    const out = await assess(file('not.json', '{ referenceDate: 2025-01-01'));
    expect(out).toMatchObject({ code: 2, stdout: '' });
    expect(out.stderr).toContain('er ikke gyldig JSON');
    expect(out.stderr).not.toMatch(/Error:|\n\s+at /);
  });

  it('refuses a file that does not exist', async ({ expect }) => {
    const out = await assess(join(dir, 'findes-ikke.json'));
    expect(out).toMatchObject({ code: 2, stdout: '' });
    expect(out.stderr).toContain('findes ikke');
    expect(out.stderr).not.toMatch(/Error:|\n\s+at /);
  });

  it('refuses a parameter file with a negative figure, naming the field', async ({ expect }) => {
    const params = file('p.json', JSON.stringify({ name: 'X', parameters: { 'level2.grantMonths': { values: { '2025-01-01': -3 } } } }));
    const out = await assess(file('ok.json', JSON.stringify(level2)), '--parameters', params);
    expect(out).toMatchObject({ code: 2, stdout: '' });
    expect(out.stderr).toContain('parameters.level2.grantMonths.values.2025-01-01: kan ikke være negativ');
    expect(out.stderr).not.toMatch(/Error:|\n\s+at /);
  });

  it('explains its use when no file is given', async ({ expect }) => {
    const out = await assess();
    expect(out).toMatchObject({ code: 2, stdout: '' });
    expect(out.stderr).toContain('Brug:');
    expect(out.stderr).not.toMatch(/Error:|\n\s+at /);
  });
});
