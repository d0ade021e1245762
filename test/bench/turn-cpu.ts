import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/**
 * CPU time per turn on each side of /api/messages, with the bot in a child process: the turn
 * benchmark's in-process rate ratio is bounded by these figures (when both bots saturate the
 * same cores, their rates stand in inverse proportion to the CPU a turn costs in all).
 */
export interface CpuSplit {
  /** Milliseconds of the bot process's CPU per turn. */
  serverMs: number;
  /** Milliseconds of the load generator's CPU per turn (client, card parsing, bookkeeping). */
  clientMs: number;
  turns: number;
}

interface BotProcess {
  url: string;
  ask(message: 'reset' | 'usage'): Promise<{ cpuMs?: number }>;
  stop(): Promise<void>;
}

export async function startBotProcess(kind: 'echo' | 'interviews', databaseUrl?: string): Promise<BotProcess> {
  const child: ChildProcess = fork(join(import.meta.dirname, 'turn-server.ts'), [kind], {
    // BENCH_BOT_CPU_PROF=<folder>: the bot's process writes a .cpuprofile there when it stops (start-up and warm-up included).
    execArgv: ['--import', 'tsx', '--no-deprecation', ...(process.env.BENCH_BOT_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_BOT_CPU_PROF}`] : [])],
    env: { ...process.env, ...(databaseUrl ? { BENCH_SERVER_DATABASE_URL: databaseUrl } : {}) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  // One message at a time: each question waits for its answer before the next is sent.
  let pending: { resolve(m: Record<string, unknown>): void; reject(e: Error): void } | undefined;
  child.on('message', (m) => pending?.resolve(m as Record<string, unknown>));
  child.on('exit', (code) => pending?.reject(new Error(`bench bot process exited with ${code}`)));
  const next = () => new Promise<Record<string, unknown>>((resolve, reject) => (pending = { resolve, reject }));
  const { url } = (await next()) as { url: string };
  return {
    url,
    ask: (message) => {
      const answer = next();
      child.send(message);
      return answer as Promise<{ cpuMs?: number }>;
    },
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send('stop');
      await exited;
    },
  };
}

/** Runs `load` against the bot process and splits the CPU it took between the two processes. */
export async function measureCpu(bot: BotProcess, load: () => Promise<number>): Promise<CpuSplit> {
  await bot.ask('reset');
  const client = process.cpuUsage();
  const turns = await load();
  const used = process.cpuUsage(client);
  const { cpuMs = 0 } = await bot.ask('usage');
  return { serverMs: cpuMs / turns, clientMs: (used.user + used.system) / 1000 / turns, turns };
}
