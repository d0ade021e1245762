import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPassageId } from '../rules/passages/index.js';
import { FAMILY_NAMES, PRIVATE_NOTES, SECRETS } from './support/case-notes.js';
import { startFakeOpenAi, type FakeOpenAi } from './support/fake-openai.js';
import { repoRoot } from './support/seeds.js';

const run = promisify(execFile);
let dir: string;
let file: string;
let fake: FakeOpenAi;

// The child gets no language-model settings from whoever runs the tests, only those given here.
function env(extra: Record<string, string>): NodeJS.ProcessEnv {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(LLM_|OPENAI_|AZURE_OPENAI_)/.test(k)));
  return { ...clean, ...extra };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'summarise-'));
  file = join(dir, 'noter.json');
  await writeFile(file, JSON.stringify({ notes: PRIVATE_NOTES, names: FAMILY_NAMES }));
  fake = await startFakeOpenAi();
});
afterAll(async () => {
  await fake.close();
  await rm(dir, { recursive: true, force: true });
});

// Each test starts a Node process through tsx; give it room on a busy 2-core machine.
describe('npm run summarise', { timeout: 120_000 }, () => {
  it('prints an extractive summary, labelled "uden sprogmodel", when no model is configured', async () => {
    const { stdout } = await run('npx', ['tsx', 'bot/cli/summarise.ts', file], { cwd: repoRoot, env: env({}) });
    const out = JSON.parse(stdout) as { summary: string; passages: { id: string; why: string }[]; producedBy: string };
    expect(Object.keys(out).sort()).toEqual(['passages', 'producedBy', 'summary']);
    expect(out.producedBy).toBe('uden sprogmodel');
    expect(out.summary).toContain('2025-01-06 Besøg: Hjemmebesøg');
    expect(out.passages.every((p) => isPassageId(p.id))).toBe(true);
    expect(fake.requests).toHaveLength(0);
  });

  it('summarises through the configured OpenAI-compatible server, sending no personal data', async () => {
    const { stdout } = await run('npx', ['tsx', 'bot/cli/summarise.ts', file], {
      cwd: repoRoot,
      env: env({ LLM_MODEL: 'lokal-model', OPENAI_BASE_URL: fake.baseURL }),
    });
    const out = JSON.parse(stdout) as { summary: string; passages: { id: string }[]; producedBy: string };
    expect(out.producedBy).toBe('lokal-model');
    expect(fake.requests).toHaveLength(1);
    const sent = fake.sentText();
    for (const secret of SECRETS) expect(sent, secret).not.toContain(secret);
    expect(out.summary).toContain('Mette Sørensen');
    expect(out.passages.length).toBeGreaterThan(0);
    expect(out.passages.every((p) => isPassageId(p.id))).toBe(true);
  });

  it('explains in Danish what is wrong with a notes file of the wrong shape', async () => {
    const bad = join(dir, 'forkert.json');
    await writeFile(bad, JSON.stringify({ notes: [{ date: '6/1', kind: 'visit', text: 'x' }] }));
    const failed = await run('npx', ['tsx', 'bot/cli/summarise.ts', bad], { cwd: repoRoot, env: env({}) }).catch((e: { code: number; stderr: string }) => e);
    expect(failed).toMatchObject({ code: 2 });
    expect((failed as { stderr: string }).stderr).toContain('ÅÅÅÅ-MM-DD');
  });
});
