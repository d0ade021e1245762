import pino from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../bot/reminders/dispatcher.js';
import { createConnectorClient } from '../bot/teams/proactive.js';
import { startConnectorStandin, type ConnectorStandin, type RecordedRequest } from './support/connector-standin.js';
import { testDatabase, type TestDatabase } from './support/db.js';
import { reviewsFor, scheduleCase } from './support/reminder-fixtures.js';
import { joinTeam } from './support/teams-roster.js';

let db: TestDatabase;
let connector: ConnectorStandin;
const client = createConnectorClient(async () => 'test-token');
const dispatcher = () => createDispatcher({ db, connector: client, botId: '28:bot', log: pino({ level: 'silent' }), retry: { maxAttempts: 2, baseMs: 10, maxMs: 50, maxThrottled: 5 } });

beforeAll(async () => {
  db = await testDatabase();
});
afterAll(async () => db.close());
beforeEach(async () => {
  await db.query('TRUNCATE reminder_outcomes, reminders, review_completions, reminder_cases, reminder_channels');
  connector = await startConnectorStandin();
});
afterEach(async () => connector.close());

// The activity a post carried: a new thread wraps it, a reply is it.
const activityOf = (p: RecordedRequest) => (p.kind === 'create-thread' ? p.body.activity : p.body);
const cardOf = (p: RecordedRequest) => activityOf(p).attachments[0].content;
const bodyText = (card: { body: { text?: string }[] }) => card.body.map((b) => b.text ?? '').join('\n');

// Level 2 from 2026-01-05: the re-grant and the § 95 follow-up, both due 2026-04-05, their notices on 2026-03-22.
const REVIEWS = reviewsFor('level2', null, '2026-01-05');
const NOTICES = new Date('2026-03-22T07:00:00Z');

describe('a channel reminder reaches the caseworker personally', () => {
  it('@mentions the caseworker by the name the roster gives at post time, once, in the card and its mention entity, on the post with both items of the day', async () => {
    joinTeam('team-1', 'aad-sanne-m1', 'Sanne Sagsbehandler');
    await scheduleCase(db, connector.url, { caseRef: 'SAG-MENTION-1', outcome: 'level2', reviews: REVIEWS, caseworkerId: 'aad-sanne-m1' });
    const report = await dispatcher().sweep(NOTICES);
    expect(report.results.map((r) => r.outcome)).toEqual(['sent', 'sent']);

    const posts = connector.posts();
    expect(posts.map((p) => p.kind)).toEqual(['create-thread']);
    const card = cardOf(posts[0]!);
    expect(card.msteams).toEqual({ entities: [{ type: 'mention', text: '<at>Sanne Sagsbehandler</at>', mentioned: { id: '29:aad-sanne-m1', name: 'Sanne Sagsbehandler' } }] });
    // Teams finds the mention by its text: the card must show exactly the entity's text, once for the post.
    expect(bodyText(card)).toContain('Til <at>Sanne Sagsbehandler</at>');
    expect(JSON.stringify(card.body).match(/<at>/g)).toHaveLength(1);
    expect(JSON.stringify(card.body)).toContain(REVIEWS[0]!.text);
    expect(JSON.stringify(card.body)).toContain(REVIEWS[1]!.text);
    // Asked once for the sweep's post of the caseworker, in the case's team.
    expect(connector.memberLookups.filter((l) => l.userId === 'aad-sanne-m1')).toEqual([{ teamId: 'team-1', userId: 'aad-sanne-m1' }]);

    // The name was only borrowed: nothing the reminders keep holds it.
    for (const table of ['reminders', 'reminder_cases', 'reminder_outcomes', 'reminder_channels']) {
      const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} t WHERE t::text LIKE '%Sanne Sagsbehandler%'`);
      expect(row!.n, table).toBe(0);
    }
  });

  it('takes the name Teams shows now, not one from before', async () => {
    joinTeam('team-1', 'aad-renamed-m2', 'Kim Før');
    await scheduleCase(db, connector.url, { caseRef: 'SAG-MENTION-2', outcome: 'level2', reviews: REVIEWS, caseworkerId: 'aad-renamed-m2' });
    await dispatcher().sweep(NOTICES);
    joinTeam('team-1', 'aad-renamed-m2', 'Kim Efter');
    await dispatcher().sweep(new Date('2026-04-05T07:00:00Z'));
    const names = connector.posts().map((p) => cardOf(p).msteams?.entities[0].mentioned.name);
    expect(names).toEqual(['Kim Før', 'Kim Efter']);
  });

  it('still posts in the channel, without a mention, when the caseworker is not in the team or the case has none', async () => {
    await scheduleCase(db, connector.url, { caseRef: 'SAG-MENTION-3', outcome: 'level2', reviews: REVIEWS, caseworkerId: 'aad-left-the-team-m3' });
    await scheduleCase(db, connector.url, { caseRef: 'SAG-MENTION-4', outcome: 'level2', reviews: REVIEWS, caseworkerId: null, channelId: '19:andet@thread.tacv2' });
    const report = await dispatcher().sweep(NOTICES);
    expect(report.results.map((r) => [r.caseRef, r.outcome, 'target' in r ? r.target : null])).toEqual(
      expect.arrayContaining([['SAG-MENTION-3', 'sent', 'channel'], ['SAG-MENTION-4', 'sent', 'channel']]),
    );
    for (const post of connector.posts()) {
      expect(cardOf(post).msteams).toBeUndefined();
      expect(bodyText(cardOf(post))).not.toContain('<at>');
    }
  });

  it('mentions nobody in the personal chat the reminder falls back to: it is theirs already', async () => {
    joinTeam('team-1', 'aad-sanne-m5', 'Sanne Sagsbehandler');
    const kase = await scheduleCase(db, connector.url, { caseRef: 'SAG-MENTION-5', outcome: 'level2', reviews: REVIEWS, caseworkerId: 'aad-sanne-m5' });
    connector.fail(kase.channelId, { status: 403, code: 'BotNotInConversationRoster' });
    await dispatcher().sweep(NOTICES);
    const personal = connector.posts().filter((p) => p.kind === 'send');
    expect(personal).toHaveLength(1);
    for (const post of personal) expect(cardOf(post).msteams).toBeUndefined();
  });
});
