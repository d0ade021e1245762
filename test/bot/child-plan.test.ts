import { formatDate } from '../../cards/outcome-text.js';
import { addMonths } from '../../rules/dates.js';
import { danishToday } from '../../bot/summary/today.js';
import { describe, expect, it } from 'vitest';
import { actionData, cardsIn, cardText, type BotClient, type CardJson } from '../support/bot-client.js';
import { botInTeam } from '../support/bot-server.js';
import { inputById as input } from '../support/card-json.js';
import { acceptedCase, FAMILIES } from '../support/interview.js';
import { planCardSubmission } from '../support/plan-fixtures.js';

/**
 * Barnets plan (Barnets lov § 91) over real HTTP to /api/messages: at a decision on support under
 * § 32 the plan card asks whether a barnets plan is to be made (ja / nej / ikke besluttet endnu)
 * and, later, the day it was in place; the stance is stored with its audit rows, the summary shows
 * the deadline, in Danish and in English.
 */

const CHANNEL = '19:general-childplan@thread.tacv2';
const TEAM = '19:childplan-team@thread.tacv2';
const SLOW = { timeout: 180_000 };

const team = botInTeam({ channel: CHANNEL, team: TEAM });

const caseworker = (): BotClient => team.caseworker();

/** Interview to a stored case; returns the card that came back (the plan card) and its case id. */
const createCase = (me: BotClient, family: keyof typeof FAMILIES, reference: string) => acceptedCase(me, family, CHANNEL, reference);

const levelPlan = { focusPoints: '', tasks_relations: '', tasks_wellbeing: '', tasks_daycare: '', durationValue: '3', durationUnit: 'months' };
// The case is decided today: barnets plan is due 3 months after the decision (bl.91.1).
const today = () => danishToday(new Date());
const dueOf = (locale: 'da' | 'en') => formatDate(addMonths(today(), 3), locale);

