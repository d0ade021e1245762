import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEXTS } from '../../bot/conversation/texts.js';
import { ACTION_ROUTES, COMMAND_ROUTES } from '../../bot/conversation/routes.js';
import type { Command } from '../../bot/conversation/commands.js';
import { cardsIn, cardText, type BotClient } from '../support/bot-client.js';
import { startTestBot, type TestBot } from '../support/bot-server.js';
import { caseTablesFingerprint } from '../support/case-fingerprint.js';
import { addTeamChannel, leaveTeam } from '../support/teams-roster.js';
import { answerSteps, caseForm, FAMILIES, startInterview } from '../support/interview.js';

/**
 * Every door of the conversation, enumerated from the route table: for each command and each
 * card action, who is let in and who is not, through real activities over /api/messages.
 * A route added to the table is in these tests at once; a command kind added needs its example
 * text below, or the typecheck fails.
 */

const TEAM = '19:door-team@thread.tacv2';
const CHANNEL = '19:door-general@thread.tacv2';
const OTHER_TEAM = '19:other-team@thread.tacv2';
const OTHER_CHANNEL = '19:other-general@thread.tacv2';
const REFERENCE = 'SAG-DOOR-1';
const PSEUDONYM = 'ZQ';

/** What a person would type to reach each command. */
const COMMAND_TEXT: Record<Command['kind'], string> = {
  help: 'hjælp',
  standard: 'standard hvor længe kan støtten vare',
  noteUsage: `notat ${REFERENCE}`,
  askReference: 'find',
  newCase: 'ny sag',
  resume: 'fortsæt',
  mine: 'mine sager',
  find: `find ${REFERENCE}`,
  summary: `resumé ${REFERENCE}`,
  summaryPrompt: `resumé ${REFERENCE}`,
  notes: `noter ${REFERENCE}`,
  note: `notat ${REFERENCE} besøg 30 Kort besøg i hjemmet.`,
  plan: `plan ${REFERENCE}`,
  review: `gennemgang ${REFERENCE}`,
  reminders: 'påmindelser',
};

const REFUSALS = [TEXTS.caseNotFound.da, TEXTS.reminderNotFound.da, TEXTS.noCaseContentInGroupChat.da, TEXTS.onlyInPersonalChat.da, TEXTS.notInThisTeam.da];
const refused = (text: string) => REFUSALS.some((r) => text.includes(r));

let bot: TestBot;
let caseworker: BotClient;
let colleague: BotClient;
let outsider: BotClient;
let stranger: BotClient;
let caseId: string;
let reminderId: number;

/** The data every card action gets: it names the case every way a card can. */
const actionData = () => ({ caseId, caseReference: REFERENCE, reminderId: String(reminderId), tenantId: caseworker.tenantId });

/** The case tables' fingerprint (case-fingerprint.ts), read with the bot stopped. */
async function fingerprint(): Promise<string> {
  const db = await bot.inspect();
  try {
    return await caseTablesFingerprint(db);
  } finally {
    await db.close();
    await bot.restart();
  }
}

async function answerTo(client: BotClient, how: { command: Command['kind'] } | { verb: string }): Promise<string> {
  if ('command' in how) return cardsIn(await client.say(COMMAND_TEXT[how.command], { mention: true })).map(cardText).join('\n');
  return cardText((await client.execute(how.verb, actionData())).card);
}

const caseRoutes = [
  ...Object.entries(ACTION_ROUTES).filter(([, r]) => r.door.rule === 'case').map(([verb]) => ({ name: verb, how: { verb } })),
  ...Object.entries(COMMAND_ROUTES).filter(([, r]) => r.door.rule === 'case').map(([command]) => ({ name: `«${COMMAND_TEXT[command as Command['kind']]}»`, how: { command: command as Command['kind'] } })),
];
const personalRoutes = [
  ...Object.entries(ACTION_ROUTES).filter(([, r]) => r.door.rule === 'personal').map(([verb]) => ({ name: verb, how: { verb } })),
  ...Object.entries(COMMAND_ROUTES).filter(([, r]) => r.door.rule === 'personal').map(([command]) => ({ name: `«${COMMAND_TEXT[command as Command['kind']]}»`, how: { command: command as Command['kind'] } })),
];

