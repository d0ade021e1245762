import { describe, expect, it } from 'vitest';
import { cardsIn } from '../support/bot-client.js';
import { startTestBot } from '../support/bot-server.js';

describe('graceful shutdown', { timeout: 180_000 }, () => {
  it('finishes the turns in flight, refuses new ones, and leaves no half-done turn', { timeout: 240_000 }, async () => {
    const bot = await startTestBot();
    const client = bot.client();
    // A connection the stopping server no longer accepts fails to connect: refused, like a 503.
    const turns = Array.from({ length: 12 }, () => client.post({ type: 'message', text: 'ny sag', deliveryMode: 'expectReplies' }).catch(() => undefined));
    // Stop when the first answer is out and the others are being taken, as on SIGTERM during a deploy.
    await Promise.race(turns);
    const stopAt = performance.now();
    const closing = bot.server.close().then(() => performance.now() - stopAt);
    const late = await client.post({ type: 'message', text: 'ny sag', deliveryMode: 'expectReplies' }).catch(() => undefined);
    expect(late?.status ?? 503, 'a turn arriving while stopping is refused').toBe(503);
    const responses = await Promise.all(turns);
    // The client keeps its connections alive (as the Bot Connector and load balancers do); the
    // stop must not wait out their idle timeout, or the platform's SIGTERM grace period (30 s on
    // App Service and Kubernetes) ends first and kills the process before storage is closed.
    expect(await closing, 'stopped within a deploy\'s grace period, not after the keep-alive timeout').toBeLessThan(30_000);

    const answered = [];
    for (const response of responses) {
      if (!response) continue;
      expect([200, 503]).toContain(response.status);
      if (response.status === 200) answered.push(cardsIn(((await response.json()) as { activities: never[] }).activities));
    }
    for (const cards of answered) expect(cards, 'a finished turn has its card').toHaveLength(1);
    await expect(fetch(`${bot.server.url}/health`)).rejects.toThrow();

    const db = await bot.inspect();
    try {
      const drafts = await db.query('SELECT draft_id FROM intake_drafts WHERE user_id = $1', [client.userId]);
      expect(drafts, 'one draft per answered turn, none for a refused one').toHaveLength(answered.length);
    } finally {
      await db.close();
    }
  });
});
