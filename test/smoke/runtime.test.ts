import { describe, expect, it } from 'vitest';
import { OUTCOME_TITLES } from '../../cards/outcome-text.js';
import { BotClient, cardText } from '../support/bot-client.js';
import { killBotProcessesAfterEach, startBotProcess, stopBotProcess } from '../support/bot-process.js';
import { testDatabase } from '../support/db.js';
import { answerSteps, caseForm, FAMILIES, startInterview } from '../support/interview.js';

/**
 * The product on the Node.js that runs this test: the whole suite runs on Node 24 (production),
 * and `npm test` runs this file again on Node 22 (still supported). A runtime the dependencies do
 * not support shows here first: restify 11 crashed at start on Node 24.
 */

const CHANNEL = '19:smoke-familie@thread.tacv2';
const TEAM = '19:smoke-team@thread.tacv2';

killBotProcessesAfterEach();

describe(`the bot on Node ${process.versions.node}`, () => {
  it('starts, is ready, takes one whole interview to a stored case, stops cleanly, and warns of nothing', { timeout: 120_000 }, async () => {
    expect(Number(process.versions.node.split('.')[0]), 'a supported runtime (22 or newer)').toBeGreaterThanOrEqual(22);
    const fresh = await testDatabase();
    const dataDir = fresh.dataDir;
    await fresh.close();
    const bot = await startBotProcess({ DATA_DIR: dataDir });

    const ready = await fetch(`${bot.url}/ready`);
    expect(ready.status, await ready.clone().text()).toBe(200);

    const channel = new BotClient({ url: bot.url, kind: 'channel', conversationId: CHANNEL, teamId: TEAM, teamName: 'Familieafdelingen' });
    await channel.install();
    const me = new BotClient({ url: bot.url, tenantId: channel.tenantId, userName: 'Sanne Sagsbehandler' });
    me.joinTeam(TEAM);
    const { draftId } = await startInterview(me);
    const result = await answerSteps(me, draftId, FAMILIES.level1);
    expect(cardText(result.card)).toContain(OUTCOME_TITLES.level1.da);
    const created = await me.execute('case.accept', caseForm(draftId, CHANNEL, 'SAG-SMOKE-1'));
    expect(cardText(created.card)).toContain('SAG-SMOKE-1');

    await stopBotProcess(bot);
    // Deprecation and experimental warnings are what a runtime upgrade breaks next.
    expect(bot.output(), 'no runtime warning at start or during the interview').not.toMatch(/DEP\d{4}|DeprecationWarning|ExperimentalWarning|\(node:\d+\) Warning/);
  });
});
