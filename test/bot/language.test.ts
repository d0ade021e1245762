import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardText, type BotClient } from '../support/bot-client.js';
import { startTestBot, type TestBot } from '../support/bot-server.js';
import { answerSteps, caseForm, FAMILIES, startInterview } from '../support/interview.js';

// A caseworker whose Teams is in English, and one whose Teams is in Danish, on the same bot: the
// decision's reasons and a refused form's problems follow each client's language.
const SLOW = { timeout: 180_000 };
let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot();
}, 240_000);
afterAll(() => bot.stop(), 60_000);

// Level 1's reasons, warnings and a refused answer, as the standard and the parsers write them.
const WORDS = {
  en: {
    reason: "The parents are judged to need support to care for the child's development.",
    warning: 'Taking part in interdisciplinary meetings can replace visits.',
    age: "The child's age – months beyond the whole years: must be a whole number from 0 to 360",
    reference: 'Case number: The case number must not contain spaces.',
    cpr: 'The case number looks like a CPR number',
  },
  da: {
    reason: 'Forældrene skønnes at have brug for støtte til at drage omsorg for barnets udvikling.',
    warning: 'Deltagelse i tværfaglige møder kan erstatte besøg.',
    age: 'Barnets alder – måneder ud over de hele år: skal være et helt tal fra 0 til 360',
    reference: 'Sagsnummer: Sagsnummeret må ikke indeholde mellemrum.',
    cpr: 'Sagsnummeret ligner et CPR-nummer',
  },
} as const;

describe.each(['en', 'da'] as const)('a caseworker whose Teams is in %s', SLOW, (lang) => {
  const other = lang === 'en' ? 'da' : 'en';

  it('reads the refused age, the decision\'s reasons and warnings, and a refused case number (form and chat) in that language only', async () => {
    const team = `19:language-team-${lang}@thread.tacv2`;
    const channel = `19:language-general-${lang}@thread.tacv2`;
    const me: BotClient = bot.client({ userName: 'Sara Sprog', locale: lang === 'en' ? 'en-US' : 'da-DK' });
    me.joinTeam(team);
    await bot.client({ tenantId: me.tenantId, kind: 'channel', conversationId: channel, teamId: team, teamName: 'Familieteamet' }).install();
    await me.install();

    const { draftId } = await startInterview(me);
    const refusedAge = await me.execute('intake.next', { draftId, stepId: 'child', ...FAMILIES.level1.child, childAgeMonths: '400' });
    expect(cardText(refusedAge.card)).toContain(WORDS[lang].age);
    expect(cardText(refusedAge.card)).not.toContain(WORDS[other].age);

    const result = await answerSteps(me, draftId, FAMILIES.level1);
    const shown = cardText(result.card);
    expect(shown, 'a reason from the standard').toContain(WORDS[lang].reason);
    expect(shown, 'a warning from the rules').toContain(WORDS[lang].warning);
    expect(shown).not.toContain(WORDS[other].reason);
    // (The Danish warning's words are also the passage's own, quoted verbatim behind its toggle.)

    const refused = await me.execute('case.accept', caseForm(draftId, channel, 'SAG 1'));
    expect(cardText(refused.card)).toContain(WORDS[lang].reference);
    expect(cardText(refused.card)).not.toContain(WORDS[other].reference);

    // A case number typed in the chat is checked by the same words.
    const found = JSON.stringify(await me.say('find 010203-1234'));
    expect(found).toContain(WORDS[lang].cpr);
    expect(found).not.toContain(WORDS[other].cpr);
  });
});
