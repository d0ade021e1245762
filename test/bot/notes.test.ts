import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionData, cardsIn, cardText, type BotClient } from '../support/bot-client.js';
import { startTestBot, type TestBot } from '../support/bot-server.js';
import { executeActions } from '../support/card-json.js';
import { startConnectorStandin, type ConnectorStandin, type RecordedRequest } from '../support/connector-standin.js';
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

/** The warning card's actions: both save the note (verb note.add); "save as written" carries keepNames. */
function warningActions(card: Record<string, unknown> | undefined): { edited: Record<string, unknown>; asWritten: Record<string, unknown> } {
  const actions = ((card?.actions ?? []) as { data: Record<string, unknown> }[]).map((a) => a.data);
  const asWritten = actions.find((d) => d.verb === 'note.add' && d.keepNames === 'true');
  const edited = actions.find((d) => d.verb === 'note.add' && d.keepNames === undefined);
  expect(asWritten, 'a "save as written" action').toBeDefined();
  expect(edited, 'a "save edited" action').toBeDefined();
  return { edited: edited!, asWritten: asWritten! };
}

const keepAsWritten = (card: Record<string, unknown> | undefined) => warningActions(card).asWritten;

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
    expect(text, 'one note, in the singular').toContain('(1 notat)');
    expect(text, 'a saved note says so').toContain('Notatet er gemt');
  });

  it('the English alias and a two-word kind work, and an interdisciplinary meeting counts as a visit', async () => {
    const [card] = cardsIn(await caseworker.say(`note ${REFERENCE} tværfagligt møde 45 Møde med skolen om fravær.`));
    const text = cardText(card);
    expect(text).toMatch(/Besøg denne uge: 2 af/);
    expect(text).toMatch(/heraf 1 tværfagligt møde, der tæller/);
  });

  it('the case card offers "Tilføj notat", and a note from its form is saved once, even when the same form is saved again', async () => {
    const [found] = cardsIn(await caseworker.say(`find ${REFERENCE}`));
    const open = actionData(found, 'note.form');
    expect(open).toBeDefined();
    const form = await caseworker.execute('note.form', open!);
    expect(cardText(form.card)).toContain('Nyt notat');
    const submission = { ...actionData(form.card, 'note.add'), kind: 'phone', date: today(), minutes: '15', text: 'Mor ringede om tandlæge.' };
    const saved = await caseworker.execute('note.add', submission);
    expect(cardText(saved.card)).toContain('(3 notater)');
    expect(cardText(saved.card), 'a note saved from the form says so').toContain('Notatet er gemt');
    // The answer to a save can be lost (the connection drops after the commit) and the form, still
    // on screen, saved again: the second save finds the note already there.
    const again = await caseworker.execute('note.add', submission);
    expect(cardText(again.card)).toContain('(3 notater)');
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
    const replies = await caseworker.say(`noter ${REFERENCE}`);
    const text = cardText(cardsIn(replies)[0]);
    expect(text).toContain('uden sprogmodel');
    // Written without a model: not labelled AI-generated.
    expect(JSON.stringify(replies)).not.toContain('AIGeneratedContent');
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

describe('a note that seems to hold a name', { timeout: 240_000 }, () => {
  const REFERENCE = 'SAG-2026-0401';
  let bot: TestBot;
  let caseworker: BotClient;
  beforeAll(async () => {
    bot = await startTestBot();
    caseworker = bot.client({ userName: CASEWORKER_NAME });
    await storedCase(caseworker, REFERENCE, FAMILIES.level1);
  }, 240_000);
  afterAll(() => bot.stop(), 60_000);

  it('is not stored at once: a gentle Danish warning shows what looked like a name and keeps the text', async () => {
    const typed = 'Besøg hos mette jensen; Storm legede med Bo i haven.';
    const [card] = cardsIn(await caseworker.say(`notat ${REFERENCE} besøg 45 ${typed}`));
    const text = cardText(card);
    expect(text).toContain('Notatet ser ud til at indeholde et navn – brug roller (mor, far, barnet) i stedet for navne.');
    expect(text).toContain('mette jensen');
    expect(text).toContain('Storm');
    expect(text).toContain(typed);
    // Stored nothing: the card of the next saved note counts it as the first.
  });

  it('"Gem som skrevet" stores the note as typed, with its kind and minutes', async () => {
    const typed = 'Samtale med Karina om Lærke og Jens.';
    const [card] = cardsIn(await caseworker.say(`notat ${REFERENCE} telefon 20 ${typed}`));
    const saved = await caseworker.execute('note.add', { ...keepAsWritten(card), text: typed });
    expect(cardText(saved.card)).toContain('(1 notat)');
  });

  it('"Gem rettet notat" checks the edited text again and stores it once no name is left', async () => {
    const form = await caseworker.execute('note.add', { caseReference: REFERENCE, kind: 'visit', date: today(), minutes: '30', text: 'Mor (Hanne) var glad.' });
    const { edited } = warningActions(form.card);
    const stillNamed = await caseworker.execute('note.add', { ...edited, text: 'Mor Hanne var glad.' });
    expect(cardText(stillNamed.card)).toMatch(/indeholde et navn/);
    const saved = await caseworker.execute('note.add', { ...warningActions(stillNamed.card).edited, text: 'Mor var glad.' });
    expect(cardText(saved.card)).toContain('(2 notater)');
  });

  it('a note with roles only, and words that are also names ("bo", "sten", "storm" in lower case), is stored without asking', async () => {
    const [card] = cardsIn(await caseworker.say(`notat ${REFERENCE} observation 10 Barnet skal bo hos mor; der var storm, og far fandt en sten.`));
    expect(cardText(card)).toContain('(3 notater)');
  });

  it('speaks English when Teams does', async () => {
    const english = caseworker.with({ locale: 'en-GB' });
    const [card] = cardsIn(await english.say(`note ${REFERENCE} besøg 10 Visit to Birgitte.`));
    expect(cardText(card)).toContain('The note seems to contain a name – use roles (mother, father, the child) instead of names.');
  });

  it('in English: the form, its refusal, the scope used and the summary, with no Danish words of their own', async () => {
    const english = caseworker.with({ locale: 'en-US' });
    const form = await english.execute('note.form', { caseReference: REFERENCE });
    expect(cardText(form.card)).toContain(`New note · ${REFERENCE}`);
    expect(cardText(form.card)).toContain('Time spent (minutes)');
    expect(cardText(form.card)).not.toMatch(/Nyt notat|Tidsforbrug|Gem notat/);
    const noteId = String(actionData(form.card, 'note.add')?.noteId);
    const refused = await english.execute('note.add', { caseReference: REFERENCE, noteId, kind: 'visit', date: today(), minutes: 'lots', text: 'Short visit.' });
    expect(cardText(refused.card)).toContain('Write the time spent in minutes as a number.');
    expect(cardText(refused.card)).toContain('Short visit.');
    const [found] = cardsIn(await english.say(`find ${REFERENCE}`));
    expect(cardText(found)).toMatch(/Scope used \(\d+ notes\)/);
    expect(cardText(found)).toMatch(/Visits this week: /);
    expect(cardText(found)).not.toMatch(/Omfang brugt|Besøg denne uge|Tilføj notat/);
    const [summary] = cardsIn(await english.say(`notes ${REFERENCE}`));
    expect(cardText(summary)).toContain('Excerpts from the notes, made without a language model');
    expect(cardText(summary)).not.toMatch(/Resumé af notater|uden sprogmodel ·/);
  });

  it('stored the kept note as typed, the edited one as edited, and nothing of the others', async () => {
    const rows = await noteRows(bot, REFERENCE);
    expect(rows.map((r) => [r.kind, r.minutes, r.text])).toEqual([
      ['phone', 20, 'Samtale med Karina om Lærke og Jens.'],
      ['visit', 30, 'Mor var glad.'],
      ['observation', 10, 'Barnet skal bo hos mor; der var storm, og far fandt en sten.'],
    ]);
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
    // The name check asks first; the caseworker keeps the note as written, so the model test has a name to mask.
    const [warning] = cardsIn(await caseworker.say(`notat ${REFERENCE} besøg 60 ${CASEWORKER_NAME} besøgte familien; mor var træt.`));
    await caseworker.execute('note.add', { ...keepAsWritten(warning), text: `${CASEWORKER_NAME} besøgte familien; mor var træt.` });
    await caseworker.say(`notat ${REFERENCE} observation 0 Barnet legede roligt.`);
  }, 240_000);
  afterAll(async () => {
    await bot.stop();
    await fake.close();
  }, 60_000);

  it('labels the message with the model-written summary as AI-generated, the way Teams shows it, and nothing else', async () => {
    const aiLabel = (replies: readonly unknown[]) =>
      replies.some((r) => ((r as { entities?: { additionalType?: string[] }[] }).entities ?? []).some((e) => e.additionalType?.includes('AIGeneratedContent')));
    const summary = await caseworker.say(`noter ${REFERENCE}`);
    expect(cardText(cardsIn(summary)[0])).toContain('fake-model');
    expect(aiLabel(summary), 'the model summary carries the AI-generated entity').toBe(true);
    const entity = (summary[0] as { entities?: Record<string, unknown>[] }).entities?.find((e) => e['type'] === 'https://schema.org/Message');
    expect(entity).toMatchObject({ '@type': 'Message', '@context': 'https://schema.org', additionalType: ['AIGeneratedContent'] });
    expect(aiLabel(await caseworker.say(`find ${REFERENCE}`)), 'the case card has no model text').toBe(false);
    expect(aiLabel(await caseworker.say('hjælp')), 'help has no model text').toBe(false);
  });

  it('answers with the model summary, the registered name restored for the reader but never sent', async () => {
    const [card] = cardsIn(await caseworker.say(`noter ${REFERENCE}`));
    const text = cardText(card);
    expect(text).toContain('fake-model');
    expect(text).not.toContain('uden sprogmodel');
    expect(text).toContain(CASEWORKER_NAME);
    expect(fake.requests.length).toBeGreaterThan(0);
    const sent = fake.sentText();
    expect(sent).toContain('[NAVN_');
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

describe("a notes summary slower than Teams' five seconds for a card action", { timeout: 240_000 }, () => {
  const REFERENCE = 'SAG-2026-0401';
  const MODEL_DELAY_MS = 2_500;
  let fake: FakeOpenAi;
  let connector: ConnectorStandin;
  let bot: TestBot;
  let caseworker: BotClient;

  async function replaced(match: (r: RecordedRequest) => boolean): Promise<RecordedRequest> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const found = connector.requests.find(match);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`the finished summary never reached the connector: ${JSON.stringify(connector.requests.map((r) => [r.method, r.path, r.status]))}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  beforeAll(async () => {
    fake = await startFakeOpenAi();
    connector = await startConnectorStandin();
    // Waits 300 ms instead of the default 3 s, so the model's 2.5 s stand for "longer than Teams allows".
    bot = await startTestBot({ LLM_MODEL: 'fake-model', OPENAI_BASE_URL: fake.baseURL, OPENAI_API_KEY: 'test-key', SUMMARY_WAIT_MS: '300' });
    caseworker = bot.client({ userName: CASEWORKER_NAME, serviceUrl: connector.url });
    await storedCase(caseworker, REFERENCE, FAMILIES.level2);
    const [warning] = cardsIn(await caseworker.say(`notat ${REFERENCE} besøg 60 ${CASEWORKER_NAME} besøgte familien; barnet sov dårligt.`));
    await caseworker.execute('note.add', { ...keepAsWritten(warning), text: `${CASEWORKER_NAME} besøgte familien; barnet sov dårligt.` });
  }, 240_000);
  afterAll(async () => {
    await bot.stop();
    await connector.close();
    await fake.close();
  }, 60_000);

  it('the button is an Action.Execute, so the answer replaces the clicked card', async () => {
    const [found] = cardsIn(await caseworker.say(`find ${REFERENCE}`));
    expect(executeActions(found).find((a) => a['verb'] === 'note.summary')?.['type']).toBe('Action.Execute');
  });

  it('is acknowledged at once with "Resuméet laves", and the clicked card is replaced with the summary when ready', async () => {
    fake.script({ kind: 'late', delayMs: MODEL_DELAY_MS });
    const started = performance.now();
    const ack = await caseworker.execute('note.summary', { caseReference: REFERENCE }, { replyToId: 'card-message-1' });
    const answeredMs = performance.now() - started;
    expect(ack.status).toBe(200);
    expect(cardText(ack.card)).toContain('Resuméet laves');
    expect(cardText(ack.card)).not.toContain('fake-model');
    // Answered well before the model did: within Teams' limit, not after the model's 2.5 s.
    expect(answeredMs).toBeLessThan(MODEL_DELAY_MS);
    expect(actionData(ack.card, 'note.summary')).toEqual({ verb: 'note.summary', caseReference: REFERENCE });

    const update = await replaced((r) => r.kind === 'update' && r.activityId === 'card-message-1');
    expect(update.conversationId).toBe(caseworker.conversationId);
    const card = update.body.attachments?.[0]?.content;
    expect(update.body.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    const text = cardText(card);
    expect(text).toContain('fake-model');
    // The name went to the model as a placeholder and comes back real for the reader.
    expect(text).toContain(CASEWORKER_NAME);
    expect(fake.sentText()).not.toContain('Mette');
    expect(JSON.stringify(update.body), 'the replaced card is labelled AI-generated').toContain('AIGeneratedContent');
  });

  it('the finished summary was stored, so asking again answers at once from it without calling the model', async () => {
    const before = fake.requests.length;
    const again = await caseworker.execute('note.summary', { caseReference: REFERENCE }, { replyToId: 'card-message-2' });
    expect(cardText(again.card), JSON.stringify(again.body)).toContain('fake-model');
    expect(fake.requests.length).toBe(before);
  });

  it('"noter <sagsnummer>" also answers at once, and the summary follows as its own message', async () => {
    await caseworker.say(`notat ${REFERENCE} telefon 10 Skolen ringede om fravær.`);
    fake.script({ kind: 'late', delayMs: MODEL_DELAY_MS });
    const sendsBefore = connector.requests.filter((r) => r.kind === 'send').length;
    const [ack] = cardsIn(await caseworker.say(`noter ${REFERENCE}`));
    expect(cardText(ack)).toContain('Resuméet laves');
    // With expectReplies the acknowledgement has no id to update, so the summary comes as a new message.
    const sent = await replaced((r) => r.kind === 'send' && connector.requests.filter((x) => x.kind === 'send').indexOf(r) >= sendsBefore);
    expect(sent.conversationId).toBe(caseworker.conversationId);
    expect(cardText(sent.body.attachments?.[0]?.content)).toContain('fake-model');
    // A follow-up message from the model is labelled too; the acknowledgement, with no model text, is not.
    expect(JSON.stringify(sent.body)).toContain('AIGeneratedContent');
    expect(JSON.stringify(ack)).not.toContain('AIGeneratedContent');
  });
});