beforeAll(async () => {
  bot = await startTestBot({ REMINDER_SWEEP_SECONDS: '0' });
  caseworker = bot.client({ userName: 'Sanne Sagsbehandler' });
  const tenantId = caseworker.tenantId;
  colleague = bot.client({ tenantId, userName: 'Kim Kollega' });
  colleague.joinTeam(TEAM);
  outsider = bot.client({ tenantId, userName: 'Ole Udenfor' });
  stranger = bot.client({ userName: 'Anden Kommune' });
  await caseworker.with({ kind: 'channel', conversationId: CHANNEL, teamId: TEAM }).install();
  // The outsider has a team of their own in the same municipality.
  await outsider.with({ kind: 'channel', conversationId: OTHER_CHANNEL, teamId: OTHER_TEAM }).install();
  const { draftId } = await startInterview(caseworker);
  await answerSteps(caseworker, draftId, FAMILIES.level2);
  const created = await caseworker.execute('case.accept', { ...caseForm(draftId, CHANNEL, REFERENCE), childPseudonym: PSEUDONYM });
  expect(cardText(created.card)).toContain(REFERENCE);
  const db = await bot.inspect();
  try {
    const [kase] = await db.query<{ case_id: string }>('SELECT case_id::text FROM cases WHERE reference = $1', [REFERENCE]);
    caseId = kase!.case_id;
    const [reminder] = await db.query<{ reminder_id: number }>('SELECT reminder_id FROM reminders WHERE case_id = $1::uuid ORDER BY reminder_id LIMIT 1', [caseId]);
    reminderId = Number(reminder!.reminder_id);
  } finally {
    await db.close();
    await bot.restart();
  }
}, 300_000);
afterAll(() => bot?.stop(), 60_000);

describe('every route that names a case', { timeout: 300_000 }, () => {
  it('is in the table at all (the route table declares doors)', () => {
    expect(caseRoutes.length).toBeGreaterThan(10);
    for (const [name, route] of [...Object.entries(ACTION_ROUTES), ...Object.entries(COMMAND_ROUTES)]) {
      expect(['tenant', 'personal', 'team-channel', 'case'], name).toContain(route.door.rule);
    }
  });

  it('refuses a user of the same municipality outside the case’s team, and one of another tenant, in Danish, showing and changing nothing', async () => {
    const before = await fingerprint();
    for (const { name, how } of caseRoutes) {
      for (const [who, client] of [['outsider', outsider], ['another tenant', stranger]] as const) {
        const text = await answerTo(client, how);
        expect(refused(text), `${name} for ${who}: ${text.slice(0, 200)}`).toBe(true);
        expect(text, `${name} for ${who}`).not.toContain(PSEUDONYM);
        expect(text, `${name} for ${who}`).not.toMatch(/Niveau 2|intensiv/);
      }
      // From the outsider's own team channel, too.
      const inOtherChannel = await answerTo(outsider.with({ kind: 'channel', conversationId: OTHER_CHANNEL, teamId: OTHER_TEAM }), how);
      expect(refused(inOtherChannel), `${name} in another team's channel`).toBe(true);
    }
    expect(await fingerprint(), 'nothing was written by the refused requests').toBe(before);
  });

  it('lets the case’s caseworker and a member of its team in', async () => {
    for (const { name, how } of caseRoutes) {
      for (const [who, client] of [['caseworker', caseworker], ['team member', colleague]] as const) {
        const text = await answerTo(client, how);
        expect(refused(text), `${name} for the ${who}: ${text.slice(0, 200)}`).toBe(false);
      }
    }
  });

  it('shows no case in a group chat, where everyone reads along, except to the one who clicked', async () => {
    const group = caseworker.with({ kind: 'groupChat', conversationId: '19:group-door@thread.v2' });
    for (const { name, how } of caseRoutes) {
      const route = 'verb' in how ? ACTION_ROUTES[how.verb as keyof typeof ACTION_ROUTES] : undefined;
      const privateAnswer = route?.door.rule === 'case' && route.door.groupChat === 'answer-to-clicker';
      const text = await answerTo(group, how);
      if (!privateAnswer) {
        expect(refused(text) || !text.includes(PSEUDONYM), `${name} in a group chat: ${text.slice(0, 200)}`).toBe(true);
        expect(text, `${name} in a group chat`).not.toMatch(/Niveau 2: intensiv/);
      }
      // The Action.Submit fallback is answered as a message for everyone: never a case there.
      if ('verb' in how) {
        const submitted = cardsIn(await group.submit({ verb: how.verb, ...actionData() })).map(cardText).join('\n');
        expect(refused(submitted), `${name} as Action.Submit in a group chat`).toBe(true);
      }
    }
  });
});

