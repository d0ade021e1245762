import pino from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { handleReminderAction, type ReminderTurn } from '../bot/reminders/actions.js';
import { storageAudit } from '../bot/reminders/audit.js';
import { createDispatcher } from '../bot/reminders/dispatcher.js';
import { listUpcoming, upcomingMessage } from '../bot/reminders/upcoming.js';
import { createConnectorClient } from '../bot/teams/proactive.js';
import { startConnectorStandin, type ConnectorStandin } from './support/connector-standin.js';
import { testDatabase, type TestDatabase } from './support/db.js';
import { reviewsFor, scheduleCase, type TestCase } from './support/reminder-fixtures.js';
import { danishIn } from './support/language.js';

let db: TestDatabase;
let connector: ConnectorStandin;
let kase: TestCase;
const client = createConnectorClient(async () => 'test-token');
const deps = () => ({ db, audit: storageAudit(), connector: client });

beforeAll(async () => {
  db = await testDatabase();
});
afterAll(async () => db.close());
/** Audit rows before this test: the audit log refuses TRUNCATE (migration 054), so each test reads only its own. */
let auditMark = 0;
const auditSince = <T>(columns: string) => db.query<T>(`SELECT ${columns} FROM audit_log WHERE audit_id > $1 ORDER BY audit_id`, [auditMark]);

beforeEach(async () => {
  await db.query('TRUNCATE reminder_outcomes, reminders, review_completions, reminder_cases, reminder_channels');
  const [mark] = await db.query<{ n: number }>('SELECT coalesce(max(audit_id), 0)::int AS n FROM audit_log');
  auditMark = mark?.n ?? 0;
  connector = await startConnectorStandin();
  // A level 2 case whose re-grant notice (14 days before 2026-04-05) has been posted.
  kase = await scheduleCase(db, connector.url, { caseRef: 'SAG-2026-4', outcome: 'level2', reviews: reviewsFor('level2', null, '2026-01-05').filter((r) => r.kind === 'regrant') });
  await createDispatcher({ db, connector: client, botId: '28:bot', log: pino({ level: 'silent' }) }).sweep(new Date('2026-03-22T07:00:00Z'));
});
afterEach(async () => connector.close());

async function sentReminderId(): Promise<number> {
  const [row] = await db.query<{ reminder_id: number }>("SELECT reminder_id FROM reminders WHERE state = 'sent'");
  return row!.reminder_id;
}

function turn(verb: string, data: Record<string, unknown>, who = { userId: 'aad-anna', userName: 'Anna Berg' }, at = '2026-03-23T09:00:00Z'): ReminderTurn {
  return { tenantId: kase.tenantId, ...who, verb, data, at: new Date(at) };
}

function texts(card: Record<string, unknown>): string {
  return JSON.stringify(card.body);
}

