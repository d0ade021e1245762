import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionData, cardsIn, cardText, type BotClient } from '../support/bot-client.js';
import { startTestBot, type TestBot } from '../support/bot-server.js';
import { startFakeOpenAi, type FakeOpenAi } from '../support/fake-openai.js';
import { answerSteps, caseForm, FAMILIES, startInterview, type StepAnswers } from '../support/interview.js';

const CHANNEL = '19:general-notes@thread.tacv2';
const CASEWORKER_NAME = 'Mette Sørensen';
const today = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

async function storedCase(client: BotClient, reference: string, family: StepAnswers): Promise<void> {
  await client.with({ kind: 'channel', conversationId: CHANNEL }).install();
  const { draftId } = await startInterview(client);
  await answerSteps(client, draftId, family);
  const created = await client.execute('case.accept', caseForm(draftId, CHANNEL, reference));
  expect(cardText(created.card)).toContain(reference);
}

async function noteRows(bot: TestBot, reference: string) {
  const db = await bot.inspect();
  try {
    return await db.query<{ kind: string; minutes: number; text: string; author_id: string; author_name: string }>(
      `SELECT n.kind, n.minutes, n.text, n.author_id, n.author_name FROM case_notes n JOIN cases c ON c.tenant_id = n.tenant_id AND c.case_id = n.case_id
       WHERE c.reference = $1 ORDER BY n.seq`,
      [reference],
    );
  } finally {
    await db.close();
  }
}

describe('notes on a case, without a language model', { timeout: 240_000 }, () => {
  const REFERENCE = 'SAG-2026-0101';
  let bot: TestBot;
  let caseworker: BotClient;
  let outsider: BotClient;

  beforeAll(async () => {
    bot = await startTestBot();
    caseworker = bot.client({ userName: CASEWORKER_NAME });
    outsider = bot.client();
    await storedCase(caseworker, REFERENCE, FAMILIES.level1);
  }, 240_000);
  afterAll(() => bot.stop(), 60_000);

  it('a note added by command shows on the case card as a visit used this week', async () => {
    const [card] = cardsIn(await caseworker.say(`notat ${REFERENCE} besøg 60 Familien var hjemme, vi talte om morgenrutinen.`));
    const text = cardText(card);
    expect(text).toContain(REFERENCE);
    expect(text).toMatch(/Besøg denne uge: 1 af/);
    expect(text).toContain('(1 notater)');
  });

  it('the English alias and a two-word kind work, and an interdisciplinary meeting counts as a visit', async () => {
    const [card] = cardsIn(await caseworker.say(`note ${REFERENCE} tværfagligt møde 45 Møde med skolen om fravær.`));
    const text = cardText(card);
    expect(text).toMatch(/Besøg denne uge: 2 af/);
    expect(text).toMatch(/heraf 1 tværfaglige møder/);
  });

  it('the case card offers "Tilføj notat", and a note from its form is saved', async () => {
    const [found] = cardsIn(await caseworker.say(`find ${REFERENCE}`));
    const open = actionData(found, 'note.form');
    expect(open).toBeDefined();
    const form = await caseworker.execute('note.form', open!);
    expect(cardText(form.card)).toContain('Nyt notat');
    const saved = await caseworker.execute('note.add', { ...actionData(form.card, 'note.add'), kind: 'phone', date: today(), minutes: '15', text: 'Mor ringede om tandlæge.' });
    expect(cardText(saved.card)).toContain('(3 notater)');
  });

  it('a CPR number in a note is refused with a Danish message that keeps the text', async () => {
    const typed = 'Barnets CPR er 010203-1234, noteret ved besøget.';
    const fromForm = await caseworker.execute('note.add', { caseReference: REFERENCE, kind: 'visit', date: today(), minutes: '30', text: typed });
    expect(cardText(fromForm.card)).toMatch(/CPR-nummer/);
    expect(cardText(fromForm.card)).toContain(typed);
    const [fromCommand] = cardsIn(await caseworker.say(`notat ${REFERENCE} besøg 30 ${typed}`));
    expect(cardText(fromCommand)).toMatch(/CPR-nummer/);
    expect(cardText(fromCommand)).toContain(typed);
  });

  it('a user of another tenant cannot add a note to the case', async () => {
    const [byCommand] = cardsIn(await outsider.say(`notat ${REFERENCE} besøg 30 Forsøg udefra.`));
    expect(cardText(byCommand)).toMatch(/ingen sag/i);
    const byCard = await outsider.execute('note.add', { caseReference: REFERENCE, kind: 'visit', date: today(), minutes: '30', text: 'Forsøg udefra.' });
    expect(cardText(byCard.card)).toMatch(/ingen sag/i);
  });

  it('"noter <sagsnummer>" answers with the extractive summary, labelled "uden sprogmodel"', async () => {
    const [card] = cardsIn(await caseworker.say(`noter ${REFERENCE}`));
    const text = cardText(card);
    expect(text).toContain('uden sprogmodel');
    expect(text).toContain('morgenrutinen');
    expect(text).toContain('tandlæge');
  });

  it('the case card\'s "Resumé af notater" button answers with the summary as a new message', async () => {
    const [found] = cardsIn(await caseworker.say(`find ${REFERENCE}`));
    const data = actionData(found, 'note.summary');
    expect(data).toEqual({ verb: 'note.summary', caseReference: REFERENCE });
    const [card] = cardsIn(await caseworker.submit(data!));
    expect(cardText(card)).toContain('uden sprogmodel');
    expect(cardText(card)).toContain('tandlæge');
  });

  it('stored exactly the three accepted notes, authored by the caseworker', async () => {
    const rows = await noteRows(bot, REFERENCE);
    expect(rows.map((r) => [r.kind, r.minutes])).toEqual([
      ['visit', 60],
      ['interdisciplinary-meeting', 45],
      ['phone', 15],
    ]);
    expect(new Set(rows.map((r) => r.author_id))).toEqual(new Set([caseworker.userId]));
    expect(rows.every((r) => r.author_name === CASEWORKER_NAME)).toBe(true);
    expect(rows.some((r) => r.text.includes('010203'))).toBe(false);
  });
});

