import { formatDate } from '../../cards/outcome-text.js';
import { addMonths } from '../../rules/dates.js';
import { describe, expect, it } from 'vitest';
import { actionData, cardsIn, cardText, type BotClient, type CardJson } from '../support/bot-client.js';
import { botInTeam } from '../support/bot-server.js';
import { inputById as input } from '../support/card-json.js';
import { acceptedCase, FAMILIES } from '../support/interview.js';
import { planCardSubmission } from '../support/plan-fixtures.js';

/**
 * The case plan and its reviews over real HTTP to /api/messages: a case is created through the
 * interview, its plan card comes back, the plan is saved and reviewed with Action.Execute clicks,
 * and what was stored is read back from the bot's own database.
 */

const CHANNEL = '19:general-plan@thread.tacv2';
const SLOW = { timeout: 180_000 };

// No background sweeps: the reminders' states are the review's doing, not a post's.
const team = botInTeam({ channel: CHANNEL, team: '19:plan-team@thread.tacv2' });

/** A caseworker of the plan team, in a personal chat of their own. */
const caseworker = (): BotClient => team.caseworker();

/** Interview to a stored case; returns the card that came back (the plan card) and its case id. */
const createCase = (me: BotClient, family: keyof typeof FAMILIES, reference: string) => acceptedCase(me, family, CHANNEL, reference);

const levelPlan = { focusPoints: '', tasks_relations: '', tasks_wellbeing: '', tasks_daycare: '', durationValue: '3', durationUnit: 'months' };