describe('acting on a reminder card', () => {
  it('records a done re-grant review, moves the case to a new 3-month period, updates the posted card and audits it', async () => {
    const reminderId = await sentReminderId();
    const result = await handleReminderAction(deps(), turn('reminder.done', { reminderId: String(reminderId), tenantId: kase.tenantId, decision: 'continue' }));
    expect(texts(result.card)).toContain('Gennemgang udført: indsatsen fortsætter — Anna Berg');
    expect((result.card.actions as { title: string }[]).map((a) => a.title)).toEqual(['Åbn sagsoverblik']);

    const updates = connector.requests.filter((r) => r.kind === 'update');
    expect(updates).toHaveLength(1);
    expect(JSON.stringify(updates[0]!.body)).toContain('Anna Berg');

    const pending = await db.query<{ due: string; notice: string }>("SELECT to_char(due, 'YYYY-MM-DD') AS due, notice FROM reminders WHERE state = 'pending' ORDER BY fire_at");
    expect(pending).toEqual([{ due: '2026-07-05', notice: 'lead' }, { due: '2026-07-05', notice: 'due' }]);
    const audit = await auditSince<{ actor_id: string; action: string; case_id: string }>('actor_id, action, case_id::text');
    expect(audit).toEqual([{ actor_id: 'aad-anna', action: 'reminder.review-done', case_id: kase.caseId }]);
  });

  it('tells a second click on a stale card who already handled it, and changes nothing', async () => {
    const reminderId = await sentReminderId();
    await handleReminderAction(deps(), turn('reminder.done', { reminderId, decision: 'continue' }));
    const second = await handleReminderAction(deps(), turn('reminder.snooze', { reminderId, reason: 'Ferie' }, { userId: 'aad-bo', userName: 'Bo Holm' }));
    expect(texts(second.card)).toMatch(/Allerede håndteret af Anna Berg, 23\.03\.2026/);
    expect(await db.query("SELECT 1 FROM reminders WHERE notice = 'snooze'")).toEqual([]);
    expect(await auditSince('1')).toHaveLength(1);
  });

  it('closing the case from the card cancels its pending reminders', async () => {
    const reminderId = await sentReminderId();
    await handleReminderAction(deps(), turn('reminder.done', { reminderId, decision: 'close' }));
    expect(await db.query("SELECT 1 FROM reminders WHERE state = 'pending'")).toEqual([]);
    expect(await db.query('SELECT 1 FROM reminder_cases WHERE closed')).toHaveLength(1);
  });

  it('snoozes a week with a reason, and the postponed notice is posted in the same thread a week later', async () => {
    const reminderId = await sentReminderId();
    const result = await handleReminderAction(deps(), turn('reminder.snooze', { reminderId, reason: 'Afventer møde med skolen' }));
    expect(texts(result.card)).toContain('Udsat 1 uge — Anna Berg, 23.03.2026, 10.00 (Afventer møde med skolen)');
    const d = createDispatcher({ db, connector: client, botId: '28:bot', log: pino({ level: 'silent' }) });
    expect((await d.sweep(new Date('2026-03-30T08:59:00Z'))).results).toEqual([]);
    const later = await d.sweep(new Date('2026-03-30T09:00:00Z'));
    expect(later.results.map((r) => r.notice)).toEqual(['snooze']);
    const [thread, snoozed] = connector.posts().filter((p) => p.kind !== 'update');
    expect(snoozed!.conversationId).toBe(thread!.conversationId);
  });

  it('refuses a snooze without a reason in Danish, keeping the card as it was', async () => {
    const reminderId = await sentReminderId();
    const result = await handleReminderAction(deps(), turn('reminder.snooze', { reminderId, reason: '   ' }));
    expect(texts(result.card)).toContain('Skriv en begrundelse for udsættelsen.');
    expect(texts(result.card)).toContain('"title":"Udsæt 1 uge"');
    expect(await db.query("SELECT 1 FROM reminders WHERE state = 'snoozed'")).toEqual([]);
  });

  it('refuses a snooze reason holding a CPR number, stores nothing, and gives the text back to correct', async () => {
    const reminderId = await sentReminderId();
    const result = await handleReminderAction(deps(), turn('reminder.snooze', { reminderId, reason: 'Barnet 010203-1234 er syg' }));
    expect(texts(result.card)).toContain('ligner et CPR-nummer');
    expect(texts(result.card)).toContain('"value":"Barnet 010203-1234 er syg"');
    expect(await db.query("SELECT 1 FROM reminders WHERE snooze_reason IS NOT NULL")).toEqual([]);
  });

  it('does not let another tenant act on the reminder', async () => {
    const reminderId = await sentReminderId();
    const result = await handleReminderAction(deps(), { ...turn('reminder.done', { reminderId, decision: 'continue' }), tenantId: 'other-tenant' });
    expect(texts(result.card)).toContain('Påmindelsen kunne ikke findes');
    expect(await db.query('SELECT 1 FROM review_completions')).toEqual([]);
  });
});

/**
 * The card stays the channel's (Danish); the line for the one who clicked is in their language.
 * Each case: what the clicker sends, and the line they get back in Danish and in English.
 */
