import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionData, cardsIn, cardText, type BotClient } from '../support/bot-client.js';
import { startTestBot, type TestBot } from '../support/bot-server.js';
import { answerSteps, caseForm, FAMILIES, startInterview } from '../support/interview.js';
import { fixtureParameterFile } from '../support/parameter-fixtures.js';
import { planCardSubmission } from '../support/plan-fixtures.js';

/**
 * A municipality's own figures, bound at start-up for its tenant, reach every date, scope and text
 * that rests on them: the interview, the decision, the stored plan, the reminders, the plan review
 * and the summary. Another tenant of the same bot keeps the standard's figures. Over HTTP, as Teams
 * would drive it. The fixture (test/fixtures/parameters/bound.json): level 2 under 6 years (not
 * 13), granted 2 months at a time (not 3) with 1–4 visits a week (not 2–3), and the § 95 first
 * follow-up after 2 months (not 3).
 */

const OWN = '7e57c0de-0000-4000-8000-00000000b0de';
const OTHER = '7e57c0de-0000-4000-8000-0000000057d0';
const CHANNEL = '19:familie-tal@thread.tacv2';
const TEAM = '19:familie-team-tal@thread.tacv2';
const SLOW = { timeout: 240_000 };

let bot: TestBot;

beforeAll(async () => {
  bot = await startTestBot({ REMINDER_SWEEP_SECONDS: '0', TENANT_PARAMETERS_FILES: `${OWN}=${fixtureParameterFile('bound')}` });
  for (const tenantId of [OWN, OTHER]) {
    await bot.client({ tenantId }).with({ kind: 'channel', conversationId: CHANNEL, channelId: CHANNEL, teamId: TEAM, teamName: 'Familieafdelingen' }).install();
  }
}, 240_000);
afterAll(() => bot?.stop(), 60_000);

function caseworker(tenantId: string): BotClient {
  const me = bot.client({ tenantId, userName: 'Sanne Sagsbehandler' });
  me.joinTeam(TEAM);
  return me;
}

/** A level-2 family of 7 years through the interview to an accepted case starting 2026-01-05. */
async function level2Case(me: BotClient, reference: string, olderChildReason?: string) {
  const { draftId } = await startInterview(me);
  const { special, ...before } = FAMILIES.level2;
  await answerSteps(me, draftId, before);
  // The parents' step answered again: its answer is the last step's card.
  const specialCard = (await me.execute('intake.next', { draftId, stepId: 'parents', ...FAMILIES.level2.parents })).card;
  const result = await me.execute('intake.next', { draftId, stepId: 'special', ...special, ...(olderChildReason ? { olderChildReason } : {}) });
  // The recommendation and its background one tap away (why not, the legal basis, the passages' words).
  const details = await me.execute('result.details', { draftId, verb: 'result.details' });
  const accepted = await me.execute('case.accept', caseForm(draftId, CHANNEL, reference));
  return { specialText: cardText(specialCard), resultText: `${cardText(result.card)}\n${cardText(details.card)}`, accepted };
}

/** The case's stored plan and its pending reminders, read from the bot's own database. */
async function stored(reference: string) {
  const db = await bot.inspect();
  try {
    const [decision] = await db.query<{ chosen_scope: unknown; case_id: string }>(
      `SELECT d.chosen_scope, c.case_id::text FROM decisions d JOIN cases c USING (tenant_id, case_id) WHERE c.reference = $1 ORDER BY d.seq DESC LIMIT 1`,
      [reference],
    );
    const pending = await db.query<{ review_key: string }>(
      `SELECT DISTINCT r.review_key FROM reminders r JOIN cases c USING (tenant_id, case_id) WHERE c.reference = $1 AND r.state = 'pending' ORDER BY r.review_key`,
      [reference],
    );
    return { caseId: decision!.case_id, scope: decision!.chosen_scope, pending: pending.map((r) => r.review_key) };
  } finally {
    await db.close();
    await bot.restart();
  }
}

describe("a tenant's own parameter set, end to end", SLOW, () => {
  it('changes the interview, the decision, the stored scope, the reminders, the plan review, the case card and the summary', async () => {
    const me = caseworker(OWN);
    const own = await level2Case(me, 'SAG-TAL-1', 'Familien har brug for den tætte støtte');
    // The interview asks for a reason from the tenant's age limit (6 years, not 13).
    expect(own.specialText).toContain('Barnet er 6 år eller ældre');
    // The decision: the § 95 first follow-up and the re-grant 2 months after the start.
    expect(own.resultText).toContain('5. marts 2026 · Opfølgning');
    expect(own.resultText).toContain('5. marts 2026 · Ny bevilling');
    expect(own.resultText).toContain('5. marts 2026');
    expect(own.resultText).toContain('over udgangspunktet (under 6 år)');
    expect(cardText(own.accepted.card)).toContain('Første frist: 5. marts 2026');

    // Stored with the decision, and reminded of on the tenant's dates.
    const atStart = await stored('SAG-TAL-1');
    expect(atStart.scope).toMatchObject({ visitsPerWeek: { min: 1, max: 4 }, grantMonths: 2 });
    expect(atStart.pending).toEqual(['follow-up:2026-03-05', 'regrant:2026-03-05']);

    // A review that continues the support sets the next re-grant 2 months on, and the reminders follow.
    await me.execute('plan.save', planCardSubmission(atStart.caseId, { focusPoints: '', tasks_relations: '', tasks_wellbeing: '', tasks_daycare: '', durationValue: '2', durationUnit: 'months' }));
    const [review] = cardsIn(await me.say('gennemgang SAG-TAL-1'));
    const saved = await me.execute('plan.review.save', { ...actionData(review, 'plan.review.save'), reviewDate: '2026-03-01', goal1Progress: 'some', goal2Progress: 'clear', decision: 'continue' });
    expect(cardText(saved.card)).toContain('Gennemgangen er gemt');
    expect(cardText(saved.card)).toContain('1. maj 2026');
    expect((await stored('SAG-TAL-1')).pending).toEqual(['regrant:2026-05-01']);

    // The case card judges the visits against the tenant's 1–4 a week.
    const card = cardsIn(await caseworker(OWN).say('notat SAG-TAL-1 besøg 60 Familien var hjemme.'));
    expect(card.map(cardText).join('\n')).toContain('1 af 1–4 bevilget pr. uge');
    // The summary speaks of the same figures and dates.
    const summary = cardsIn(await caseworker(OWN).say('resumé SAG-TAL-1')).map(cardText).join('\n');
    expect(summary).toContain('under 6 år');
    expect(summary).toContain('senest 2 måneder efter start');
  });

  it("leaves another tenant of the same bot on the standard's figures", async () => {
    const other = await level2Case(caseworker(OTHER), 'SAG-TAL-2');
    expect(other.specialText).not.toContain('eller ældre');
    expect(other.resultText).toContain('senest 3 måneder efter start');
    expect(other.resultText).toContain('5. april 2026');
    const atStart = await stored('SAG-TAL-2');
    expect(atStart.scope).toMatchObject({ visitsPerWeek: { min: 2, max: 3 }, grantMonths: 3 });
    expect(atStart.pending).toEqual(['follow-up:2026-04-05', 'regrant:2026-04-05']);
  });
});
