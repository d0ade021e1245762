import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWeeklyDigest, isoWeek } from '../../bot/digest/weekly-digest.js';
import { horizonOf, teamOverview, type TeamOverview } from '../../bot/overview/figures.js';
import { createStorage, type Storage } from '../../bot/storage/storage.js';
import { teamOverviewReader } from '../../bot/storage/team-overview.js';
import { createConnectorClient } from '../../bot/teams/proactive.js';
import { startConnectorStandin, type ConnectorStandin, type RecordedRequest } from '../support/connector-standin.js';
import { testDatabase, type TestDatabase } from '../support/db.js';
import { seedOverviewCase } from '../tab/overview-fixtures.js';

/**
 * The weekly digest over the connector stand-in, from cases made as the bot makes them: two
 * instances looking again and again post each team's digest once, with the overview's figures,
 * and no team's card names another team's or tenant's cases.
 */

const T = 'tenant-digest';
const OTHER_TENANT = 'tenant-digest-other';
const TEAM = 'team-familie';
// A Monday; 12:00 in Copenhagen.
const MONDAY = new Date('2026-10-12T10:00:00Z');
const TODAY = '2026-10-12';

let db: TestDatabase;
let storage: Storage;
let connector: ConnectorStandin;
const client = createConnectorClient(async () => 'test-token');
let now = MONDAY;
const instance = (id: string) => createWeeklyDigest({ db, connector: client, botId: '28:bot', day: 'monday', clock: () => now, instanceId: id });

beforeAll(async () => {
  db = await testDatabase();
  storage = createStorage(db, { clock: () => MONDAY });
  connector = await startConnectorStandin();
  // Its § 95 follow-up and re-grant fall on 2026-10-15: this week.
  await seedOverviewCase(storage, { tenantId: T, teamId: TEAM, reference: 'SAG-2026-0001', start: '2026-07-15' });
  // Started in June: its first follow-up and re-grant (1 September) are overdue.
  await seedOverviewCase(storage, { tenantId: T, teamId: TEAM, reference: 'SAG-2026-0002', start: '2026-06-01' });
  // Another team of the tenant, and another tenant's team of the same name, with the same dates.
  await seedOverviewCase(storage, { tenantId: T, teamId: 'team-anden', reference: 'SAG-2026-0901', start: '2026-07-15' });
  await seedOverviewCase(storage, { tenantId: OTHER_TENANT, teamId: TEAM, reference: 'SAG-2026-0777', start: '2026-06-01' });
  await db.query('UPDATE reminder_channels SET service_url = $1', [connector.url]);
});
afterAll(async () => {
  await connector.close();
  await db.close();
});

const cardOf = (p: RecordedRequest) => p.body.activity.attachments[0].content;
const factsOf = (card: { body: { type: string; items?: { type: string; text?: string; facts?: { title: string; value: string }[] }[] }[] }) =>
  card.body.filter((b) => b.type === 'Container').map((c) => ({ title: c.items![0]!.text!, facts: c.items!.flatMap((i) => i.facts ?? []) }));

