import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, expect } from 'vitest';

/**
 * The bot as `npm start` runs it (`node --import tsx bot/main.ts`), in a process of its own on a
 * port of its choosing, run by the same Node binary as the test (so the smoke run on Node 22 starts
 * the bot on 22). Everything it prints is kept, to look for warnings.
 */

const ROOT = join(import.meta.dirname, '..', '..');

export interface BotProcess {
  child: ChildProcess;
  url: string;
  exited: Promise<NodeJS.Signals | number | null>;
  /** stdout and stderr so far, interleaved. */
  output(): string;
  /** stderr alone so far. */
  stderr(): string;
}

const started: ChildProcess[] = [];

/** Call at the top of a test file that starts bot processes: each test ends the ones it started. */
export function killBotProcessesAfterEach(): void {
  afterEach(() => {
    // Only the processes this file started, by their own handle.
    for (const child of started.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
}

function spawnBot(env: Record<string, string>) {
  // Unauthenticated unless the test gives the bot a registration (or says otherwise).
  const local = { WEEKLY_DIGEST_DAY: 'off', ...(env.MicrosoftAppId ? {} : { ALLOW_UNAUTHENTICATED_LOCAL: 'true' }) };
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'bot', 'main.ts')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', REMINDER_SWEEP_SECONDS: '0', ...local, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
  return { child, exited };
}

/** For a bot that is expected not to start: its exit code and everything it printed. */
export async function runBotProcessToExit(env: Record<string, string>): Promise<{ code: NodeJS.Signals | number | null; output: string }> {
  const { child } = spawnBot(env);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  // 'close', not 'exit': only then has everything it printed been read.
  const code = await new Promise<NodeJS.Signals | number | null>((resolve) => child.once('close', (c, signal) => resolve(signal ?? c)));
  return { code, output };
}

export async function startBotProcess(env: Record<string, string>): Promise<BotProcess> {
  const { child, exited } = spawnBot(env);
  let output = '';
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
    stderr += chunk.toString('utf8');
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const line = output.split('\n').find((l) => l.includes('"taking turns"'));
      if (line) resolve((JSON.parse(line) as { port: number }).port);
    });
    void exited.then((code) => reject(new Error(`the bot exited (${code}) before taking turns:\n${output.slice(-2000)}`)));
  });
  const url = `http://127.0.0.1:${port}`;
  expect((await fetch(`${url}/health`)).status).toBe(200);
  return { child, url, exited, output: () => output, stderr: () => stderr };
}

export async function killBotProcess(bot: BotProcess): Promise<void> {
  bot.child.kill('SIGKILL');
  expect(await bot.exited).toBe('SIGKILL');
}

export async function stopBotProcess(bot: BotProcess): Promise<void> {
  bot.child.kill('SIGTERM');
  expect(await bot.exited, 'a SIGTERM stops the bot cleanly').toBe(0);
}