describe('routes for the personal chat only', { timeout: 180_000 }, () => {
  it('are refused in a team channel and in a group chat, and served in the personal chat', async () => {
    for (const { name, how } of personalRoutes) {
      const inChannel = await answerTo(caseworker.with({ kind: 'channel', conversationId: CHANNEL, teamId: TEAM }), how);
      expect(inChannel, `${name} in a channel`).toContain(TEXTS.onlyInPersonalChat.da);
      const inGroup = await answerTo(caseworker.with({ kind: 'groupChat', conversationId: '19:group-door@thread.v2' }), how);
      expect(inGroup, `${name} in a group chat`).toContain(TEXTS.noCaseContentInGroupChat.da);
      const personal = await answerTo(outsider, how);
      expect(refused(personal), `${name} in the personal chat`).toBe(false);
    }
  });

  it('never list another team’s case to an outsider', async () => {
    const [mine] = cardsIn(await outsider.say('mine sager'));
    expect(cardText(mine)).not.toContain(REFERENCE);
  });
});

describe('the team channel’s routes', { timeout: 120_000 }, () => {
  it('answer a member of the team and refuse someone who is not', async () => {
    const member = await answerTo(caseworker.with({ kind: 'channel', conversationId: CHANNEL, teamId: TEAM }), { command: 'reminders' });
    expect(member).toContain(REFERENCE);
    // Teams would not let a non-member write there; a forged activity still gets nothing.
    const forged = await answerTo(stranger.with({ tenantId: caseworker.tenantId, kind: 'channel', conversationId: CHANNEL, teamId: TEAM, userId: 'not-a-member', forged: true }), { command: 'reminders' });
    expect(forged).not.toContain(REFERENCE);
  });
});

describe('the result card’s channel list', { timeout: 180_000 }, () => {
  it('offers only channels of the user’s own teams, once each, and refuses another team’s channel when the case is accepted', async () => {
    // A reply in a thread carries ";messageid=" in the conversation id: still the same channel.
    await caseworker.with({ kind: 'channel', conversationId: `${CHANNEL};messageid=42`, channelId: CHANNEL, teamId: TEAM }).say('hjælp', { mention: true });
    // A channel the bot has never heard from, in Teams' own list of the team's channels.
    addTeamChannel(TEAM, '19:door-planning@thread.tacv2', 'Planlægning');
    const { draftId } = await startInterview(caseworker);
    const result = await answerSteps(caseworker, draftId, FAMILIES.level1);
    const json = JSON.stringify(result.card);
    expect(json).toContain(CHANNEL);
    expect(json).toContain('19:door-planning@thread.tacv2');
    expect(cardText(result.card)).toContain('Planlægning');
    expect(json).not.toContain(OTHER_CHANNEL);
    expect(json).not.toContain(';messageid=');
    const accepted = await caseworker.execute('case.accept', caseForm(draftId, OTHER_CHANNEL, 'SAG-DOOR-OTHER'));
    expect(cardText(accepted.card)).not.toContain('er oprettet');
    expect(cardText((await caseworker.execute('case.open', { caseReference: 'SAG-DOOR-OTHER' })).card)).toContain(TEXTS.caseNotFound.da);
  });
});

