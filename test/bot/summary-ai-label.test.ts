import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardsIn, cardText, type BotClient } from '../support/bot-client.js';
import { startTestBot, type TestBot } from '../support/bot-server.js';
import { startFakeOpenAi, type FakeOpenAi } from '../support/fake-openai.js';
import { answerSteps, caseForm, FAMILIES, startInterview } from '../support/interview.js';

/**
 * "resumé <sagsnummer>" answers with the case's summary card, which carries the latest notes
 * summary. When a language model wrote that summary the message is labelled AI-generated the way
 * Teams expects (a schema.org Message entity with additionalType AIGeneratedContent); when the
 * card has no model text (no notes summary, or the extractive one made without a model) it is not.
 */
const CHANNEL = '19:general-summary-label@thread.tacv2';
const BY_MODEL = 'SAG-2026-0301';
const EXTRACTIVE = 'SAG-2026-0302';
const NO_SUMMARY = 'SAG-2026-0303';

type Entity = { type?: string; additionalType?: string[]; [key: string]: unknown };
const entitiesOf = (replies: readonly unknown[]): Entity[] => replies.flatMap((r) => (r as { entities?: Entity[] }).entities ?? []);
const aiLabelled = (replies: readonly unknown[]) => entitiesOf(replies).some((e) => e.additionalType?.includes('AIGeneratedContent'));

describe('the "resumé" summary card and the AI-generated label', { timeout: 240_000 }, () => {
  let fake: FakeOpenAi;
  let bot: TestBot;
  let caseworker: BotClient;

  async function storedCase(reference: string): Promise<void> {
    const { draftId } = await startInterview(caseworker);
    await answerSteps(caseworker, draftId, FAMILIES.level1);
    const created = await caseworker.execute('case.accept', caseForm(draftId, CHANNEL, reference));
    expect(cardText(created.card)).toContain(reference);
  }

  beforeAll(async () => {
    fake = await startFakeOpenAi();
    bot = await startTestBot({ LLM_MODEL: 'fake-model', OPENAI_BASE_URL: fake.baseURL, OPENAI_API_KEY: 'test-key' });
    caseworker = bot.client({ userName: 'Sagsbehandler To' });
    await caseworker.with({ kind: 'channel', conversationId: CHANNEL }).install();
    for (const reference of [BY_MODEL, EXTRACTIVE, NO_SUMMARY]) {
      await storedCase(reference);
      await caseworker.say(`notat ${reference} observation 0 Barnet legede roligt; mor var træt.`);
    }
    // The model writes this case's notes summary.
    expect(cardText(cardsIn(await caseworker.say(`noter ${BY_MODEL}`))[0])).toContain('fake-model');
    // The model fails here, so the summary is the extractive one made without it.
    fake.script({ kind: 'status', status: 500 });
    expect(cardText(cardsIn(await caseworker.say(`noter ${EXTRACTIVE}`))[0])).toContain('uden sprogmodel');
  }, 240_000);
  afterAll(async () => {
    await bot.stop();
    await fake.close();
  }, 60_000);

  it('the summary card with the model-written notes summary carries the AI-generated entity', async () => {
    const replies = await caseworker.say(`resumé ${BY_MODEL}`);
    const [card] = cardsIn(replies);
    expect(cardText(card)).toContain(BY_MODEL);
    expect(cardText(card)).toContain('fake-model');
    const labels = entitiesOf(replies).filter((e) => e.type === 'https://schema.org/Message');
    expect(labels).toHaveLength(1);
    expect(labels[0]).toMatchObject({ '@type': 'Message', '@context': 'https://schema.org', additionalType: ['AIGeneratedContent'] });
  });

  it('a summary card whose notes summary was made without a model, or that has none, carries no such entity', async () => {
    const extractive = await caseworker.say(`resumé ${EXTRACTIVE}`);
    expect(cardText(cardsIn(extractive)[0])).toContain(EXTRACTIVE);
    expect(cardText(cardsIn(extractive)[0])).not.toContain('fake-model');
    expect(aiLabelled(extractive)).toBe(false);
    const none = await caseworker.say(`resumé ${NO_SUMMARY}`);
    expect(cardText(cardsIn(none)[0])).toContain(NO_SUMMARY);
    expect(aiLabelled(none)).toBe(false);
  });
});
