import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../bot/config.js';
import { createLogger } from '../../bot/logger.js';
import { startServer, type RunningServer } from '../../bot/server.js';
import { BotClient } from '../support/bot-client.js';

/** What an orchestrator and Prometheus see of a running bot. */
describe('the running bot’s /health, /ready and /metrics', () => {
  let server: RunningServer;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'familiestotte-probes-'));
    server = await startServer(loadConfig({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent', ALLOW_UNAUTHENTICATED_LOCAL: 'true', METRICS_PORT: '0' }), { host: '127.0.0.1', logger: createLogger('silent') });
  });
  afterAll(async () => {
    await server?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('is live and ready once its database is migrated', async () => {
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    const ready = await fetch(`${server.url}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ready: true, database: 'ok', migrations: 'current', pending: [] });
  });

  it('counts each turn by kind and result and times it, in Prometheus text format', async () => {
    const client = new BotClient({ url: server.url });
    await client.say('hjælp');
    expect((await fetch(`${server.url}/metrics`)).status, 'not on the public port').toBe(404);
    const response = await fetch(`${server.metricsUrl}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain; version=0.0.4');
    const page = await response.text();
    expect(page).toContain('familiestotte_turns_total{kind="message",result="ok"} 1');
    expect(page).toMatch(/familiestotte_turn_duration_seconds_count\{kind="message"\} 1\n/);
    // Nothing identifying the tenant, user or conversation is ever a label.
    expect(page).not.toContain(client.tenantId);
    expect(page).not.toContain(client.userId);
  });
});
