import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * A PostgreSQL server of the test's own, made with the binaries the test command found
 * (TEST_PG_BIN): a test may stop, crash and start it without touching the run's shared server
 * that other files use at the same time. initdb --no-sync and fsync=off keep it to a second or two.
 */
export interface PrivateCluster {
  /** postgres://postgres@127.0.0.1:PORT/postgres */
  url: string;
  port: number;
  /** pg_ctl stop: 'fast' ends the sessions and shuts down cleanly, 'immediate' is a crash (recovery at the next start). */
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  /** Starts it again on the same port and folder, and waits until it takes connections. */
  start(): Promise<void>;
  /**
   * SIGSTOP to the server and its sessions: it still accepts TCP connections (the kernel does) but
   * answers nothing, like a host behind a network partition or a database stuck in a failover.
   */
  freeze(): Promise<void>;
  /** SIGCONT: the frozen server goes on where it stopped. */
  thaw(): Promise<void>;
  /** Stops it if running and removes its folder. */
  destroy(): Promise<void>;
}

function pgBin(): string {
  const bin = process.env.TEST_PG_BIN;
  if (!bin) {
    // Never a skip: a fault test that silently does not run proves nothing.
    throw new Error(
      'TEST_PG_BIN is not set. This test starts and stops a PostgreSQL server of its own with the binaries the test command finds: ' +
        'run `npm test` (bash test/run.sh), or export TEST_PG_BIN=/usr/lib/postgresql/<version>/bin.',
    );
  }
  return bin;
}

/** A port nothing listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export async function privateCluster(): Promise<PrivateCluster> {
  const bin = pgBin();
  const root = await mkdtemp(join(tmpdir(), 'familiestotte-fault-pg-'));
  const data = join(root, 'data');
  // PostgreSQL refuses to run as root; the test command runs it as the postgres user then, and so do we.
  const asRoot = process.getuid?.() === 0;
  const pg = (tool: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]) : run(join(bin, tool), args);
  if (asRoot) await run('chown', ['postgres', root]);
  await pg('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync']);
  const port = await freePort();
  let running = false;
  const start = async (): Promise<void> => {
    await pg('pg_ctl', [
      '-D', data, '-l', join(root, 'log'), '-w', '-t', '30',
      '-o', `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100`,
      'start',
    ]);
    running = true;
  };
  const stop = async (mode: 'fast' | 'immediate' = 'fast'): Promise<void> => {
    await pg('pg_ctl', ['-D', data, '-m', mode, '-w', '-t', '30', 'stop']);
    running = false;
  };
  /** The postmaster and the sessions it forked: this cluster's processes only, by id. */
  const processes = async (): Promise<number[]> => {
    const postmaster = Number((await readFile(join(data, 'postmaster.pid'), 'utf8')).split('\n')[0]);
    const { stdout } = await run('ps', ['-o', 'pid=', '--ppid', String(postmaster)]);
    return [postmaster, ...stdout.split(/\s+/).filter((s) => s !== '').map(Number)];
  };
  const signal = async (name: 'SIGSTOP' | 'SIGCONT'): Promise<void> => {
    for (const pid of await processes()) {
      try {
        process.kill(pid, name);
      } catch (error) {
        // A session that ended in between.
        if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
      }
    }
  };
  await start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    start,
    stop,
    freeze: () => signal('SIGSTOP'),
    thaw: () => signal('SIGCONT'),
    async destroy() {
      if (running) {
        // A frozen server would not act on the stop until it is thawed.
        await signal('SIGCONT').catch(() => undefined);
        await stop('immediate').catch(() => undefined);
      }
      await rm(root, { recursive: true, force: true });
    },
  };
}
