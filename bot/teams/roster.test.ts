import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStorage, type Storage } from '../storage/storage.js';
import { botRoster } from './roster.js';
import { testDatabase, type TestDatabase } from '../../test/support/db.js';

const TENANT = '11111111-2222-4333-8444-555555555555';
const TEAM = '19:team-familie@thread.tacv2';

/** A local stand-in for the Bot Connector's member lookup; records the paths it was asked. */
let connector: Server;
let connectorUrl: string;
let status = 200;
const asked: string[] = [];
let db: TestDatabase;
let storage: Storage;

beforeAll(async () => {
  connector = createServer((req, res) => {
    asked.push(decodeURIComponent(req.url ?? ''));
    const member = /\/members\/member-oid$/.test(decodeURIComponent(req.url ?? ''));
    res.setHeader('content-type', 'application/json');
    if (status !== 200) {
      res.statusCode = status;
      return res.end(JSON.stringify({ error: { code: 'ServiceError', message: 'down' } }));
    }
    if (/\/pagedmembers(\?|$)/.test(req.url ?? '')) {
      // Like the Agents Playground: its member lookup knows only Teams ids, its list names AAD ids.
      res.statusCode = 200;
      return res.end(JSON.stringify({ members: [{ id: '29:member', aadObjectId: 'member-oid' }, { id: 'user-id-0', aadObjectId: 'listed-only-oid' }] }));
    }
    res.statusCode = member ? 200 : 404;
    res.end(JSON.stringify(member ? { id: '29:member', aadObjectId: 'member-oid', name: 'Medlem' } : { error: { code: 'MemberNotFoundInConversation', message: 'not found' } }));
  });
  await new Promise<void>((resolve) => connector.listen(0, '127.0.0.1', resolve));
  connectorUrl = `http://127.0.0.1:${(connector.address() as AddressInfo).port}/`;
  db = await testDatabase();
  storage = createStorage(db);
  await storage.conversationRefs.upsert(
    { tenantId: TENANT, actorId: 'bot', origin: 'chat' },
    { conversationId: `${TEAM};messageid=1`, serviceUrl: connectorUrl, kind: 'channel', teamId: TEAM, teamName: 'Familie', channelId: TEAM, channelName: 'Generelt', userId: null },
  );
});
afterAll(async () => {
  await new Promise<void>((resolve) => connector.close(() => resolve()));
  await db.close();
});

const roster = () => botRoster(new CloudAdapter(new ConfigurationBotFrameworkAuthentication({})), undefined, storage.conversationRefs);

describe('the team roster through the Bot Connector', () => {
  it('says a member of the team is a member, asking the connector for that one user in that team', async () => {
    status = 200;
    expect(await roster().isMember(TENANT, TEAM, 'member-oid')).toBe(true);
    expect(asked.at(-1)).toBe(`/v3/conversations/${TEAM}/members/member-oid`);
  });

  it('says someone the connector does not know in the team is not a member', async () => {
    status = 200;
    expect(await roster().isMember(TENANT, TEAM, 'outsider-oid')).toBe(false);
  });

  it('finds a member the connector\'s lookup does not know by AAD id in the team\'s member list', async () => {
    status = 200;
    expect(await roster().isMember(TENANT, TEAM, 'listed-only-oid')).toBe(true);
    expect(asked.at(-1)).toMatch(new RegExp(`^/v3/conversations/${TEAM}/pagedmembers`));
  });

  it('says nobody is a member of a team the bot is not installed in, without asking', async () => {
    const before = asked.length;
    expect(await roster().isMember(TENANT, '19:other@thread.tacv2', 'member-oid')).toBe(false);
    expect(asked.length).toBe(before);
  });

  it('fails, rather than answering "no", when the connector is down', async () => {
    status = 503;
    await expect(roster().isMember(TENANT, TEAM, 'member-oid')).rejects.toThrow();
    status = 200;
  });
});
