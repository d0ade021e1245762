import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardsIn, cardText, type BotClient } from '../support/bot-client.js';
import { startTestBot, type TestBot } from '../support/bot-server.js';
import { answerSteps, caseForm, FAMILIES, startInterview } from '../support/interview.js';

const CHANNEL = '19:familie-paamindelser@thread.tacv2';
const TEAM = '19:familie-team-p@thread.tacv2';
const SLOW = { timeout: 240_000 };

let bot: TestBot;
let channel: BotClient;
let tenantId: string;

beforeAll(async () => {
  // No background sweeps: the test decides when reminders are looked at.
  bot = await startTestBot({ REMINDER_SWEEP_SECONDS: '0' });
  const installer = bot.client();
  tenantId = installer.tenantId;
  channel = installer.with({ kind: 'channel', conversationId: CHANNEL, channelId: CHANNEL, teamId: TEAM, teamName: 'Familieafdelingen' });
  await channel.install();
}, 240_000);
afterAll(() => bot.stop(), 60_000);

describe('reminders in the bot, over HTTP', SLOW, () => {
  it('schedules a new case\'s reviews, which "påmindelser" in the team channel then lists', async () => {
    const me = bot.client({ tenantId, userName: 'Sanne Sagsbehandler' });
    me.joinTeam(TEAM);
    const { draftId } = await startInterview(me);
    await answerSteps(me, draftId, FAMILIES.level2);
    await me.execute('case.accept', caseForm(draftId, CHANNEL, 'SAG-PAAMIND-1'));

    const [card] = cardsIn(await channel.say('påmindelser', { mention: true }));
    const text = cardText(card);
    expect(text).toContain('SAG-PAAMIND-1');
    expect(text).toContain('pps.omfang.2');
    expect(text, 'a list is information, not the red error card').not.toContain('Det gik ikke');
    expect(text).toContain('Teamets kommende påmindelser');
  });

  it('answers "påmindelser" outside a team with where to ask instead', async () => {
    const [card] = cardsIn(await bot.client({ tenantId }).say('påmindelser'));
    expect(cardText(card)).toContain('i teamets kanal');
  });

  it('routes a reminder card action to the reminders, which say when the reminder is unknown', async () => {
    const result = await bot.client({ tenantId }).execute('reminder.done', { reminderId: '999999', tenantId, decision: 'continue' });
    expect(cardText(result.card)).toContain('Påmindelsen kunne ikke findes');
  });
});

