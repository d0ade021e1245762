import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..');
// Inside the project (git-ignored), so the built code resolves node_modules as dist/ does.
const OUT = join(ROOT, 'test', '.artifacts', `dist-${process.pid}`);

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

/** The production build, as `npm run build` makes it, into a folder of its own. */
describe('the production build', { timeout: 240_000 }, () => {
  beforeAll(async () => {
    rmSync(OUT, { recursive: true, force: true });
    await run('npx', ['tsc', '-p', 'tsconfig.build.json', '--outDir', OUT], { cwd: ROOT });
    await run('npx', ['tsx', 'scripts/copy-assets.ts', '--out', OUT], { cwd: ROOT });
  }, 240_000);
  afterAll(() => rmSync(OUT, { recursive: true, force: true }));

  it('runs the assess command with plain node and gives the decision', async () => {
    mkdirSync(join(OUT, 'tmp'), { recursive: true });
    const facts = join(OUT, 'tmp', 'level2.json');
    writeFileSync(facts, JSON.stringify(level2));
    const { stdout, stderr } = await run(process.execPath, [join(OUT, 'bot', 'cli', 'assess.js'), facts], { cwd: OUT });
    expect(stderr).toBe('');
    const decision = JSON.parse(stdout) as { outcome: string; reviews: { kind: string; due: string }[] };
    expect(decision.outcome).toBe('level2');
    expect(decision.reviews).toContainEqual(expect.objectContaining({ kind: 'regrant', due: '2025-04-30' }));
  });

  it('finds the SQL migrations beside the compiled storage code', async () => {
    const script = `const m = await import(${JSON.stringify(join(OUT, 'bot', 'storage', 'migrate.js'))}); const l = await m.loadMigrations(); console.log(l.map((x) => x.name).join(','));`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: OUT });
    expect(stdout.trim().split(',')).toContain('001_core.sql');
  });

  it('starts the bot with plain node: healthy, ready with its migrations, and stops cleanly on SIGTERM', async () => {
    const dataDir = join(OUT, 'tmp', 'data');
    const bot = spawn(process.execPath, [join(OUT, 'bot', 'main.js')], {
      cwd: OUT,
      // No bot registration here, so the local opt-in is needed, as `npm run dev` sets it.
      env: { PATH: process.env.PATH, PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'info', ALLOW_UNAUTHENTICATED_LOCAL: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => bot.once('exit', (code) => resolve(code)));
    try {
      const port = await new Promise<number>((resolve, reject) => {
        let seen = '';
        let errors = '';
        bot.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
        bot.stdout.on('data', (chunk: Buffer) => {
          seen += chunk.toString('utf8');
          const line = seen.split('\n').find((l) => l.includes('"taking turns"'));
          if (line) resolve((JSON.parse(line) as { port: number }).port);
        });
        void exited.then((code) => reject(new Error(`the bot exited with ${code} before taking turns: ${seen}${errors}`)));
      });
      expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);
      const ready = await fetch(`http://127.0.0.1:${port}/ready`);
      expect(await ready.json()).toMatchObject({ ready: true, migrations: 'current' });
      bot.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (bot.exitCode === null) bot.kill('SIGKILL');
    }
  });

  it('leaves tests and TypeScript sources out of the build', () => {
    expect(existsSync(join(OUT, 'test'))).toBe(false);
    expect(existsSync(join(OUT, 'rules', 'decide.test.js'))).toBe(false);
    expect(existsSync(join(OUT, 'rules', 'decide.ts'))).toBe(false);
    expect(existsSync(join(OUT, 'rules', 'decide.js'))).toBe(true);
  });
});
