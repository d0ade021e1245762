import pino from 'pino';
import { createDispatcher } from '../../bot/reminders/dispatcher.js';
import { openDatabase } from '../../bot/storage/database.js';
import { createConnectorClient } from '../../bot/teams/proactive.js';

/**
 * One reminder dispatcher in a process of its own, for the benchmark that kills it with SIGKILL
 * (reminders.bench.ts). DATABASE_URL, INSTANCE and LEASE_MS from the environment; says "sweeping"
 * on stdout once it has started.
 */
const db = await openDatabase({ databaseUrl: process.env.DATABASE_URL!, dataDir: '' });
const dispatcher = createDispatcher({
  db, connector: createConnectorClient(async () => 'bench-token', { timeoutMs: 60_000 }), botId: '28:bench', instanceId: process.env.INSTANCE!,
  leaseMs: Number(process.env.LEASE_MS), log: pino({ level: 'silent' }),
});
dispatcher.start(200);
process.stdout.write('sweeping\n');
