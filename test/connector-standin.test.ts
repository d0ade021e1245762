import { afterEach, describe, expect, it } from 'vitest';
import { ConnectorError, createConnectorClient } from '../bot/teams/proactive.js';
import { startConnectorStandin, type ConnectorStandin } from './support/connector-standin.js';

const tenantId = 'tenant-a';
const botId = '28:bot';
const channelId = '19:general@thread.tacv2';
const activity = { type: 'message' as const, text: 'Påmindelse' };
const client = createConnectorClient(async () => 'test-token');

let connector: ConnectorStandin;
afterEach(async () => connector?.close());

describe('connector stand-in and the proactive client', () => {
  it('creates a thread in a channel, replies in it, and records both posts', async () => {
    connector = await startConnectorStandin();
    const serviceUrl = connector.url;
    const { threadId } = await client.createThread({ serviceUrl, tenantId, botId, channelId, activity });
    expect(threadId.startsWith(`${channelId};messageid=`)).toBe(true);
    await client.send({ serviceUrl, tenantId, conversationId: threadId, activity: { type: 'message', text: 'Svar' } });
    expect(connector.posts().map((p) => [p.kind, p.conversationId, p.tenantId])).toEqual([
      ['create-thread', threadId, tenantId],
      ['send', threadId, tenantId],
    ]);
    expect(connector.posts()[1]!.body.text).toBe('Svar');
  });

  it('opens a personal chat and updates a posted activity in place', async () => {
    connector = await startConnectorStandin();
    const serviceUrl = connector.url;
    const { conversationId } = await client.createPersonalChat({ serviceUrl, tenantId, botId, userId: '29:caseworker' });
    const { activityId } = await client.send({ serviceUrl, tenantId, conversationId, activity });
    await client.update({ serviceUrl, tenantId, conversationId, activityId, activity: { type: 'message', text: 'opdateret' } });
    expect(connector.requests.map((r) => r.kind)).toEqual(['create-personal', 'send', 'update']);
  });

  it('refuses the 8th send within a second to one thread with 429 and a Retry-After', async () => {
    connector = await startConnectorStandin();
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => client.send({ serviceUrl: connector.url, tenantId, conversationId: channelId, activity })));
    const refused = results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason as ConnectorError);
    expect(refused).toHaveLength(1);
    expect(refused[0]!.status).toBe(429);
    expect(refused[0]!.retryAfterMs).toBe(1000);
    expect(connector.windowRefusals()).toBe(1);
  });

  it('refuses more than 50 requests a second from one tenant across threads', async () => {
    connector = await startConnectorStandin();
    const sends = Array.from({ length: 55 }, (_, i) => client.send({ serviceUrl: connector.url, tenantId, conversationId: `19:c${i}@thread.tacv2`, activity }));
    const results = await Promise.allSettled(sends);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(5);
  });

  it('answers a removed bot with 403 BotNotInConversationRoster for the channel and its threads', async () => {
    connector = await startConnectorStandin();
    connector.fail(channelId, { status: 403, code: 'BotNotInConversationRoster' });
    const error = await client.send({ serviceUrl: connector.url, tenantId, conversationId: `${channelId};messageid=7`, activity }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectorError);
    expect((error as ConnectorError).code).toBe('BotNotInConversationRoster');
    expect(connector.posts()).toEqual([]);
  });

  it('refuses a request without a bearer token', async () => {
    connector = await startConnectorStandin();
    const response = await fetch(new URL('v3/conversations/x/activities', connector.url), { method: 'POST', body: '{}' });
    expect(response.status).toBe(401);
  });
});
