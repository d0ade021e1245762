import type { Locator, Page } from 'playwright-core';
import type { CardJson } from './bot-client.js';
import { allObjects, executeActions, ofType } from './card-json.js';

interface CardInput {
  type: string;
  id: string;
  label?: string;
  title?: string;
  style?: string;
  isMultiSelect?: boolean;
  choices?: { title: string; value: string }[];
}

/** The inputs of a card by id, as the bot wrote them (label, choices), to find them on screen. */
export function inputsOf(card: CardJson): Map<string, CardInput> {
  const found = new Map<string, CardInput>();
  for (const o of allObjects(card)) {
    if (typeof o.type === 'string' && o.type.startsWith('Input.') && typeof o.id === 'string' && !found.has(o.id)) found.set(o.id, o as unknown as CardInput);
  }
  return found;
}

/**
 * Fills a card on the playground's screen the way a person does: finds each input by the label
 * a person reads and picks choices by their titles. Answers are by input id (the card JSON says
 * which label and which title belong to an id), so a test reads like the HTTP tests' answers.
 */
export async function fillCard(page: Page, shown: Locator, card: CardJson, answers: Record<string, string>): Promise<void> {
  const inputs = inputsOf(card);
  for (const [id, value] of Object.entries(answers)) {
    if (value === '') continue;
    const input = inputs.get(id);
    if (!input) throw new Error(`the card has no input ${id}`);
    const control = await controlOf(shown, input);
    if (input.type === 'Input.ChoiceSet') {
      const values = input.isMultiSelect ? value.split(',') : [value];
      const titles = values.map((v) => {
        const choice = input.choices?.find((c) => c.value === v);
        if (!choice) throw new Error(`${id} offers no ${v}`);
        return choice.title;
      });
      if (input.style === 'compact' && !input.isMultiSelect) {
        await control.click();
        await page.getByRole('option', { name: titles[0]!, exact: true }).click();
      } else {
        for (const title of titles) await control.getByText(title, { exact: true }).click();
      }
    } else if (input.type === 'Input.Toggle') {
      if (value === 'true') await control.click();
    } else {
      await control.fill(value);
    }
  }
}

/** The control a card input became on screen, found through its label (`<label for=…>`). */
async function controlOf(shown: Locator, input: CardInput): Promise<Locator> {
  const label = input.label ?? input.title;
  if (!label) throw new Error(`input ${input.id} has no label to find it by`);
  const target = await shown.evaluate((root, text) => {
    for (const el of Array.from(root.querySelectorAll('label'))) {
      const first = el.firstElementChild?.textContent ?? el.textContent ?? '';
      if (first.trim() === text.trim() && el.getAttribute('for')) return el.getAttribute('for');
    }
    return null;
  }, label);
  if (!target) throw new Error(`no input labelled "${label}" on the card`);
  return shown.locator(`[id="${target}"]`);
}

/** Presses the card's button with this title. */
export async function press(shown: Locator, title: string): Promise<void> {
  await shown.getByRole('button', { name: title, exact: true }).click();
}

/** The title of the card's action for this verb (Action.Execute or its Submit fallback). */
export function actionTitle(card: CardJson, verb: string): string {
  const action = executeActions(card).find((o) => o.verb === verb || (o.data as Record<string, unknown> | undefined)?.verb === verb);
  if (typeof action?.title !== 'string') throw new Error(`the card has no ${verb} action`);
  return action.title;
}

/** The title of the Action.ShowCard that opens the part of the card holding this verb's action. */
export function showCardTitleFor(card: CardJson, verb: string): string {
  const opener = ofType(card, 'Action.ShowCard').find((o) => executeActions(o.card).some((a) => a.verb === verb));
  if (typeof opener?.title !== 'string') throw new Error(`no Action.ShowCard opens ${verb}`);
  return opener.title;
}
