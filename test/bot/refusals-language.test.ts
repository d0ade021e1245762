import { describe, expect, it } from 'vitest';
import { actionData, cardsIn, cardText, type BotClient, type CardJson } from '../support/bot-client.js';
import { botInTeam } from '../support/bot-server.js';
import { acceptedCase, FAMILIES } from '../support/interview.js';
import { danishIn } from '../support/language.js';
import { planCardSubmission } from '../support/plan-fixtures.js';

/**
 * A refused plan or review over /api/messages, from a caseworker whose Teams is English and one
 * whose Teams is Danish: the schema's problems, the review's own checks and storage's last-line
 * refusals each come in the reader's language, with the field named as on the card.
 */

const SLOW = { timeout: 240_000 };
const TEAM = '19:refusals-team@thread.tacv2';
const CHANNEL = '19:refusals-general@thread.tacv2';

const team = botInTeam({ channel: CHANNEL, team: TEAM });

type Lang = 'en' | 'da';
const caseworker = (lang: Lang): BotClient => team.caseworker({ userName: 'Sanne Sprog', locale: lang === 'en' ? 'en-US' : 'da-DK' });

let n = 0;
async function createCase(me: BotClient, family: keyof typeof FAMILIES): Promise<{ caseId: string; reference: string }> {
  const reference = `AFVIST-${family}-${++n}`;
  const { caseId } = await acceptedCase(me, family, CHANNEL, reference);
  return { caseId, reference };
}

/** The card's line that holds `words`, checked to read in the reader's language alone. */
function lineWith(card: CardJson | undefined, words: string, lang: Lang): string {
  const line = cardText(card)
    .split('\n')
    .find((l) => l.includes(words));
  expect(line, `a line with »${words}« in:\n${cardText(card)}`).toBeDefined();
  if (lang === 'en') expect(danishIn(line!), line).toEqual([]);
  return line!;
}

const levelPlan = { focusPoints: '', tasks_relations: '', tasks_wellbeing: '', tasks_daycare: '', durationValue: '3', durationUnit: 'months' };

const PLAN = {
  en: {
    refused: 'The plan was not saved.',
    goals: 'Goals: write at least one goal',
    long: 'Purpose: is too long: at most 1000 characters; shorten the text',
    cpr: 'Goal 1, how we see progress: looks like a CPR number, which must not be stored',
    duration: 'Expected duration: is too long: a hjemmepædagogisk indsats lasts at most 40 weeks (10 months)',
    wellbeing: 'Wellbeing, ',
    reason: ': Write a short reason for each score (at most 200 characters).',
    changed: 'The plan has been changed since you opened it. Open the plan again with »plan« and the case number',
  },
  da: {
    refused: 'Planen er ikke gemt.',
    goals: 'Mål: skriv mindst ét mål',
    long: 'Formål: er for lang: højst 1000 tegn; forkort teksten',
    cpr: 'Mål 1, sådan ser vi fremskridt: ligner et CPR-nummer, som ikke må gemmes',
    duration: 'Forventet varighed: er for lang: en hjemmepædagogisk indsats varer højst 40 uger (10 måneder)',
    wellbeing: 'Trivsel, ',
    reason: ': Skriv en kort begrundelse for hver score (højst 200 tegn).',
    changed: 'Planen er blevet ændret, siden du åbnede den. Åbn planen igen med »plan« og sagsnummeret',
  },
} as const;

const REVIEW = {
  en: {
    refused: 'The review was not saved.',
    progress: 'Goal 2, progress: choose the progress (not started, some, clear, reached)',
    extend: 'What the review leads to: the course lasts at most 40 weeks and cannot be extended; choose »Close« or »Change level (new decision)«',
    age: "Age-appropriate when starting daycare: say whether the child's development was age-appropriate",
    escalation: 'Underretning to the family department: the home turns out to need further help or intervention.',
  },
  da: {
    refused: 'Gennemgangen er ikke gemt.',
    progress: 'Mål 2, fremskridt: vælg fremskridt (ikke startet, noget, tydeligt, nået)',
    extend: 'Hvad gennemgangen fører til: indsatsen varer højst 40 uger og kan ikke forlænges; vælg »Afslut« eller »Skift niveau (ny afgørelse)«',
    age: 'Alderssvarende ved start i dagtilbud: angiv om barnet var alderssvarende',
    escalation: 'Underretning til familieafdelingen: hjemmet viser sig at kræve yderligere hjælp eller indgriben.',
  },
} as const;

const FREE_TEXT = {
  en: { nothing: 'I found nothing in the standards that fits what you wrote.', commands: 'Commands: »new case«, »my cases«' },
  da: { nothing: 'Jeg fandt ikke noget i standarderne, der passer på det, du skrev.', commands: 'Kommandoer: »ny sag«, »mine sager«' },
} as const;