describe('the case plan over HTTP', SLOW, () => {
  it('comes after accepting the decision, prefilled from it, and is saved as version 1', async () => {
    const me = caseworker();
    const { card, caseId } = await createCase(me, 'preventive', 'PLAN-HTTP-1');
    expect(cardText(card)).toContain('Sag PLAN-HTTP-1 er oprettet');
    expect(cardText(card)).toContain('højst 40 uger');
    const saved = await me.execute('plan.save', planCardSubmission(caseId));
    expect(cardText(saved.card)).toContain('Planen er gemt (version 1).');
    // The same form saved again (the first answer lost): saved once, and not "changed since you opened it".
    const savedAgain = await me.execute('plan.save', planCardSubmission(caseId));
    expect(cardText(savedAgain.card)).toContain('Planen er gemt (version 1).');
    // Opened again later by command, with what was saved.
    const [again] = cardsIn(await me.say('plan PLAN-HTTP-1'));
    expect(cardText(again)).toContain('Faste sovetider, der holder');
    expect(actionData(again, 'plan.save')?.baseVersion).toBe('1');
  });

  it('speaks English throughout when Teams does: the plan after the case, its save, the review and its result', async () => {
    const me = caseworker().with({ locale: 'en-US' });
    const { card, caseId } = await createCase(me, 'level2', 'PLAN-EN-7');
    const planText = cardText(card);
    expect(planText).toContain('Case PLAN-EN-7 is created.');
    expect(planText).toMatch(/First due date: \d{1,2} [A-Z][a-z]+ 20\d\d\./);
    expect(planText).toContain('Purpose of the support (in your own words)');
    expect(planText).not.toMatch(/Formål med indsatsen|Gem plan|Henvist af|Skriv nu planen|Barnets trivsel/);
    expect(planText).toContain('Short reason (no names or CPR)');
    const saved = await me.execute('plan.save', planCardSubmission(caseId, levelPlan));
    expect(cardText(saved.card)).toContain('The plan is saved (version 1).');
    const [review] = cardsIn(await me.say('review PLAN-EN-7'));
    expect(cardText(review)).toContain('Review of the plan: case PLAN-EN-7');
    expect(cardText(review)).toContain('No earlier review');
    expect(cardText(review)).not.toMatch(/Gennemgang af planen|Gem gennemgang|Ingen tidligere|Trivsel|Forældrenes kompetencer/);
    expect(cardText(review)).toContain("The child's wellbeing (1–5), optional");
    expect(cardText(review)).toContain("The parents' capacity");
    expect(cardText(review)).toContain('5 – very good');
    const ids = actionData(review, 'plan.review.save');
    const done = await me.execute('plan.review.save', { ...ids, reviewDate: '2026-04-01', goal1Progress: 'some', goal2Progress: 'clear', decision: 'continue' });
    expect(cardText(done.card)).toContain('The review is saved');
    expect(cardText(done.card)).toContain('1 July 2026');
    expect(cardText(done.card)).not.toMatch(/Næste gennemgang|Afgørelse|Fremskridt/);
  });

  it.each([
    ['empty goals', { goal1Text: '', goal1Sign: '', goal2Text: '', goal2Sign: '' }, 'Mål: skriv mindst ét mål'],
    ['over-long text', { purpose: 'x'.repeat(1200) }, 'Formål: er for lang: højst 1000 tegn'],
    ['a CPR-like number', { goal1Sign: 'Se journal 010203-1234' }, 'Mål 1, sådan ser vi fremskridt: ligner et CPR-nummer'],
  ])('refuses %s with a clear Danish message and stores nothing', async (_what, overrides, message) => {
    const me = caseworker();
    const { caseId } = await createCase(me, 'preventive', `PLAN-BAD-${Math.random().toString(36).slice(2, 8)}`);
    const refused = await me.execute('plan.save', planCardSubmission(caseId, overrides));
    expect(cardText(refused.card)).toContain('Planen er ikke gemt');
    expect(cardText(refused.card)).toContain(message);
    expect(await countRows('plans', caseId)).toBe(0);
  });

  it('a review moves the goals and schedules the next review', async () => {
    const me = caseworker();
    const { caseId } = await createCase(me, 'level2', 'PLAN-HTTP-2');
    await me.execute('plan.save', planCardSubmission(caseId, levelPlan));
    const [review] = cardsIn(await me.say('gennemgang PLAN-HTTP-2'));
    const ids = actionData(review, 'plan.review.save');
    expect(cardText(review)).toContain('Ingen tidligere gennemgang');
    const submission = { ...ids, reviewDate: '2026-04-01', goal1Progress: 'some', goal2Progress: 'clear', decision: 'continue' };
    const saved = await me.execute('plan.review.save', submission);
    expect(cardText(saved.card)).toContain('Gennemgangen er gemt');
    // The same form saved again, as after an answer lost on the way: still one review.
    const again = await me.execute('plan.review.save', submission);
    expect(cardText(again.card)).toContain('Gennemgangen er gemt');
    expect(await countRows('plan_reviews', caseId)).toBe(1);
    // Level 2 is granted 3 months at a time: the next re-grant is 3 months after this review.
    expect(cardText(saved.card)).toContain('1. juli 2026');
    const [next] = cardsIn(await me.say('gennemgang PLAN-HTTP-2'));
    expect(cardText(next)).toContain('Seneste: Noget (1. april 2026)');
    // The reminders follow the review: both reviews due on the day the card showed are done, and the
    // next notice is for the re-grant the review set, not one counted from the old due date.
    expect(await reminderState(caseId)).toMatchObject({ outcome: 'level2', closed: false, done: ['follow-up:2026-04-05', 'regrant:2026-04-05'], pending: ['regrant:2026-07-01'] });
  });

  it('a level change keeps both decisions and recomputes the due dates', async () => {
    const me = caseworker();
    const { caseId } = await createCase(me, 'level2', 'PLAN-HTTP-3');
    await me.execute('plan.save', planCardSubmission(caseId, levelPlan));
    const [review] = cardsIn(await me.say('gennemgang PLAN-HTTP-3'));
    const submission = {
      ...actionData(review, 'plan.review.save'),
      reviewDate: '2026-04-05',
      goal1Progress: 'not-started',
      goal2Progress: 'some',
      decision: 'change-level',
      fact_parentalCapacityUnclear: 'no',
      fact_emotionalCareAdequate: 'yes',
      fact_practicalCareSeriousDeficits: 'yes',
      fact_parentsSeeNeed: 'yes',
    };
    const saved = await me.execute('plan.review.save', submission);
    expect(cardText(saved.card)).toContain('Ny afgørelse');
    expect(cardText(saved.card)).toContain('5. juli 2026');
    // Saved again from the same form (its answer lost): the level changes once, not twice, and the
    // caseworker is not told the decision changed under them; it was their own change.
    const again = await me.execute('plan.review.save', submission);
    expect(cardText(again.card)).toContain('Ny afgørelse');
    expect(await countRows('plan_reviews', caseId)).toBe(1);
    // The reminders now follow level 3 and its dates from the review on.
    const reminders = await reminderState(caseId);
    expect(reminders).toMatchObject({ outcome: 'level3', closed: false });
    expect(reminders.pending.length).toBeGreaterThan(0);
    expect(reminders.pending.every((key) => key.slice(key.indexOf(':') + 1) > '2026-04-05')).toBe(true);
    const db = await team.bot.inspect();
    try {
      const rows = await db.query<{ chosen_outcome: string; start: string }>(
        `SELECT chosen_outcome, recommended->>'startDate' AS start FROM decisions WHERE case_id = $1::uuid ORDER BY seq`,
        [caseId],
      );
      expect(rows).toEqual([
        { chosen_outcome: 'level2', start: '2026-01-05' },
        { chosen_outcome: 'level3', start: '2026-04-05' },
      ]);
    } finally {
      await db.close();
      await team.bot.restart();
    }
  });

  it('closing a preventive course records its outcome and the follow-up at age three', async () => {
    const me = caseworker();
    const { caseId } = await createCase(me, 'preventive', 'PLAN-HTTP-4');
    await me.execute('plan.save', planCardSubmission(caseId));
    const [review] = cardsIn(await me.say('gennemgang PLAN-HTTP-4'));
    const saved = await me.execute('plan.review.save', {
      ...actionData(review, 'plan.review.save'),
      reviewDate: '2026-09-20',
      goal1Progress: 'reached',
      goal2Progress: 'clear',
      decision: 'close',
      ageAppropriate: 'yes',
    });
    // 10 months old on the day of the interview (the facts' reference date), whatever the start:
    // surely three 26 months after that day.
    const atThree = addMonths(await referenceDateOf(caseId), 26);
    expect(cardText(saved.card)).toContain(formatDate(atThree, 'da'));
    expect(cardText(saved.card)).toContain('Ingen – sagen er afsluttet');
    // A closed course keeps one reminder for the team's channel: the follow-up at age three.
    expect(await reminderState(caseId)).toMatchObject({ closed: false, pending: [`follow-up:${atThree}`] });
  });
});