describe('a reminder card’s «Åbn sagsoverblik»', { timeout: 60_000 }, () => {
  it('opens the case by its id', async () => {
    const opened = await caseworker.execute('case.open', { caseId });
    expect(cardText(opened.card)).toContain(REFERENCE);
  });
});

describe('a card action’s payload', { timeout: 120_000 }, () => {
  it('is parsed before the door: ids that are not ids are refused as an unrecognised card, and nothing is read or written', async () => {
    const audited = async () => {
      const db = await bot.inspect();
      try {
        const [row] = await db.query<{ n: string }>(`SELECT count(*)::text AS n FROM audit_log`);
        return row!.n;
      } finally {
        await db.close();
        await bot.restart();
      }
    };
    const before = [await fingerprint(), await audited()];
    const tampered: [string, Record<string, unknown>][] = [
      ['case.open', { caseId: `${caseId}' OR '1'='1` }],
      ['case.open', { caseId: 42 }],
      ['note.form', { caseId: 'not-a-uuid' }],
      ['case.open', { caseReference: 'x'.repeat(5000) }],
      ['reminder.done', { reminderId: 'abc', decision: 'close' }],
      ['reminder.snooze', { reminderId: -1 }],
      ['reminder.refresh', {}],
    ];
    for (const [verb, data] of tampered) {
      const text = cardText((await caseworker.execute(verb, data)).card);
      expect(text, `${verb} ${JSON.stringify(data).slice(0, 80)}`).toContain(TEXTS.actionNotRecognised.da);
      expect(text).not.toContain(PSEUDONYM);
    }
    expect([await fingerprint(), await audited()], 'no case was read (audited) or changed').toEqual(before);
    // A well-formed payload still opens the case.
    expect(cardText((await caseworker.execute('case.open', { caseId })).card)).toContain(REFERENCE);
  });
});

describe('a member removed from the team', { timeout: 120_000 }, () => {
  it('is refused at their next action once Teams says so (membersRemoved), not when the cached roster expires', async () => {
    const leaver = bot.client({ tenantId: caseworker.tenantId, userName: 'Lise Går' });
    leaver.joinTeam(TEAM);
    expect(refused(cardText((await leaver.execute('case.open', { caseId })).card)), 'a member opens the case').toBe(false);
    leaveTeam(TEAM, leaver.userId);
    // Teams tells the bot in the team's channel; the member's answer was cached a moment ago.
    const inChannel = caseworker.with({ kind: 'channel', conversationId: CHANNEL, teamId: TEAM });
    const update = await inChannel.post({ type: 'conversationUpdate', membersRemoved: [{ id: `29:${leaver.userId}`, aadObjectId: leaver.userId }], channelData: { tenant: { id: caseworker.tenantId }, team: { id: TEAM }, eventType: 'teamMemberRemoved' } });
    expect(update.status).toBeLessThan(300);
    expect(cardText((await leaver.execute('case.open', { caseId })).card)).toContain(TEXTS.caseNotFound.da);
    // And added back: let in again at once.
    leaver.joinTeam(TEAM);
    await inChannel.post({ type: 'conversationUpdate', membersAdded: [{ id: `29:${leaver.userId}`, aadObjectId: leaver.userId }], channelData: { tenant: { id: caseworker.tenantId }, team: { id: TEAM }, eventType: 'teamMemberAdded' } });
    expect(refused(cardText((await leaver.execute('case.open', { caseId })).card)), 'added back').toBe(false);
  });
});