describe("the answer to the one who clicked, in the clicker's language", () => {
  const ANNA = { userId: 'aad-anna', userName: 'Anna Berg' };
  const BO = { userId: 'aad-bo', userName: 'Bo Holm' };
  const cases: { what: string; act: (reminderId: number, locale: 'da' | 'en') => Promise<Record<string, unknown>>; da: string; en: string }[] = [
    {
      what: 'a snooze without a reason',
      act: async (reminderId, locale) => (await handleReminderAction(deps(), { ...turn('reminder.snooze', { reminderId, reason: ' ' }), locale })).card,
      da: 'Skriv en begrundelse for udsættelsen.',
      en: 'Write a reason for the postponement.',
    },
    {
      what: 'a snooze reason with a CPR number',
      act: async (reminderId, locale) => (await handleReminderAction(deps(), { ...turn('reminder.snooze', { reminderId, reason: 'Barnet 010203-1234 er syg' }), locale })).card,
      da: 'Begrundelsen ligner et CPR-nummer. Skriv den uden CPR-nummer.',
      en: 'The reason looks like a CPR number. Write it without the CPR number.',
    },
    {
      what: 'a review done without its decision',
      act: async (reminderId, locale) => (await handleReminderAction(deps(), { ...turn('reminder.done', { reminderId }), locale })).card,
      da: 'Vælg, hvad gennemgangen førte til.',
      en: 'Choose what the review led to.',
    },
    {
      what: 'a review note with a CPR number',
      act: async (reminderId, locale) => (await handleReminderAction(deps(), { ...turn('reminder.done', { reminderId, decision: 'continue', note: 'Mor oplyste 010203-1234.' }), locale })).card,
      da: 'Notatet ser ud til at indeholde et CPR-nummer, og CPR-numre må ikke gemmes. Fjern nummeret og gem igen – din tekst er bevaret.',
      en: 'The note seems to contain a CPR number, and CPR numbers may not be stored. Remove the number and save again – your text is kept.',
    },
    {
      what: 'time spent that is not a number',
      act: async (reminderId, locale) => (await handleReminderAction(deps(), { ...turn('reminder.done', { reminderId, decision: 'continue', note: 'Godt møde', noteMinutes: 'en time' }), locale })).card,
      da: 'Skriv tidsforbruget i minutter som et tal.',
      en: 'Write the time spent in minutes as a number.',
    },
    {
      // The reminders' test case has no case row behind it: storage refuses the note, as it would for a deleted case.
      what: 'a note storage refuses',
      act: async (reminderId, locale) => (await handleReminderAction(deps(), { ...turn('reminder.done', { reminderId, decision: 'continue', note: 'Godt møde' }), locale })).card,
      da: 'Sagen findes ikke (længere). Søg den frem igen med sagsnummeret.',
      en: 'The case does not exist (any more). Find it again by its case number.',
    },
    {
      what: 'a click on a card someone else already handled',
      act: async (reminderId, locale) => {
        await handleReminderAction(deps(), turn('reminder.done', { reminderId, decision: 'continue' }));
        return (await handleReminderAction(deps(), { ...turn('reminder.snooze', { reminderId, reason: 'Ferie' }, BO, '2026-03-23T11:00:00Z'), locale })).card;
      },
      da: 'Allerede håndteret af Anna Berg, 23.03.2026, 10.00.',
      en: 'Already handled by Anna Berg, 23 March 2026 at 10:00.',
    },
    {
      what: 'an action the card does not know',
      act: async (reminderId, locale) => (await handleReminderAction(deps(), { ...turn('reminder.unknown', { reminderId }), locale })).card,
      da: 'Handlingen kendes ikke. Opdater kortet og prøv igen.',
      en: 'The action is not known. Refresh the card and try again.',
    },
    {
      what: "another tenant's reminder",
      act: async (reminderId, locale) => (await handleReminderAction(deps(), { ...turn('reminder.done', { reminderId, decision: 'continue' }), tenantId: 'other-tenant', locale })).card,
      da: 'Påmindelsen kunne ikke findes. Den kan være slettet, eller kortet er for gammelt.',
      en: 'The reminder could not be found. It may have been deleted, or the card is too old.',
    },
    {
      what: '"change level", which the review command carries on',
      act: async (reminderId, locale) => (await handleReminderAction(deps(), { ...turn('reminder.done', { reminderId, decision: 'change-level' }, ANNA), locale })).card,
      da: 'Træf den nye afgørelse med »gennemgang SAG-2026-4« (vælg »Skift niveau (ny afgørelse)«); påmindelserne følger den derefter.',
      en: 'Make the new decision with »review SAG-2026-4« (choose »Change level (new decision)«); the reminders follow it from then on.',
    },
  ];

  /** The line for the one who clicked: the card's last text, after the items (the notice, or a card of that line alone). */
  function lineFor(card: Record<string, unknown>): string {
    const body = card.body as { type: string; text?: string }[];
    const last = body[body.length - 1]!;
    expect(last.type).toBe('TextBlock');
    return last.text!;
  }

  for (const c of cases) {
    it(`answers ${c.what} in Danish to a Danish client and in English to an English one, the card itself in Danish`, async () => {
      const reminderId = await sentReminderId();
      expect(lineFor(await c.act(reminderId, 'da'))).toBe(c.da);
      // The same again from a clean slate, for an English client.
      await db.query('TRUNCATE reminder_outcomes, reminders, review_completions, reminder_cases, reminder_channels');
      kase = await scheduleCase(db, connector.url, { caseRef: 'SAG-2026-4', outcome: 'level2', reviews: reviewsFor('level2', null, '2026-01-05').filter((r) => r.kind === 'regrant') });
      await createDispatcher({ db, connector: client, botId: '28:bot', log: pino({ level: 'silent' }) }).sweep(new Date('2026-03-22T07:00:00Z'));
      const english = await c.act(await sentReminderId(), 'en');
      expect(lineFor(english)).toBe(c.en);
      expect(danishIn(c.en), c.en).toEqual([]);
      // The channel's card around it keeps the team's words (Danish) for everyone.
      if (Array.isArray(english.actions)) expect(JSON.stringify(english.actions)).toContain('"title":"Åbn sagsoverblik"');
    });
  }
});

