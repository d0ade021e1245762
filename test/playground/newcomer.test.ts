import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionData, cardText, type CardJson } from '../support/bot-client.js';
import { collectPageErrors, launchChromium } from '../support/browser.js';
import { FAMILIES } from '../support/interview.js';
import { actionTitle, fillCard, inputsOf, press, showCardTitleFor } from '../support/playground-card.js';
import { startPlayground, type Playground } from '../support/playground.js';
import { screenshotDir } from '../support/screenshots.js';

/**
 * A newcomer's first case, in the Microsoft 365 Agents Playground that `npm run dev` opens, as a
 * person clicks through it: the personal install's welcome, the seven interview steps, the result,
 * adding the app to the team, and creating the case into the team's channel. Cards are filled by
 * the labels on screen; every card is photographed.
 */
const LANGS = [
  { lang: 'da', locale: 'da-DK', newCase: 'ny sag', howTo: 'Tilføj til et team', notCreated: 'Sagen blev ikke oprettet', general: 'General', personal: 'Personal Chat' },
  { lang: 'en', locale: 'en-US', newCase: 'new case', howTo: 'Add to a team', notCreated: 'The case was not created', general: 'General', personal: 'Personal Chat' },
] as const;

// A start next week, as a newcomer's first case would have (a past one fills the card with overdue warnings).
const START = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);

describe.each(LANGS)('a newcomer\'s first case in the Agents Playground ($lang)', { timeout: 300_000 }, (l) => {
  let playground: Playground;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let shots = 0;

  beforeAll(async () => {
    playground = await startPlayground(l.locale);
    browser = await launchChromium();
    // Tall, so the playground never scrolls a card out of view (it re-mounts scrolled cards).
    page = await browser.newPage({ viewport: { width: 1280, height: 3200 }, locale: l.locale });
    errors = collectPageErrors(page);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await playground?.stop();
  }, 60_000);

  /** The newest card on screen, once it shows what the bot sent. */
  async function shown(card: CardJson): Promise<Locator> {
    const onScreen = page.locator('.ac-adaptiveCard').last();
    await expect.poll(async () => (await onScreen.innerText()).replace(/\s+/g, ' '), { timeout: 30_000 }).toContain(landmark(card));
    return onScreen;
  }

  async function photograph(onScreen: Locator, name: string): Promise<void> {
    shots += 1;
    await onScreen.screenshot({ path: join(screenshotDir(), `playground-${l.lang}-${String(shots).padStart(2, '0')}-${name}.png`) });
  }

  it('goes from a fresh install to a stored case without reading the README', async () => {
    await page.goto(playground.url);
    const welcome = await playground.nextCard(0, 'the welcome');
    expect(cardText(welcome), 'the welcome says how to add the app to a team').toContain(l.howTo);
    await photograph(await shown(welcome), 'welcome');

    const beforeTyping = playground.cards.length;
    const composer = page.getByRole('textbox').last();
    await composer.click();
    await page.keyboard.type(l.newCase);
    await page.keyboard.press('Enter');
    let card = await playground.nextCard(beforeTyping, `the answer to "${l.newCase}"`);
    // The steps the interview shows for this child, as the cards name them (an older child skips some).
    for (let data = actionData(card, 'intake.next'); data; data = actionData(card, 'intake.next')) {
      const step = String(data.stepId) as keyof typeof FAMILIES.level1;
      const onScreen = await shown(card);
      await photograph(onScreen, `step-${step}`);
      const answers: Record<string, string> = FAMILIES.level1[step];
      await fillCard(page, onScreen, card, { ...answers, ...('startDate' in answers ? { startDate: START } : {}) });
      const before = playground.cards.length;
      await press(onScreen, actionTitle(card, 'intake.next'));
      card = await playground.nextCard(before, `the card after step ${step}`);
    }

    let onScreen = await shown(card);
    await photograph(onScreen, 'result');
    expect(await onScreen.innerText(), 'no error before anything was pressed').not.toContain(l.notCreated);
    expect(cardText(card), 'the result says how to add the app to a team').toContain(l.howTo);
    expect(inputsOf(card).has('channelId'), 'no channel to choose yet').toBe(false);

    // Adding the app to the team: the playground installs it when its channel is opened.
    const beforeTeam = playground.cards.length;
    await page.getByText(l.general, { exact: true }).click();
    await playground.nextCard(beforeTeam, 'the team\'s welcome');
    await page.getByText(l.personal, { exact: true }).click();

    onScreen = await shown(card);
    await press(onScreen, showCardTitleFor(card, 'case.accept'));
    const caseFields = { caseReference: 'SAG-LEGEPLADS-1', childPseudonym: 'AB', startDate: START };
    await fillCard(page, onScreen, card, caseFields);
    let before = playground.cards.length;
    await press(onScreen, actionTitle(card, 'case.accept'));
    card = await playground.nextCard(before, 'the answer to the first "create case"');
    const channel = inputsOf(card).get('channelId');
    expect(channel?.choices?.length, 'the team\'s channel can be chosen now').toBeGreaterThan(0);
    expect(cardText(card)).not.toContain(l.howTo);
    expect(cardText(card), 'a channel that is new on the card is information, not an error').not.toContain(l.notCreated);

    onScreen = await shown(card);
    await photograph(onScreen, 'result-with-channel');
    if (await onScreen.getByRole('button', { name: actionTitle(card, 'case.accept'), exact: true }).count() === 0) {
      await press(onScreen, showCardTitleFor(card, 'case.accept'));
    }
    await fillCard(page, onScreen, card, { ...caseFields, channelId: channel!.choices![0]!.value });
    before = playground.cards.length;
    await press(onScreen, actionTitle(card, 'case.accept'));
    card = await playground.nextCard(before, 'the case card');
    onScreen = await shown(card);
    await photograph(onScreen, 'case');
    expect(await onScreen.innerText(), 'the stored case, on screen').toContain('SAG-LEGEPLADS-1');

    const stored = await playground.bot.inspect();
    try {
      const rows = await stored.query<{ n: number }>(`SELECT count(*)::int AS n FROM cases WHERE reference = 'SAG-LEGEPLADS-1'`);
      expect(rows[0]?.n, 'one case stored').toBe(1);
    } finally {
      await stored.close();
    }
    // The playground fetches fonts and animations from Microsoft's CDN, which a machine without the
    // internet cannot reach; everything else that goes wrong in the page counts.
    const offline = /^Failed to load (resource: net::ERR_NAME_NOT_RESOLVED|resource: the server responded with a status of 404|worklet module script: https:\/\/res-1\.cdn\.office\.net\/)/;
    expect(errors.filter((e) => !offline.test(e)), 'no errors in the page').toEqual([]);
  });
});

/** A sentence of the card a person would see, to know the screen shows this card and not the last. */
function landmark(card: CardJson): string {
  const texts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (o.isVisible === false) return;
    if (o.type === 'TextBlock' && typeof o.text === 'string') texts.push(o.text);
    for (const [key, value] of Object.entries(o)) if (key !== 'actions' && key !== 'fallback') walk(value);
  };
  walk(card);
  // The longest short sentence: the brand line and the step counter are on every interview card.
  const plain = texts.filter((t) => t.length > 3 && t.length < 160 && !/[*_[\]`${}]/.test(t)).sort((a, b) => b.length - a.length)[0];
  if (!plain) throw new Error(`the card has no plain sentence to look for: ${JSON.stringify(card).slice(0, 300)}`);
  return plain.replace(/\s+/g, ' ');
}
