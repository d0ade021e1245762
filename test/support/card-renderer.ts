import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { TEAMS_CSS, TEAMS_HOST_CONFIG } from './teams-host-config.js';

/**
 * Renders Adaptive Cards with the real `adaptivecards` renderer in headless Chromium, the way a
 * web client does, and reports what the renderer's own parser and validator complain about.
 */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface RenderReport {
  /** Parse and validation events: unknown elements, bad property values, duplicate ids, required inputs without label … */
  problems: string[];
  /** The rendered card's visible text, for assertions a reader can follow. */
  text: string;
  height: number;
}

const require = createRequire(import.meta.url);

export class CardRenderer {
  private constructor(
    private readonly browser: Browser,
    private readonly page: Page,
  ) {}

  static async start(): Promise<CardRenderer> {
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const page = await browser.newPage({ viewport: { width: 600, height: 800 }, deviceScaleFactor: 1, locale: 'da-DK' });
    const script = readFileSync(require.resolve('adaptivecards/dist/adaptivecards.min.js'), 'utf8');
    await page.setContent(`<!doctype html><html lang="da"><head><meta charset="utf-8"><style>${TEAMS_CSS}</style></head><body><div id="host"></div></body></html>`);
    await page.addScriptTag({ content: script });
    return new CardRenderer(browser, page);
  }

  async render(card: object): Promise<RenderReport> {
    return this.page.evaluate(
      ({ card, hostConfig }) => {
        const AC = (window as unknown as { AdaptiveCards: any }).AdaptiveCards;
        const problems: string[] = [];
        const adaptiveCard = new AC.AdaptiveCard();
        adaptiveCard.hostConfig = new AC.HostConfig(hostConfig);
        const context = new AC.SerializationContext();
        adaptiveCard.parse(card, context);
        for (let i = 0; i < context.eventCount; i++) {
          const e = context.getEventAt(i);
          problems.push(`parse: ${AC.ValidationEvent[e.event]}: ${e.message}`);
        }
        for (const e of adaptiveCard.validateProperties().validationEvents) {
          problems.push(`validate: ${AC.ValidationEvent[e.event]}: ${e.message}`);
        }
        const w = window as unknown as { __sent: unknown[] };
        w.__sent = [];
        // What the client would send: the action's verb and its data merged with the inputs.
        adaptiveCard.onExecuteAction = (action: any) => {
          w.__sent.push({ type: action.getJsonTypeName(), verb: action.verb, data: action.data });
        };
        const host = document.getElementById('host')!;
        host.innerHTML = '';
        const element = adaptiveCard.render();
        if (!element) problems.push('render: the renderer returned nothing');
        else host.appendChild(element);
        return { problems, text: host.innerText, height: host.getBoundingClientRect().height };
      },
      { card, hostConfig: TEAMS_HOST_CONFIG },
    );
  }

  /**
   * Clicks the first `count` buttons (or tappable containers) whose text matches, e.g. to open
   * a ShowCard or reveal a passage before a screenshot. Returns how many were clicked.
   */
  async click(text: string, count = 1): Promise<number> {
    const targets = this.page.locator('#host button, #host [role="button"]').filter({ hasText: text });
    const n = Math.min(count, await targets.count());
    for (let i = 0; i < n; i++) await targets.nth(i).click();
    return n;
  }

  /** The actions the card has sent since it was rendered (a blocked, invalid submit sends nothing). */
  async sent(): Promise<{ type: string; verb?: string; data: Record<string, unknown> }[]> {
    return this.page.evaluate(() => (window as unknown as { __sent: { type: string; verb?: string; data: Record<string, unknown> }[] }).__sent);
  }

  /** Picks the radio button or ticks the checkbox with this value in the ChoiceSet with this id. */
  async choose(inputId: string, value: string): Promise<void> {
    await this.page.locator(`#host input[name="${inputId}"][value="${value}"]`).click();
  }

  /** Types into the visible input with this label (a hidden ShowCard may hold a twin). */
  async fill(label: string, value: string): Promise<void> {
    await this.page.getByLabel(label, { exact: false }).filter({ visible: true }).first().fill(value);
  }

  async select(label: string, optionText: string): Promise<void> {
    await this.page.getByLabel(label, { exact: false }).filter({ visible: true }).first().selectOption({ label: optionText });
  }

  /** Text of the rendered card now, e.g. after a toggle. */
  async visibleText(): Promise<string> {
    return this.page.locator('#host').innerText();
  }

  /**
   * The labels of the visible buttons whose text does not fit and is cut with an ellipsis: the
   * button (or the element holding its title) is narrower than its text.
   */
  async truncatedButtons(): Promise<string[]> {
    return this.page.evaluate(() => {
      const cut: string[] = [];
      const buttons: HTMLElement[] = Array.from(document.querySelectorAll('#host button.ac-pushButton'));
      for (const button of buttons) {
        if (button.offsetParent === null) continue;
        const parts: HTMLElement[] = [button, ...Array.from(button.querySelectorAll('*') as ArrayLike<HTMLElement>)];
        if (parts.some((el) => el.scrollWidth > el.clientWidth)) cut.push(button.innerText.trim());
      }
      return cut;
    });
  }

  /** The card's width as a phone shows it (360 px) or back to the desktop chat's 560 px. */
  async setHostWidth(px: number): Promise<void> {
    await this.page.evaluate((w) => {
      document.getElementById('host')!.style.width = `${w}px`;
    }, px);
  }

  async screenshot(path: string): Promise<void> {
    await this.page.locator('#host').screenshot({ path });
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}