describe('the "påmindelser" command', () => {
  it("lists the team's coming reminders soonest first, and nothing from other teams", async () => {
    await scheduleCase(db, connector.url, { caseRef: 'SAG-ANDET-TEAM', outcome: 'level3', reviews: reviewsFor('level3', null, '2026-01-05') });
    await db.query("UPDATE reminder_cases SET team_id = 'team-2' WHERE case_ref = 'SAG-ANDET-TEAM'");
    const upcoming = await listUpcoming(db, { tenantId: kase.tenantId, teamId: 'team-1' });
    expect(upcoming.reminders.map((u) => [u.caseRef, u.due, u.notice])).toEqual([['SAG-2026-4', '2026-04-05', 'due']]);
    expect(upcoming.total).toBe(1);
    expect(upcomingMessage(upcoming)).toContain('**SAG-2026-4** — frist 05.04.2026 (på dagen 05.04.2026)');
    expect(upcomingMessage(upcoming), 'nothing left out, nothing said about more').not.toContain('mere');
    expect(upcomingMessage({ reminders: [], total: 0 })).toBe('Teamet har ingen kommende påmindelser.');
  });

  it('says how many more there are past the first 20, and where to see them, in Danish and in English', async () => {
    // 8 level 3 cases: two follow-ups each, a notice and the day for each, so 32 more reminders.
    for (let i = 0; i < 8; i++) await scheduleCase(db, connector.url, { caseRef: `SAG-MANGE-${i}`, outcome: 'level3', reviews: reviewsFor('level3', null, '2026-02-02') });
    const [all] = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM reminders r JOIN reminder_cases c USING (tenant_id, case_id) WHERE c.team_id = 'team-1' AND r.state IN ('pending', 'claimed')",
    );
    expect(all!.n).toBe(33);
    const upcoming = await listUpcoming(db, { tenantId: kase.tenantId, teamId: 'team-1' });
    expect(upcoming.reminders).toHaveLength(20);
    expect(upcoming.total).toBe(33);
    const danish = upcomingMessage(upcoming, 'da');
    expect(danish).toContain('Teamets kommende påmindelser (20 / 33):');
    expect(danish).toContain('… og 13 mere. Se dem alle i fanen Familiestøtte i kanalen');
    expect(danish.split('\n').filter((l) => l.startsWith('- **'))).toHaveLength(20);
    const english = upcomingMessage(upcoming, 'en');
    expect(english).toContain("The team's upcoming reminders (20 / 33):");
    expect(english).toContain("… and 13 more. See them all in the channel's Familiestøtte tab");
    expect(english).not.toMatch(/frist|varsel|på dagen/);
  });
});
