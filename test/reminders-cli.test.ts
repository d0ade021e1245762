import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConnectorStandin, type ConnectorStandin } from './support/connector-standin.js';
import { testDatabase } from './support/db.js';
import { reviewsFor, scheduleCase } from './support/reminder-fixtures.js';

const run = promisify(execFile);
let connector: ConnectorStandin;
let dataDir: string;

async function cli(...args: string[]): Promise<{ asOf: string; dryRun: boolean; reminders: Record<string, unknown>[] }> {
  const { stdout } = await run('npx', ['tsx', 'bot/cli/reminders.ts', ...args], { env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', MicrosoftAppId: '' } });
  return JSON.parse(stdout);
}

beforeAll(async () => {
  connector = await startConnectorStandin();
  const db = await testDatabase();
  dataDir = db.dataDir;
  await scheduleCase(db, connector.url, { caseRef: 'SAG-2026-17', outcome: 'level2', reviews: reviewsFor('level2', null, '2026-01-05') });
  await db.close(); // the command opens the folder itself, as it would beside a running bot's database server
}, 60_000);
afterAll(async () => connector.close());

describe('npm run reminders', () => {
  it('lists what a sweep would send without sending it, then sends it, then has nothing left', async () => {
    const dry = await cli('--as-of', '2026-03-22T07:00:00Z', '--dry-run');
    expect(dry.dryRun).toBe(true);
    expect(dry.reminders.map((r) => [r.caseRef, r.notice, r.due, r.target])).toEqual([
      ['SAG-2026-17', 'lead', '2026-04-05', 'channel'],
      ['SAG-2026-17', 'lead', '2026-04-05', 'channel'],
    ]);
    expect(connector.requests).toEqual([]);

    const sent = await cli('--as-of', '2026-03-22T07:00:00Z');
    expect(sent.reminders.map((r) => [r.caseRef, r.outcome, r.target])).toEqual([
      ['SAG-2026-17', 'sent', 'channel'],
      ['SAG-2026-17', 'sent', 'channel'],
    ]);
    // The case's two notices of the day are one post.
    expect(connector.posts().map((p) => p.kind)).toEqual(['create-thread']);

    expect((await cli('--as-of', '2026-03-22T07:00:00Z')).reminders).toEqual([]);
  }, 120_000);

  it('refuses a missing or malformed --as-of with a Danish message and a failing exit code', async () => {
    const error = (await cli('--as-of', 'i morgen').catch((e: unknown) => e)) as { code: number; stderr: string };
    expect(error.code).toBe(1);
    expect(error.stderr).toContain('--as-of skal være et tidspunkt');
  }, 60_000);
});
