import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BotClient } from '../support/bot-client.js';
import { cardsIn, cardText, type CardJson } from '../support/bot-client.js';
import { startTestBot, type TestBot } from '../support/bot-server.js';
import { answerSteps, caseForm, FAMILIES, startInterview } from '../support/interview.js';

/**
 * A card submission is data from outside: wrong types, huge strings, markup and CPR numbers
 * must each get a clear Danish answer, keep what the person typed, and store nothing.
 */
const CHANNEL = '19:general-hostile@thread.tacv2';

/** The text a person reads on the card (TextBlocks), not the values of its inputs. */
function textBlocks(card: CardJson | undefined): string {
  const parts: string[] = [];
  JSON.stringify(card, (key, value: unknown) => {
    if (value && typeof value === 'object' && (value as { type?: unknown }).type === 'TextBlock') parts.push(String((value as { text?: unknown }).text));
    return value;
  });
  return parts.join('\n');
}

let bot: TestBot;
let me: BotClient;
let draftId: string;

beforeAll(async () => {
  bot = await startTestBot();
  me = bot.client();
  await me.with({ kind: 'channel', conversationId: CHANNEL }).install();
  ({ draftId } = await startInterview(me));
}, 240_000);
afterAll(() => bot.stop(), 60_000);

describe('a hostile or broken interview step', { timeout: 180_000 }, () => {
  it.each([
    ['wrong types', { childBorn: 42, childAgeMonths: { $gt: 1 }, childLatePregnancy: [] }],
    ['a huge string', { childBorn: 'born', childAgeMonths: '9'.repeat(200_000), childLatePregnancy: '' }],
    ['a script tag', { childBorn: '<script>alert(1)</script>', childAgeMonths: '', childLatePregnancy: '' }],
    ['an unknown field', { childBorn: 'born', childAgeMonths: '12', childLatePregnancy: '', isAdmin: 'true' }],
  ])('answers %s with a Danish message and the same step again', async (_what, values) => {
    const result = await me.execute('intake.next', { draftId, stepId: 'child', ...values });
    expect(result.status).toBe(200);
    const shown = textBlocks(result.card);
    expect(shown).toMatch(/Ret venligst/);
    // The person's input may come back in its field to be corrected, never as shown text.
    expect(shown).not.toContain('<script>');
    expect(JSON.stringify(result.card)).toContain('"stepId":"child"');
  });
});

describe('a hostile case form', { timeout: 180_000 }, () => {
  let resultDraft: string;
  beforeAll(async () => {
    ({ draftId: resultDraft } = await startInterview(me));
    await answerSteps(me, resultDraft, FAMILIES.level1);
  }, 240_000);

  it.each([
    ['a CPR number as case reference', { caseReference: '010203-1234' }, /CPR/],
    ['a CPR number written with dots', { caseReference: '01.02.03-1234' }, /CPR/],
    ['a script tag as case reference', { caseReference: '<script>x</script>' }, /Sagsnummer/],
    ['a full name as pseudonym', { childPseudonym: 'Anna Hansen' }, /fuldt navn/],
    ['a huge reference', { caseReference: 'A'.repeat(100_000) }, /for lang|mellem 3 og 40/],
    ['a number where text belongs', { caseReference: 12345 }, /tekst/],
  ] as [string, Record<string, unknown>, RegExp][])('refuses %s in Danish and keeps the rest of the form', async (_what, override, message) => {
    const form = { ...caseForm(resultDraft, CHANNEL, 'SAG-OK-1'), childPseudonym: 'MK', ...override };
    const result = await me.execute('case.accept', form);
    expect(result.status).toBe(200);
    expect(cardText(result.card)).toMatch(message);
    // The other fields are shown as typed, so nothing has to be retyped.
    expect(JSON.stringify(result.card)).toContain('childPseudonym' in override ? 'SAG-OK-1' : '"MK"');
    expect(JSON.stringify(result.card)).not.toContain('010203-1234');
  });

  it('refuses a CPR number typed after "find" without looking it up', async () => {
    const [card] = cardsIn(await me.say('find 010203-1234'));
    expect(cardText(card)).toMatch(/CPR-nummer/);
  });

  it('stored no case, no decision and no CPR number anywhere', async () => {
    const db = await bot.inspect();
    try {
      expect(await db.query('SELECT * FROM cases')).toEqual([]);
      expect(await db.query('SELECT * FROM decisions')).toEqual([]);
      const everything = JSON.stringify([await db.query('SELECT * FROM intake_drafts'), await db.query('SELECT * FROM audit_log')]);
      expect(everything).not.toMatch(/010203|script|Anna Hansen/);
      // The first step was never accepted: the first draft is still on it.
      const [first] = await db.query<{ step: string }>('SELECT step FROM intake_drafts WHERE draft_id = $1::uuid', [draftId]);
      expect(first?.step).toBe('child');
    } finally {
      await db.close();
    }
  });
});
