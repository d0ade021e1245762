import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUTCOME_TITLES } from '../../cards/outcome-text.js';
import type { Database } from '../../bot/storage/database.js';
import { openDatabase } from '../../bot/storage/database.js';
import { actionData, BotClient, cardsIn, cardText } from '../support/bot-client.js';
import { freshPostgresDatabase, reopenTestDatabase, testDatabase } from '../support/db.js';
import { killBotProcess as kill, killBotProcessesAfterEach, startBotProcess as startBot, stopBotProcess as stop } from '../support/bot-process.js';
import { answerSteps, caseForm, FAMILIES, startInterview } from '../support/interview.js';

/**
 * The bot process killed (SIGKILL: an OOM kill, a node pulled) in the middle of an interview, and
 * a new process started on the same database: the interview goes on with "fortsæt" at the step
 * after the last one answered, with the earlier answers kept, and ends in a stored case. On the
 * embedded database the killed process leaves its lock file behind, which the new one must take
 * over; on PostgreSQL the server simply outlives the process.
 */

const CHANNEL = '19:drab-familie@thread.tacv2';
const TEAM = '19:drab-team@thread.tacv2';

killBotProcessesAfterEach();

/** The values a card's inputs are filled in with, by input id. */
function inputValues(card: unknown): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (typeof o.type === 'string' && o.type.startsWith('Input.') && typeof o.id === 'string') values[o.id] = o.value;
    Object.values(o).forEach(walk);
  };
  walk(card);
  return values;
}

type Backend = {
  name: string;
  /** The environment that points a bot process at the database. */
  env: Record<string, string>;
  /** What is left behind by the killed process, checked before the restart. */
  afterKill(): Promise<void>;
  /** Opens the database once no bot runs on it, to look at what was stored. */
  open(): Promise<Database>;
};

async function embedded(): Promise<Backend> {
  // A migrated folder copied from the run's template, so the first start skips initdb.
  const fresh = await testDatabase();
  const dataDir = fresh.dataDir;
  await fresh.close();
  return {
    name: 'embedded PGlite',
    env: { DATA_DIR: dataDir },
    async afterKill() {
      const pid = Number(await readFile(join(dataDir, 'familiestotte.pid'), 'utf8'));
      expect(pid, 'the killed process left its lock behind').toBeGreaterThan(0);
    },
    open: () => reopenTestDatabase(dataDir),
  };
}

async function postgres(): Promise<Backend> {
  // Fails, never skips, without the run's PostgreSQL server (TEST_DATABASE_URL).
  const url = await freshPostgresDatabase('killed');
  return { name: 'PostgreSQL', env: { DATABASE_URL: url }, afterKill: async () => undefined, open: () => openDatabase({ databaseUrl: url, dataDir: '' }) };
}

describe('the bot process killed mid-interview and started again on the same database', () => {
  it.each([
    ['embedded PGlite', embedded],
    ['PostgreSQL', postgres],
  ] as const)('%s: "fortsæt" shows step 4 with the three answers kept, and the interview ends in a stored case', { timeout: 120_000 }, async (_name, make) => {
    const backend = await make();
    const first = await startBot(backend.env);
    const clientOn = (url: string, ids: Partial<BotClient> = {}) => new BotClient({ url, tenantId: ids.tenantId, userId: ids.userId, conversationId: ids.conversationId, userName: 'Sanne Sagsbehandler' });

    const channel = new BotClient({ url: first.url, kind: 'channel', conversationId: CHANNEL, teamId: TEAM, teamName: 'Familieafdelingen' });
    await channel.install();
    const me = clientOn(first.url, { tenantId: channel.tenantId });
    me.joinTeam(TEAM);
    const { draftId } = await startInterview(me);
    const { child, concern, family } = FAMILIES.level2;
    const third = await answerSteps(me, draftId, { child, concern, family });
    // A school child is not asked the checklists for 0–24 months: the fourth step shown is the investigation.
    expect(actionData(third.card, 'intake.next')?.stepId).toBe('investigation');

    await kill(first);
    await backend.afterKill();

    const second = await startBot(backend.env);
    // The same person in the same chat, reaching the new process.
    const again = clientOn(second.url, me);
    const [resumed] = cardsIn(await again.say('fortsæt'));
    expect(actionData(resumed, 'intake.next'), 'step 4 of the same interview').toMatchObject({ draftId, stepId: 'investigation' });
    // "Tilbage" shows the third step with its saved answers filled in.
    const back = await again.execute('intake.back', actionData(resumed, 'intake.back')!);
    expect(actionData(back.card, 'intake.next')?.stepId).toBe('family');
    expect(inputValues(back.card), 'the third step\'s answers are kept').toMatchObject(family);
    const { risk, investigation, parents, special } = FAMILIES.level2;
    const result = await answerSteps(again, draftId, { family, risk, investigation, parents, special });
    expect(cardText(result.card)).toContain(OUTCOME_TITLES.level2.da);
    const created = await again.execute('case.accept', caseForm(draftId, CHANNEL, 'SAG-DRAEBT-1'));
    expect(cardText(created.card)).toContain('SAG-DRAEBT-1');
    await stop(second);

    const db = await backend.open();
    try {
      const [stored] = await db.query<{ age: number; concern: string; complexity: string; outcome: string }>(
        `SELECT (c.facts->'child'->>'ageMonths')::int AS age, c.facts->>'concern' AS concern, c.facts->>'complexity' AS complexity, d.chosen_outcome AS outcome
         FROM cases c JOIN decisions d USING (tenant_id, case_id) WHERE c.tenant_id = $1 AND c.reference = 'SAG-DRAEBT-1'`,
        [me.tenantId],
      );
      expect(stored, 'the answers given before the kill are in the stored case').toEqual({ age: 84, concern: 'pronounced', complexity: 'high', outcome: 'level2' });
      expect(await db.query('SELECT 1 FROM intake_drafts WHERE tenant_id = $1', [me.tenantId]), 'the draft is gone with the case created').toEqual([]);
    } finally {
      await db.close();
    }
  });
});
