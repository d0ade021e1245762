import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../bot/storage/database.js';
import { StorageUnavailableError } from '../../bot/storage/errors.js';

/**
 * On a fast shutdown PostgreSQL answers the query in hand and then ends the session with a FATAL
 * "terminating connection due to administrator command", often in the same packet. When the
 * connection had just been handed to a turn waiting for one, that turn had not yet listened for
 * the connection's errors, and the error was uncaught: it ended the whole bot process (seen in
 * test/faults/database-outage.test.ts under load). A few lines of the wire protocol make that
 * packet on demand, so this happens every run instead of one run in a few.
 */

const int32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
};
const cstr = (s: string) => Buffer.from(`${s}\0`, 'utf8');
const message = (type: string, body: Buffer) => Buffer.concat([Buffer.from(type, 'latin1'), int32(body.length + 4), body]);
const ready = (status: 'I' | 'T') => message('Z', Buffer.from(status, 'latin1'));
const complete = (tag: string) => message('C', cstr(tag));
const FATAL_SHUTDOWN = message(
  'E',
  Buffer.concat([cstr('SFATAL'), cstr('VFATAL'), cstr('C57P01'), cstr('Mterminating connection due to administrator command'), Buffer.from([0])]),
);

interface Session {
  socket: Socket;
  /** Simple-protocol queries this session was sent, in order. */
  queries: string[];
}

/** Just enough of a PostgreSQL server: trust login, and every simple query answered by `answer`. */
function fakePostgres(answer: (session: Session, sql: string) => void): { server: Server; sessions: Session[] } {
  const sessions: Session[] = [];
  const server = createServer((socket) => {
    const session: Session = { socket, queries: [] };
    sessions.push(session);
    let buffer = Buffer.alloc(0);
    let started = false;
    socket.on('error', () => undefined);
    socket.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        if (!started) {
          if (buffer.length < 4) return;
          const length = buffer.readInt32BE(0);
          if (buffer.length < length) return;
          buffer = buffer.subarray(length);
          started = true;
          socket.write(Buffer.concat([message('R', int32(0)), ready('I')]));
          continue;
        }
        if (buffer.length < 5) return;
        const type = String.fromCharCode(buffer[0]!);
        const length = buffer.readInt32BE(1);
        if (buffer.length < 1 + length) return;
        const body = buffer.subarray(5, 1 + length);
        buffer = buffer.subarray(1 + length);
        if (type === 'X') return void socket.end();
        if (type !== 'Q') throw new Error(`the fake server speaks only the simple protocol, got ${type}`);
        const sql = body.subarray(0, body.length - 1).toString('utf8');
        session.queries.push(sql);
        answer(session, sql);
      }
    });
  });
  return { server, sessions };
}

let server: Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

describe('a connection ended by a server shutdown just as it passes to a waiting turn', () => {
  it('is reported to that turn as "unavailable", and nothing is left uncaught to crash the process', async () => {
    const uncaught: unknown[] = [];
    const onUncaught = (error: unknown) => uncaught.push(error);
    process.on('uncaughtException', onUncaught);

    const held: Session[] = [];
    const fake = fakePostgres((session, sql) => {
      if (sql === 'SELECT held') held.push(session);
      else if (sql === 'BEGIN') session.socket.write(Buffer.concat([complete('BEGIN'), ready('T')]));
      else session.socket.write(Buffer.concat([complete('SELECT 0'), ready('I')]));
    });
    server = fake.server;
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    const { port } = fake.server.address() as { port: number };
    const db = await openDatabase({ databaseUrl: `postgres://postgres@127.0.0.1:${port}/postgres`, dataDir: '' });
    try {
      // Every pooled connection busy (the pool holds 10), and one turn waiting for a connection.
      const busy = Array.from({ length: 10 }, () => db.query('SELECT held'));
      while (held.length < 10) await new Promise((resolve) => setTimeout(resolve, 10));
      const waiting = db.transaction((tx) => tx.query('SELECT 1')).then(
        () => 'committed',
        (error: unknown) => error,
      );
      await new Promise((resolve) => setTimeout(resolve, 50));

      // The first session answers its query and is terminated in the same packet, as on pg_ctl stop -m fast.
      const first = held[0]!;
      first.socket.end(Buffer.concat([complete('SELECT 0'), ready('I'), FATAL_SHUTDOWN]));
      for (const session of held.slice(1)) session.socket.write(Buffer.concat([complete('SELECT 0'), ready('I')]));

      await expect(Promise.all(busy)).resolves.toHaveLength(10);
      // The pool hands the first connection released to the turn waiting longest: the terminated one.
      expect(await waiting).toBeInstanceOf(StorageUnavailableError);
      expect(first.queries, 'nothing of the turn ran on the terminated connection').toEqual(['SELECT held']);
      // Let any late socket events run before looking.
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(uncaught).toEqual([]);
      // And the pool goes on: the next turn gets a working connection.
      await expect(db.transaction((tx) => tx.query('SELECT 1'))).resolves.toEqual([]);
    } finally {
      process.off('uncaughtException', onUncaught);
      await db.close();
    }
  });
});