describe('barnets plan on the plan card, over HTTP', SLOW, () => {
  it('is asked after a decision on support under § 32, recorded as ja with its deadline, then as made, in Danish', async () => {
    const me = caseworker();
    const { card, caseId } = await createCase(me, 'level2', 'BP-HTTP-1');
    const text = cardText(card);
    expect(text).toContain('Barnets plan (Barnets lov § 91)');
    expect(text).toContain('Skal der udarbejdes en barnets plan?');
    expect(text).toContain(`I givet fald skal den foreligge senest ${dueOf('da')}.`);
    expect(text).toContain('Ikke besluttet endnu');
    expect(text).toContain('bl.91.1');
    expect(input(card, 'childPlanStance')?.value).toBeUndefined();

    const saved = await me.execute('plan.save', planCardSubmission(caseId, { ...levelPlan, childPlanStance: 'yes' }));
    expect(cardText(saved.card)).toContain(`Planen er gemt (version 1). Barnets plan: skal udarbejdes senest ${dueOf('da')}.`);
    expect(input(saved.card, 'childPlanStance')?.value).toBe('yes');

    // The summary lists the deadline among the case's due dates.
    const [summary] = cardsIn(await me.say('resumé BP-HTTP-1'));
    expect(cardText(summary)).toContain('Barnets plan: Barnets plan skal foreligge senest denne dag');

    // Later, with »plan«: the stance is there, and the day the plan was in place is added alone.
    const [again] = cardsIn(await me.say('plan BP-HTTP-1'));
    expect(input(again, 'childPlanStance')?.value).toBe('yes');
    const ids = actionData(again, 'plan.save');
    const made = await me.execute('plan.save', planCardSubmission(caseId, { ...levelPlan, ...ids, childPlanStance: 'yes', childPlanMadeOn: today() }));
    expect(cardText(made.card)).toContain(`Barnets plan: forelå ${formatDate(today(), 'da')}.`);
    expect(cardText(made.card)).not.toContain('Planen er gemt (version 2)');
    expect(input(made.card, 'childPlanMadeOn')?.value).toBe(today());
    const [after] = cardsIn(await me.say('resumé BP-HTTP-1'));
    expect(cardText(after)).not.toContain('Barnets plan skal foreligge');

    const rows = await stances(caseId);
    expect(rows.map((r) => [r.stance, r.due, r.made_on])).toEqual([
      ['yes', addMonths(today(), 3), null],
      ['yes', addMonths(today(), 3), today()],
    ]);
    expect(rows.map((r) => r.audited)).toEqual([2, 2]);
  });

  it('refuses a day with an answer other than ja, in Danish, and stores nothing', async () => {
    const me = caseworker();
    const { caseId } = await createCase(me, 'level2', 'BP-HTTP-2');
    const refused = await me.execute('plan.save', planCardSubmission(caseId, { ...levelPlan, childPlanStance: 'no', childPlanMadeOn: today() }));
    expect(cardText(refused.card)).toContain('Planen er ikke gemt');
    expect(cardText(refused.card)).toContain('Barnets plan: en dato for, hvornår planen forelå, hører kun til svaret »Ja«.');
    // What was typed is still there.
    expect(input(refused.card, 'childPlanStance')?.value).toBe('no');
    const nej = await me.execute('plan.save', planCardSubmission(caseId, { ...levelPlan, childPlanStance: 'no' }));
    expect(cardText(nej.card)).toContain('Barnets plan: skal ikke udarbejdes.');
    expect((await stances(caseId)).map((r) => r.stance)).toEqual(['no']);
  });

  it('speaks English when Teams does, with the same deadline', async () => {
    const me = caseworker().with({ locale: 'en-US' });
    const { card, caseId } = await createCase(me, 'level2', 'BP-EN-1');
    const text = cardText(card);
    expect(text).toContain('Barnets plan – the child’s plan (Barnets lov § 91)');
    expect(text).toContain('Is a barnets plan to be drawn up?');
    expect(text).toContain(`If so, it must be in place at the latest on ${dueOf('en')}.`);
    expect(text).toContain('Not decided yet');
    expect(text).not.toMatch(/Skal der udarbejdes|Ikke besluttet|forelå|I givet fald/);
    const undecided = await me.execute('plan.save', planCardSubmission(caseId, { ...levelPlan, childPlanStance: 'undecided' }));
    expect(cardText(undecided.card)).toContain('The plan is saved (version 1). Barnets plan: not decided yet.');
    const refused = await me.execute('plan.save', planCardSubmission(caseId, { ...levelPlan, baseVersion: '1', childPlanStance: 'yes', childPlanMadeOn: '2099-01-01' }));
    expect(cardText(refused.card)).toContain('Barnets plan: the day the plan was in place cannot be after today.');
    expect(cardText(refused.card)).not.toMatch(/Planen er ikke gemt|Barnets plan: datoen/);
    const yes = await me.execute('plan.save', planCardSubmission(caseId, { ...levelPlan, baseVersion: '1', childPlanStance: 'yes' }));
    expect(cardText(yes.card)).toContain(`Barnets plan: to be drawn up, at the latest on ${dueOf('en')}.`);
    const [summary] = cardsIn(await me.say('summary BP-EN-1'));
    expect(cardText(summary)).toContain('Barnets plan (the child’s plan): Barnets plan (the child\'s plan) must be in place by this day');
  });

  it('is not asked for a preventive course (no support under § 32)', async () => {
    const me = caseworker();
    const { card, caseId } = await createCase(me, 'preventive', 'BP-HTTP-3');
    expect(cardText(card)).not.toContain('Barnets plan');
    expect(input(card, 'childPlanStance')).toBeUndefined();
    // A stance sent anyway is not stored.
    const saved = await me.execute('plan.save', planCardSubmission(caseId, { childPlanStance: 'yes' }));
    expect(cardText(saved.card)).toContain('Planen er gemt (version 1).');
    expect(cardText(saved.card)).not.toContain('Barnets plan');
    expect(await stances(caseId)).toEqual([]);
  });
});

/** The case's stances, oldest first, each with how many record audit rows the case has; read from the bot's own database. */
async function stances(caseId: string): Promise<{ stance: string; due: string | null; made_on: string | null; audited: number }[]> {
  const db = await team.bot.inspect();
  try {
    return await db.query(
      `SELECT s.stance, s.due::text AS due, s.made_on::text AS made_on,
              (SELECT count(*)::int FROM audit_log a WHERE a.tenant_id = s.tenant_id AND a.case_id = s.case_id AND a.action = 'childplan.record') AS audited
       FROM child_plan_stances s WHERE s.case_id = $1::uuid ORDER BY s.seq`,
      [caseId],
    );
  } finally {
    await db.close();
    await team.bot.restart();
  }
}