describe('a note written when a review is marked done', SLOW, () => {
  const REFERENCE = 'SAG-PAAMIND-2';
  let reminderId: number;
  let caseworker: BotClient;
  // One person throughout; the client is made again after each restart, for the new port's sake.
  const me = () => bot.client({ tenantId, userName: 'Sanne Sagsbehandler', userId: caseworker.userId, conversationId: caseworker.conversationId });

  beforeAll(async () => {
    caseworker = bot.client({ tenantId, userName: 'Sanne Sagsbehandler' });
    caseworker.joinTeam(TEAM);
    const { draftId } = await startInterview(me());
    await answerSteps(me(), draftId, FAMILIES.level2);
    await me().execute('case.accept', caseForm(draftId, CHANNEL, REFERENCE));
    // As if the sweep had posted the first review's notice in the channel.
    const db = await bot.inspect();
    try {
      const [row] = await db.query<{ reminder_id: number }>(
        `UPDATE reminders SET state = 'sent' WHERE reminder_id = (SELECT r.reminder_id FROM reminders r JOIN reminder_cases c USING (tenant_id, case_id)
         WHERE c.case_ref = $1 ORDER BY r.fire_at LIMIT 1) RETURNING reminder_id`,
        [REFERENCE],
      );
      reminderId = row!.reminder_id;
    } finally {
      await db.close();
    }
    await bot.restart();
  }, 240_000);

  async function notesAndCompletions() {
    const db = await bot.inspect();
    try {
      const notes = await db.query<{ kind: string; minutes: number; text: string; author_name: string }>(
        'SELECT n.kind, n.minutes, n.text, n.author_name FROM case_notes n JOIN cases c USING (tenant_id, case_id) WHERE c.reference = $1',
        [REFERENCE],
      );
      const done = await db.query('SELECT 1 FROM review_completions r JOIN cases c USING (tenant_id, case_id) WHERE c.reference = $1', [REFERENCE]);
      return { notes, done: done.length };
    } finally {
      await db.close();
      await bot.restart();
    }
  }

  it('audits a card refresh and the "påmindelser" list as reads of the case, by who read it', async () => {
    const refreshed = await me().execute('reminder.refresh', { reminderId: String(reminderId), tenantId });
    expect(cardText(refreshed.card)).toContain(REFERENCE);
    await channel.say('påmindelser', { mention: true });
    const db = await bot.inspect();
    try {
      const rows = await db.query<{ action: string; actor_id: string }>(
        `SELECT a.action, a.actor_id FROM audit_log a JOIN cases c USING (tenant_id, case_id) WHERE c.reference = $1 AND a.action IN ('reminder.read', 'reminder.list')`,
        [REFERENCE],
      );
      expect(rows).toContainEqual({ action: 'reminder.read', actor_id: caseworker.userId });
      expect(rows).toContainEqual({ action: 'reminder.list', actor_id: channel.userId });
    } finally {
      await db.close();
      await bot.restart();
    }
  });

  it("answers the one who clicked in their own client's language, the channel's card staying Danish", async () => {
    // Refused before anything is stored, so the reminder stays open for the tests after this one.
    // The line for the clicker is the card's last text, after the items.
    const lineFor = (card: unknown) => (card as { body: { text?: string }[] }).body.at(-1)?.text;
    const english = await me().with({ locale: 'en-US' }).execute('reminder.snooze', { reminderId: String(reminderId), tenantId, reason: ' ' });
    expect(lineFor(english.card)).toBe('Write a reason for the postponement.');
    expect(cardText(english.card)).toContain('Udsæt 1 uge');
    const danish = await me().execute('reminder.snooze', { reminderId: String(reminderId), tenantId, reason: ' ' });
    expect(lineFor(danish.card)).toBe('Skriv en begrundelse for udsættelsen.');
  });

  it('refuses a note with a CPR number, keeps the typed text on the card and stores nothing', async () => {
    const typed = 'Mor oplyste 010203-1234 ved mødet.';
    const result = await me().execute('reminder.done', { reminderId: String(reminderId), tenantId, decision: 'continue', note: typed, noteKind: 'meeting', noteMinutes: '30' });
    const text = cardText(result.card);
    expect(text).toContain('CPR-nummer');
    expect(text).toContain(typed);
    expect(await notesAndCompletions()).toEqual({ notes: [], done: 0 });
  });

  it('stores the note on the case beside the completed review, by the person who marked it done', async () => {
    const result = await me().execute('reminder.done', {
      reminderId: String(reminderId),
      tenantId,
      decision: 'continue',
      note: 'Gennemgang med familien: morgenrutinen fungerer nu.',
      noteKind: 'interdisciplinary-meeting',
      noteMinutes: '45',
    });
    expect(cardText(result.card)).toContain('Gennemgang udført: indsatsen fortsætter');
    expect(await notesAndCompletions()).toEqual({
      notes: [{ kind: 'interdisciplinary-meeting', minutes: 45, text: 'Gennemgang med familien: morgenrutinen fungerer nu.', author_name: 'Sanne Sagsbehandler' }],
      done: 1,
    });
    // And the case card counts it, as the standard lets an interdisciplinary meeting count as a visit.
    const [card] = cardsIn(await me().say(`find ${REFERENCE}`));
    expect(cardText(card)).toMatch(/heraf 1 tværfagligt møde, der tæller/);
  });

  it('"the case closes" on a later reminder closes the case itself, not only its reminders', async () => {
    const setup = await bot.inspect();
    let laterId: number;
    try {
      const [row] = await setup.query<{ reminder_id: number }>(
        `UPDATE reminders SET state = 'sent' WHERE reminder_id = (SELECT r.reminder_id FROM reminders r JOIN reminder_cases c USING (tenant_id, case_id)
         WHERE c.case_ref = $1 AND r.state = 'pending' ORDER BY r.fire_at LIMIT 1) RETURNING reminder_id`,
        [REFERENCE],
      );
      laterId = row!.reminder_id;
    } finally {
      await setup.close();
      await bot.restart();
    }
    const result = await me().execute('reminder.done', { reminderId: String(laterId), tenantId, decision: 'close' });
    expect(cardText(result.card)).toContain('Gennemgang udført: sagen lukkes');
    const db = await bot.inspect();
    try {
      const [kase] = await db.query<{ status: string; case_id: string }>('SELECT status, case_id::text FROM cases WHERE reference = $1', [REFERENCE]);
      expect(kase?.status).toBe('closed');
      const closes = await db.query("SELECT actor_id FROM audit_log WHERE case_id = $1::uuid AND action = 'case.close'", [kase!.case_id]);
      expect(closes).toEqual([{ actor_id: caseworker.userId }]);
      expect(await db.query("SELECT 1 FROM reminders r JOIN reminder_cases c USING (tenant_id, case_id) WHERE c.case_ref = $1 AND r.state = 'pending'", [REFERENCE])).toEqual([]);
    } finally {
      await db.close();
      await bot.restart();
    }
    // No more notes on a closed case.
    const [refused] = cardsIn(await me().say(`notat ${REFERENCE} besøg 30 Efter lukning.`));
    expect(cardText(refused)).toMatch(/lukket/);
  });
});
