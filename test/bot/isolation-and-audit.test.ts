import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BotClient } from '../support/bot-client.js';
import { cardsIn, cardText } from '../support/bot-client.js';
import { startTestBot, type TestBot } from '../support/bot-server.js';
import { answerSteps, caseForm, FAMILIES, startInterview } from '../support/interview.js';

const CHANNEL = '19:general-audit@thread.tacv2';
const REFERENCE = 'SAG-2026-0042';

let bot: TestBot;
let caseworker: BotClient;
let colleague: BotClient;
let outsider: BotClient;

beforeAll(async () => {
  bot = await startTestBot();
  caseworker = bot.client();
  colleague = bot.client({ tenantId: caseworker.tenantId });
  outsider = bot.client();
  await caseworker.with({ kind: 'channel', conversationId: CHANNEL }).install();
  const { draftId } = await startInterview(caseworker);
  await answerSteps(caseworker, draftId, FAMILIES.level1);
  await caseworker.execute('case.accept', caseForm(draftId, CHANNEL, REFERENCE));

  // One read of each kind, by people who may and may not see the case.
  await caseworker.say(`find ${REFERENCE}`);
  await caseworker.say('mine sager');
  await outsider.say(`find ${REFERENCE}`);
  await outsider.execute('case.open', { caseReference: REFERENCE });
}, 240_000);
afterAll(() => bot.stop(), 60_000);

describe('tenant isolation', { timeout: 180_000 }, () => {
  it('the caseworker finds the case by its reference', async () => {
    const [card] = cardsIn(await caseworker.say(`find ${REFERENCE}`));
    expect(cardText(card)).toContain(REFERENCE);
  });

  it("another tenant's user can neither find nor open it", async () => {
    const [found] = cardsIn(await outsider.say(`find ${REFERENCE}`));
    expect(cardText(found)).not.toContain(REFERENCE);
    expect(cardText(found)).toMatch(/ingen sag/i);
    const opened = await outsider.execute('case.open', { caseReference: REFERENCE });
    expect(cardText(opened.card)).not.toContain(REFERENCE);
    const [mine] = cardsIn(await outsider.say('mine sager'));
    expect(cardText(mine)).not.toContain(REFERENCE);
  });

  it("a colleague's own list does not show it, but the same tenant can look it up", async () => {
    const [mine] = cardsIn(await colleague.say('mine sager'));
    expect(cardText(mine)).not.toContain(REFERENCE);
  });
});

describe('the audit log', { timeout: 180_000 }, () => {
  it('has one row per read and write of the case, by the caseworker, and none for the outsider', async () => {
    await bot.stop();
    const db = await bot.inspect();
    try {
      const rows = await db.query<{ action: string; actor_id: string; tenant_id: string }>(
        `SELECT a.action, a.actor_id, a.tenant_id FROM audit_log a JOIN cases c ON c.tenant_id = a.tenant_id AND c.case_id = a.case_id
         WHERE c.reference = $1 ORDER BY a.audit_id`,
        [REFERENCE],
      );
      // create; find (beforeAll); mine sager; find (first test); colleague's lookups are of other cases.
      expect(rows.map((r) => r.action)).toEqual(['case.create', 'case.read', 'case.list', 'case.read']);
      expect(new Set(rows.map((r) => r.actor_id))).toEqual(new Set([caseworker.userId]));
      const outsiderRows = await db.query('SELECT * FROM audit_log WHERE actor_id = $1 AND case_id IS NOT NULL', [outsider.userId]);
      expect(outsiderRows).toEqual([]);
    } finally {
      await db.close();
    }
  });
});