describe.each(['en', 'da'] as const)('free text that is no command, from a caseworker whose Teams is in %s', SLOW, (lang) => {
  it('is answered from the standards in that language, the passages quoted in Danish', async () => {
    const other: Lang = lang === 'en' ? 'da' : 'en';
    const nothing = JSON.stringify(await caseworker(lang).say('xyzzy qwerty'));
    expect(nothing).toContain(FREE_TEXT[lang].nothing);
    expect(nothing).toContain(FREE_TEXT[lang].commands);
    expect(nothing).not.toContain(FREE_TEXT[other].commands);
    const found = JSON.stringify(await caseworker(lang).say('hvor længe varer en hjemmepædagogisk indsats'));
    expect(found).toContain(lang === 'en' ? 'This is what the standards say' : 'Det siger standarderne:');
    expect(found).toContain('(hpi.4.varighed)');
  });
});

describe.each(['en', 'da'] as const)('a card action Teams sent malformed, from a client in %s', SLOW, (lang) => {
  it('is refused with a 400 saying so in that language', async () => {
    const response = await caseworker(lang).post({ type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute' } } });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { value?: { message?: string } };
    expect(body.value?.message).toBe(lang === 'en' ? 'The action could not be read. Try again from the card.' : 'Handlingen kunne ikke læses. Prøv igen fra kortet.');
  });
});

describe.each(['en', 'da'] as const)('a refused plan or review, to a caseworker whose Teams is in %s', SLOW, (lang) => {
  const other: Lang = lang === 'en' ? 'da' : 'en';

  it('names each problem of the plan and the field it is in, in that language only', async () => {
    const me = caseworker(lang);
    const { caseId } = await createCase(me, 'preventive');
    const refused = await me.execute(
      'plan.save',
      planCardSubmission(caseId, { goal1Text: '', goal1Sign: '', goal2Text: '', goal2Sign: '', purpose: 'x'.repeat(1200), durationValue: '41' }),
    );
    expect(cardText(refused.card)).toContain(PLAN[lang].refused);
    for (const key of ['goals', 'long', 'duration'] as const) {
      lineWith(refused.card, PLAN[lang][key], lang);
      expect(cardText(refused.card)).not.toContain(PLAN[other][key]);
    }
    const cpr = await me.execute('plan.save', planCardSubmission(caseId, { goal1Sign: 'Se journal 010203-1234' }));
    lineWith(cpr.card, PLAN[lang].cpr, lang);
  });

  it('says what storage refused (a plan changed meanwhile, a score without its reason) in that language', async () => {
    const me = caseworker(lang);
    const { caseId } = await createCase(me, 'level2');
    const unreasoned = await me.execute('plan.save', planCardSubmission(caseId, { ...levelPlan, 'wellbeing_child-development_score': '3', 'wellbeing_child-development_reason': '' }));
    const line = lineWith(unreasoned.card, PLAN[lang].reason, lang);
    expect(line).toContain(PLAN[lang].wellbeing);
    await me.execute('plan.save', planCardSubmission(caseId, levelPlan));
    // The same first-version form, changed, saved after version 1 was: the plan moved on meanwhile.
    const stale = await me.execute('plan.save', planCardSubmission(caseId, { ...levelPlan, purpose: 'Et andet formål med indsatsen, skrevet bagefter.' }));
    lineWith(stale.card, PLAN[lang].changed, lang);
    expect(cardText(stale.card)).not.toContain(PLAN[other].changed);
  });

  it('names what a review misses and what the rules refuse, and words the escalation it records, in that language', async () => {
    const me = caseworker(lang);
    const { caseId, reference } = await createCase(me, 'preventive');
    await me.execute('plan.save', planCardSubmission(caseId));
    const [review] = cardsIn(await me.say(`${lang === 'en' ? 'review' : 'gennemgang'} ${reference}`));
    // The due date the review answers, in the rules' own words for that language.
    const due = lineWith(review, lang === 'en' ? 'Due ' : 'Frist ', lang);
    expect(due).toMatch(/\((hpi|pps)\.[a-z0-9.]+\)$/);
    const ids = actionData(review, 'plan.review.save');
    const missing = await me.execute('plan.review.save', { ...ids, reviewDate: '2026-04-01', goal1Progress: 'some', decision: 'continue' });
    expect(cardText(missing.card)).toContain(REVIEW[lang].refused);
    lineWith(missing.card, REVIEW[lang].progress, lang);
    const extend = await me.execute('plan.review.save', { ...ids, reviewDate: '2026-04-01', goal1Progress: 'some', goal2Progress: 'clear', decision: 'extend' });
    lineWith(extend.card, REVIEW[lang].extend, lang);
    const close = await me.execute('plan.review.save', { ...ids, reviewDate: '2026-04-01', goal1Progress: 'some', goal2Progress: 'clear', decision: 'close' });
    lineWith(close.card, REVIEW[lang].age, lang);
    expect(cardText(close.card)).not.toContain(REVIEW[other].age);
    const escalated = await me.execute('plan.review.save', { ...ids, reviewDate: '2026-04-01', goal1Progress: 'some', goal2Progress: 'clear', decision: 'escalate' });
    lineWith(escalated.card, REVIEW[lang].escalation, lang);
    expect(cardText(escalated.card)).not.toContain(REVIEW[other].escalation);
  });
});
