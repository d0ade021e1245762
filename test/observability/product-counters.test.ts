import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardsIn, cardText, type BotClient } from '../support/bot-client.js';
import { startTestBot, type TestBot } from '../support/bot-server.js';
import { startConnectorStandin, type ConnectorStandin } from '../support/connector-standin.js';
import { startFakeOpenAi, type FakeOpenAi } from '../support/fake-openai.js';
import { answerSteps, caseForm, FAMILIES, startInterview } from '../support/interview.js';

/**
 * What an operator's Prometheus sees move on GET /metrics while the bot works: reminders posted,
 * retried and failed by the running dispatcher against the Bot Connector stand-in, and notes
 * summaries written by a (fake) language model or given without it.
 */

const TEAM = '19:familie-team-metrics@thread.tacv2';
const CHANNEL_OK = '19:metrics-ok@thread.tacv2';
const CHANNEL_BROKEN = '19:metrics-broken@thread.tacv2';
const SLOW = { timeout: 240_000 };

let bot: TestBot;
let connector: ConnectorStandin;
let fake: FakeOpenAi;
let me: BotClient;

async function metricsPage(): Promise<string> {
  const response = await fetch(`${bot.server.metricsUrl}/metrics`);
  expect(response.status).toBe(200);
  return response.text();
}

/** The counter's value on the page, 0 while the series does not exist yet. */
function valueOf(page: string, series: string): number {
  const line = page.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

/** The dispatcher sweeps every second in the background; wait for it rather than for a fixed time. */
async function eventually(series: string, atLeast: number, withinMs = 60_000): Promise<string> {
  const until = Date.now() + withinMs;
  for (;;) {
    const page = await metricsPage();
    if (valueOf(page, series) >= atLeast) return page;
    if (Date.now() > until) throw new Error(`${series} stayed below ${atLeast}:\n${page}\n${JSON.stringify(connector.requests.map((r) => [r.kind, r.path, r.status]))}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function caseInChannel(channelId: string, reference: string): Promise<void> {
  await me.with({ kind: 'channel', conversationId: channelId, channelId, teamId: TEAM }).install();
  const { draftId } = await startInterview(me);
  // Started 2026-01-05, so the level 2 grant's notices are due already and the next sweep posts them.
  await answerSteps(me, draftId, FAMILIES.level2);
  const created = await me.execute('case.accept', caseForm(draftId, channelId, reference));
  expect(cardText(created.card)).toContain(reference);
}

beforeAll(async () => {
  [connector, fake] = await Promise.all([startConnectorStandin(), startFakeOpenAi()]);
  bot = await startTestBot({ METRICS_PORT: '0', REMINDER_SWEEP_SECONDS: '1', LLM_MODEL: 'fake-model', OPENAI_BASE_URL: fake.baseURL, LLM_TIMEOUT_MS: '15000' });
  me = bot.client({ userName: 'Sanne Sagsbehandler', serviceUrl: connector.url });
}, 240_000);
afterAll(async () => {
  await bot?.stop();
  await Promise.all([connector?.close(), fake?.close()]);
}, 60_000);

describe('GET /metrics while the bot works', SLOW, () => {
  it('counts a reminder retried after a transient error and then sent', async () => {
    connector.fail(CHANNEL_OK, { status: 503, code: 'ServiceUnavailable', times: 1 });
    await caseInChannel(CHANNEL_OK, 'SAG-METRIK-1');
    await eventually('familiestotte_reminders_total{outcome="sent"}', 1);
    const page = await eventually('familiestotte_reminders_total{outcome="retried"}', 1);
    expect(valueOf(page, 'familiestotte_reminders_total{outcome="failed"}')).toBe(0);
    expect(connector.posts().length).toBeGreaterThan(0);
  });

  it('counts a reminder that fails for good', async () => {
    connector.fail(CHANNEL_BROKEN, { status: 400, code: 'BadArgument' });
    const sentBefore = valueOf(await metricsPage(), 'familiestotte_reminders_total{outcome="sent"}');
    await caseInChannel(CHANNEL_BROKEN, 'SAG-METRIK-2');
    const page = await eventually('familiestotte_reminders_total{outcome="failed"}', 1);
    expect(valueOf(page, 'familiestotte_reminders_total{outcome="sent"}')).toBe(sentBefore);
  });

  it('counts a summary the model wrote, and one it failed, with the fallback and its reason', async () => {
    await me.say('notat SAG-METRIK-1 besøg 60 Familien var hjemme, vi talte om morgenrutinen.');
    const [first] = cardsIn(await me.say('noter SAG-METRIK-1'));
    expect(cardText(first)).toContain('fake-model');
    let page = await metricsPage();
    expect(valueOf(page, 'familiestotte_llm_calls_total{purpose="summary",result="ok"}')).toBe(1);
    expect(valueOf(page, 'familiestotte_llm_duration_seconds_count{purpose="summary"}')).toBe(1);
    expect(page).not.toContain('familiestotte_llm_fallbacks_total{');

    // A new note, so the next summary must ask the model again; this time it answers 500.
    await me.say('notat SAG-METRIK-1 telefon 15 Mor ringede om tandlæge.');
    fake.script({ kind: 'status', status: 500 });
    const [second] = cardsIn(await me.say('noter SAG-METRIK-1'));
    expect(cardText(second)).toContain('uden sprogmodel');
    page = await metricsPage();
    expect(valueOf(page, 'familiestotte_llm_calls_total{purpose="summary",result="error"}')).toBe(1);
    expect(valueOf(page, 'familiestotte_llm_fallbacks_total{purpose="summary",reason="error"}')).toBe(1);
    expect(valueOf(page, 'familiestotte_llm_duration_seconds_count{purpose="summary"}')).toBe(2);
    expect(fake.requests).toHaveLength(2);
  });
});