describe('the weekly digest', () => {
  it('is not posted on another weekday', async () => {
    now = new Date('2026-10-13T10:00:00Z');
    expect(await instance('a').check()).toEqual({ outcome: 'not-today' });
    expect(connector.posts()).toEqual([]);
    now = MONDAY;
  });

  it('posts once per team and week with two instances looking again and again, each in its own channel', async () => {
    const a = instance('digest-a');
    const b = instance('digest-b');
    await Promise.all([a.check(), b.check(), a.check(), b.check()]);
    await Promise.all([a.check(), b.check()]);
    const posts = connector.posts();
    expect(posts.map((p) => [p.tenantId, p.kind, p.body.channelData.channel.id]).sort()).toEqual([
      [T, 'create-thread', '19:team-anden@thread.tacv2'],
      [T, 'create-thread', `19:${TEAM}@thread.tacv2`],
      [OTHER_TENANT, 'create-thread', `19:${TEAM}@thread.tacv2`],
    ]);
    const rows = await db.query<{ tenant_id: string; team_id: string; week: string; state: string }>(
      "SELECT tenant_id, team_id, to_char(week, 'YYYY-MM-DD') AS week, state FROM weekly_digests ORDER BY tenant_id, team_id",
    );
    expect(rows.map((r) => [r.tenant_id, r.team_id, r.week, r.state])).toEqual([
      [T, 'team-anden', TODAY, 'posted'],
      [T, TEAM, TODAY, 'posted'],
      [OTHER_TENANT, TEAM, TODAY, 'posted'],
    ]);
    // Another instance, later the same day: nothing more.
    now = new Date('2026-10-12T15:00:00Z');
    await instance('digest-c').check();
    expect(connector.posts()).toHaveLength(3);
    now = MONDAY;
  });

  it("shows the overview's own figures for the team, by reference only, in Danish, and nothing of other teams", async () => {
    const post = connector.posts().find((p) => p.tenantId === T && p.body.channelData.channel.id === `19:${TEAM}@thread.tacv2`)!;
    const card = cardOf(post);
    const overview: TeamOverview = teamOverview(
      await teamOverviewReader(db)({ tenantId: T, actorId: 'test', origin: 'test', teamIds: [TEAM] }, { teamId: TEAM, today: TODAY, horizon: horizonOf(TODAY) }),
      { teamId: TEAM, today: TODAY },
    );
    const [overdue, coming] = factsOf(card);
    expect(overdue!.title).toBe('Overskredne frister');
    const expectedOverdue = overview.due.filter((l) => l.overdue.count > 0).map((l) => ({ count: l.overdue.count, cases: l.overdue.cases.join(', ') }));
    expect(expectedOverdue.length).toBeGreaterThan(0);
    expect(overdue!.facts.map((f) => ({ count: Number(/\((\d+)\)$/.exec(f.title)![1]), cases: f.value }))).toEqual(expectedOverdue);
    expect(overdue!.facts.map((f) => f.value).join()).toContain('SAG-2026-0002');
    expect(coming!.title).toBe('Frister de næste 7 dage (til og med 18.10.2026)');
    expect(coming!.facts.map((f) => f.value)).not.toHaveLength(0);
    expect(coming!.facts.every((f) => f.value === 'SAG-2026-0001')).toBe(true);
    expect(card.body[0].text).toBe(`Ugens overblik, uge ${isoWeek(TODAY)}`);
    expect(card.body[1].text).toBe(`Teamets åbne sager: ${overview.open.total.count}`);
    const text = JSON.stringify(card);
    for (const foreign of ['SAG-2026-0901', 'SAG-2026-0777']) expect(text).not.toContain(foreign);
    // No pseudonym, no caseworker: references only.
    expect(text).not.toContain('"AB"');
    expect(text).not.toContain('Sagsbehandler A');
  });

  it('leaves an audit row for each case a digest names, with the digest as origin', async () => {
    const rows = await db.query<{ tenant_id: string; n: number }>(
      "SELECT tenant_id, count(DISTINCT case_id)::int AS n FROM audit_log WHERE origin = 'digest' AND actor_id = 'weekly-digest' GROUP BY tenant_id ORDER BY tenant_id",
    );
    expect(rows).toEqual([{ tenant_id: T, n: 3 }, { tenant_id: OTHER_TENANT, n: 1 }]);
  });

  it('tries a refused post again later, and posts it once then', async () => {
    now = new Date('2026-10-19T10:00:00Z');
    const before = connector.posts().length;
    connector.fail(`19:team-anden@thread.tacv2`, { status: 500, times: 1 });
    const first = await instance('digest-a').check();
    expect(first).toMatchObject({ outcome: 'checked', week: '2026-10-19', failed: 1 });
    expect(connector.posts().length - before).toBe(2);
    now = new Date('2026-10-19T10:10:00Z');
    await instance('digest-b').check();
    expect(connector.posts().length - before, 'not before its retry time').toBe(2);
    now = new Date('2026-10-19T10:20:00Z');
    await Promise.all([instance('digest-a').check(), instance('digest-b').check()]);
    expect(connector.posts().length - before).toBe(3);
    expect(connector.posts().at(-1)!.body.channelData.channel.id).toBe('19:team-anden@thread.tacv2');
  });
});