/** The wellbeing fields as a card sends them: one score and one reason per area (the default ICS areas). */
const scores = (child: string, parents: string, family: string, reason = 'Set ved hjemmebesøg') => ({
  'wellbeing_child-development_score': child,
  'wellbeing_child-development_reason': reason,
  'wellbeing_parenting-capacity_score': parents,
  'wellbeing_parenting-capacity_reason': reason,
  'wellbeing_family-surroundings_score': family,
  'wellbeing_family-surroundings_reason': reason,
});


describe('the child\'s wellbeing over HTTP', SLOW, () => {
  it('is scored on the first plan and at every review, stored with them, and the summary shows the course', async () => {
    const me = caseworker();
    const { card, caseId } = await createCase(me, 'level2', 'TRIVSEL-1');
    expect(cardText(card)).toContain('Barnets trivsel (1–5), valgfrit');
    expect(input(card, 'wellbeing_parenting-capacity_score'), 'the first plan asks for the intake scores').toBeDefined();
    const planned = await me.execute('plan.save', planCardSubmission(caseId, { ...levelPlan, ...scores('2', '3', '3') }));
    expect(cardText(planned.card)).toContain('Planen er gemt (version 1).');
    expect(input(planned.card, 'wellbeing_parenting-capacity_score'), 'later plan versions carry no intake scores').toBeUndefined();
    for (const [date, child] of [['2026-04-01', '3'], ['2026-07-01', '4']] as const) {
      const [review] = cardsIn(await me.say('gennemgang TRIVSEL-1'));
      expect(input(review, 'wellbeing_child-development_reason')).toBeDefined();
      const done = await me.execute('plan.review.save', {
        ...actionData(review, 'plan.review.save'),
        reviewDate: date,
        goal1Progress: 'some',
        goal2Progress: 'clear',
        decision: 'continue',
        ...scores(child, '3', '4'),
      });
      expect(cardText(done.card)).toContain('Gennemgangen er gemt');
      expect(cardText(done.card)).toContain(`Barnets udvikling og adfærd ${child} · Forældrenes kompetencer 3 · Familie og netværk 4`);
    }
    const [summary] = cardsIn(await me.say('resumé TRIVSEL-1'));
    expect(cardText(summary)).toContain('Trivsel (1–5): Barnets udvikling og adfærd 2 → 3 → 4 · Forældrenes kompetencer 3 → 3 → 3 · Familie og netværk 3 → 4 → 4');
    const db = await team.bot.inspect();
    try {
      const rows = await db.query<{ occasion: string; with_review: boolean; n: number }>(
        `SELECT occasion, review_id IS NOT NULL AS with_review, count(*)::int AS n FROM wellbeing_scores WHERE case_id = $1::uuid GROUP BY 1, 2 ORDER BY 1`,
        [caseId],
      );
      expect(rows).toEqual([
        { occasion: 'intake', with_review: false, n: 3 },
        { occasion: 'review', with_review: true, n: 6 },
      ]);
      const [audit] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE case_id = $1::uuid AND action = 'wellbeing.record'`, [caseId]);
      expect(audit?.n, 'each assessment written is audited').toBe(3);
    } finally {
      await db.close();
      await team.bot.restart();
    }
  });

  it.each([
    ['a score without its reason', { 'wellbeing_child-development_reason': '' }, 'Trivsel, Barnets udvikling og adfærd: Skriv en kort begrundelse for hver score (højst 200 tegn).', 'TRIVSEL-BAD-1'],
    ['a reason over 200 characters', { 'wellbeing_parenting-capacity_reason': 'x'.repeat(201) }, 'Trivsel, Forældrenes kompetencer: Skriv en kort begrundelse', 'TRIVSEL-BAD-2'],
    ['a CPR number in a reason', { 'wellbeing_family-surroundings_reason': 'Se 010203-1234' }, 'Trivsel, Familie og netværk: Begrundelsen indeholder noget, der ligner et CPR-nummer', 'TRIVSEL-BAD-3'],
    ['a reason without its score', { 'wellbeing_child-development_score': '' }, 'Trivsel, Barnets udvikling og adfærd: Vælg en score fra 1 til 5', 'TRIVSEL-BAD-4'],
  ])('refuses %s at a review, keeps what was typed and stores nothing', async (_what, overrides, message, reference) => {
    const me = caseworker();
    const { caseId } = await createCase(me, 'level2', reference);
    await me.execute('plan.save', planCardSubmission(caseId, levelPlan));
    const [review] = cardsIn(await me.say(`gennemgang ${reference}`));
    const typed = { ...scores('2', '3', '4', 'Sover bedre'), ...overrides };
    const refused = await me.execute('plan.review.save', {
      ...actionData(review, 'plan.review.save'),
      reviewDate: '2026-04-01',
      goal1Progress: 'some',
      goal2Progress: 'clear',
      decision: 'continue',
      ...typed,
    });
    expect(cardText(refused.card)).toContain('Gennemgangen er ikke gemt');
    expect(cardText(refused.card)).toContain(message);
    for (const [id, value] of Object.entries(typed)) {
      if (value) expect(input(refused.card, id)?.value, `${id} is kept`).toBe(value);
    }
    expect(input(refused.card, 'goal1Progress')?.value, 'the rest of the review is kept too').toBe('some');
    expect(await countRows('plan_reviews', caseId)).toBe(0);
    expect(await countRows('wellbeing_scores', caseId)).toBe(0);
  });

  it('stays optional: a review without any score is saved and stores none', async () => {
    const me = caseworker();
    const { caseId } = await createCase(me, 'level2', 'TRIVSEL-0');
    await me.execute('plan.save', planCardSubmission(caseId, levelPlan));
    const [review] = cardsIn(await me.say('gennemgang TRIVSEL-0'));
    const done = await me.execute('plan.review.save', { ...actionData(review, 'plan.review.save'), reviewDate: '2026-04-01', goal1Progress: 'some', goal2Progress: 'clear', decision: 'continue' });
    expect(cardText(done.card)).toContain('Gennemgangen er gemt');
    expect(cardText(done.card)).not.toContain('Trivsel');
    expect(await countRows('wellbeing_scores', caseId)).toBe(0);
  });

  it('records the school as referrer of a school child', async () => {
    const me = caseworker();
    const { card, caseId } = await createCase(me, 'level2', 'HENVIST-SKOLE');
    expect(cardText(card)).toContain('Skole');
    const saved = await me.execute('plan.save', planCardSubmission(caseId, { ...levelPlan, referralSource: 'school' }));
    expect(cardText(saved.card)).toContain('Planen er gemt (version 1).');
    expect(input(saved.card, 'referralSource')?.value).toBe('school');
  });
});

/** What the case's reminders stand at: its schedule row, the reviews done, and the notices still to go out. */
async function reminderState(caseId: string) {
  const db = await team.bot.inspect();
  try {
    const [schedule] = await db.query<{ outcome: string; closed: boolean }>('SELECT outcome, closed FROM reminder_cases WHERE case_id = $1::uuid', [caseId]);
    const done = await db.query<{ review: string }>(`SELECT kind || ':' || to_char(due, 'YYYY-MM-DD') AS review FROM review_completions WHERE case_id = $1::uuid ORDER BY due`, [caseId]);
    const pending = await db.query<{ review: string }>(
      `SELECT DISTINCT review_key AS review FROM reminders WHERE case_id = $1::uuid AND state = 'pending' ORDER BY review_key`,
      [caseId],
    );
    return { ...schedule, done: done.map((r) => r.review), pending: pending.map((r) => r.review) };
  } finally {
    await db.close();
    await team.bot.restart();
  }
}

/** The day the case's facts were given on (the interview's day), read from the bot's own database. */
async function referenceDateOf(caseId: string): Promise<string> {
  const db = await team.bot.inspect();
  try {
    const [row] = await db.query<{ day: string }>(`SELECT facts->>'referenceDate' AS day FROM cases WHERE case_id = $1::uuid`, [caseId]);
    return row!.day;
  } finally {
    await db.close();
    await team.bot.restart();
  }
}

/** Rows the case has in a table of the plan (plans, plan_reviews), read from the bot's own database. */
async function countRows(table: 'plans' | 'plan_reviews' | 'wellbeing_scores', caseId: string): Promise<number> {
  const db = await team.bot.inspect();
  try {
    const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE case_id = $1::uuid`, [caseId]);
    return row?.n ?? 0;
  } finally {
    await db.close();
    await team.bot.restart();
  }
}