describe('scope used for hours and weeks', { timeout: 240_000 }, () => {
  let bot: TestBot;
  let caseworker: BotClient;
  beforeAll(async () => {
    bot = await startTestBot();
    caseworker = bot.client();
    await storedCase(caseworker, 'SAG-2026-0301', FAMILIES.level3);
    await storedCase(caseworker, 'SAG-2026-0302', FAMILIES.preventive);
  }, 240_000);
  afterAll(() => bot.stop(), 60_000);

  it('a level-3 case shows hours used this week against hours granted', async () => {
    const [card] = cardsIn(await caseworker.say('notat SAG-2026-0301 besøg 90 Praktisk hjælp i hjemmet.'));
    expect(cardText(card)).toMatch(/Timer denne uge: 1,5 af højst/);
  });

  it('a preventive course shows weeks used of the 40', async () => {
    const [card] = cardsIn(await caseworker.say('find SAG-2026-0302'));
    expect(cardText(card)).toMatch(/Uger brugt: \d+ af 40/);
  });
});

describe('notes summary with a language model configured', { timeout: 240_000 }, () => {
  const REFERENCE = 'SAG-2026-0201';
  let fake: FakeOpenAi;
  let bot: TestBot;
  let caseworker: BotClient;

  beforeAll(async () => {
    fake = await startFakeOpenAi();
    bot = await startTestBot({ LLM_MODEL: 'fake-model', OPENAI_BASE_URL: fake.baseURL, OPENAI_API_KEY: 'test-key' });
    caseworker = bot.client({ userName: CASEWORKER_NAME });
    await storedCase(caseworker, REFERENCE, FAMILIES.level2);
    await caseworker.say(`notat ${REFERENCE} besøg 60 ${CASEWORKER_NAME} besøgte familien; mor var træt.`);
    await caseworker.say(`notat ${REFERENCE} observation 0 Barnet legede roligt.`);
  }, 240_000);
  afterAll(async () => {
    await bot.stop();
    await fake.close();
  }, 60_000);

  it('answers with the model summary, the registered name restored for the reader but never sent', async () => {
    const [card] = cardsIn(await caseworker.say(`noter ${REFERENCE}`));
    const text = cardText(card);
    expect(text).toContain('fake-model');
    expect(text).not.toContain('uden sprogmodel');
    expect(text).toContain(CASEWORKER_NAME);
    expect(fake.requests.length).toBeGreaterThan(0);
    const sent = fake.sentText();
    expect(sent).toContain('[PERSON_');
    expect(sent).not.toContain('Mette');
    expect(sent).not.toContain('Sørensen');
    expect(sent).not.toContain('S\\u00f8rensen');
  });

  it('the next summary, from the card button, sends only the new note beside the stored summary', async () => {
    await caseworker.say(`notat ${REFERENCE} telefon 10 Skolen ringede om fravær.`);
    const before = fake.requests.length;
    const [found] = cardsIn(await caseworker.say(`find ${REFERENCE}`));
    const [card] = cardsIn(await caseworker.submit(actionData(found, 'note.summary')!));
    expect(cardText(card)).toContain('fake-model');
    const sent = fake.requests.slice(before).map((r) => r.raw.toString('utf8')).join('\n');
    expect(sent).toContain('Skolen ringede');
    expect(sent).not.toContain('mor var træt');
  });

  it('keeps the model summary as the case\'s latest, naming the model', async () => {
    const db = await bot.inspect();
    try {
      const rows = await db.query<{ method: string; produced_by: string }>(
        `SELECT s.method, s.produced_by FROM case_summaries s JOIN cases c ON c.tenant_id = s.tenant_id AND c.case_id = s.case_id WHERE c.reference = $1`,
        [REFERENCE],
      );
      expect(rows).toEqual([{ method: 'model', produced_by: 'fake-model' }]);
    } finally {
      await db.close();
    }
  });
});
