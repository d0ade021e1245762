import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../bot/config.js';
import { createLogger } from '../../bot/logger.js';
import { startServer, type RunningServer } from '../../bot/server.js';
import { contentHash } from '../../bot/standards/standard-ref.js';
import { StandardSchema } from '../../rules/standard/schema.js';
import { actionData, BotClient, cardsIn, cardText, type CardJson } from '../support/bot-client.js';
import { startTestBot, type TestBot } from '../support/bot-server.js';
import { inputIds } from '../support/card-json.js';
import { reopenTestDatabase } from '../support/db.js';
import { caseForm, startInterview } from '../support/interview.js';

/**
 * Two municipalities in one process: one has its own standard file (two levels, an early course
 * for 0-3 years, its own words), the other the seed. Driven over /api/messages as Teams would.
 */

const ROOT = join(import.meta.dirname, '..', '..');
const OTHER_FILE = join(ROOT, 'test', 'fixtures', 'standards', 'other-municipality.json');
const OTHER = StandardSchema.parse(JSON.parse(readFileSync(OTHER_FILE, 'utf8')));
const SLOW = { timeout: 180_000 };

const OWN_TENANT = 'aaaaaaaa-0000-4000-8000-00000000000a';
const SEED_TENANT = 'bbbbbbbb-0000-4000-8000-00000000000b';
const CHANNEL = '19:general-familie@thread.tacv2';
const TEAM = '19:familie-team@thread.tacv2';

/** A family with a 30-month-old and a beginning concern: inside the other municipality's 0-3 years, outside the seed's 0-24 months. */
const ANSWERS: Record<string, string> = {
  childBorn: 'born', childAgeMonths: '30', childLatePregnancy: '',
  concern: 'beginning', safetyConcern: 'false',
  complexity: 'low', problemDelimited: 'true', familyResourcesCarry: 'true',
  riskFactors_expecting: '', riskFactors_parent: 'parent-2', riskFactors_child: 'child-1', riskFactorsReviewed: 'reviewed', riskToDevelopment: 'true',
  investigation: 'none', preliminaryPlan: 'false',
  parentsNeedSupport: 'false', benefitsFromFamilyTreatment: 'unknown', solvableInLimitedPeriod: 'unknown', intensiveNeeded: 'unknown',
  parentalCapacityUnclear: 'unknown', emotionalCareAdequate: 'unknown', practicalCareSeriousDeficits: 'unknown', parentsSeeNeed: 'unknown',
  extraVisitsNeeded: 'false', receivesVisitationSocial: 'false', startDate: '2026-01-05',
};

/** Answers whatever the cards ask, step by step, as the cards name their inputs; returns every step card and the result. */
async function interview(me: BotClient): Promise<{ steps: CardJson[]; result: CardJson; draftId: string }> {
  const { draftId, card } = await startInterview(me);
  const steps: CardJson[] = [];
  let current: CardJson | undefined = card;
  for (let i = 0; i < 10; i++) {
    const next = actionData(current, 'intake.next');
    if (!next) break;
    steps.push(current!);
    const values = Object.fromEntries(inputIds(current).filter((id) => id in ANSWERS).map((id) => [id, ANSWERS[id] as string]));
    const answered = await me.execute('intake.next', { draftId, stepId: String(next.stepId), ...values });
    expect(answered.status).toBe(200);
    current = answered.card;
  }
  return { steps, result: current!, draftId };
}

async function caseworkerOf(bot: TestBot, tenantId: string): Promise<BotClient> {
  const me = bot.client({ tenantId, userName: 'Sanne Sagsbehandler' });
  await me.with({ kind: 'channel', conversationId: CHANNEL, teamId: TEAM, teamName: 'Familieafdelingen' }).install();
  me.joinTeam(TEAM);
  return me;
}

let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot({ TENANT_STANDARD_FILES: `${OWN_TENANT}=${OTHER_FILE}` });
}, 240_000);
afterAll(() => bot.stop(), 60_000);

describe('each municipality decides under its own standard', SLOW, () => {
  it('interviews a tenant with its own standard in its words, recommends its measure and stores its id, version and hash; the seed tenant beside it is unchanged', async () => {
    const own = await caseworkerOf(bot, OWN_TENANT);
    const mine = await interview(own);
    const asked = mine.steps.map(cardText).join('\n');
    expect(asked, 'its own wording of the concern question').toContain('Hvor bekymrede er I for barnet lige nu?');
    expect(asked).not.toContain('Hvor stor er bekymringen for barnet?');
    expect(asked, 'the age in whole years and months, as the product asks it for every standard').toContain('Barnets alder – hele år');
    expect(asked, 'it has no level 3, so its questions are not asked').not.toContain('følelsesmæssig omsorg');
    expect(cardText(mine.result), 'its own measure, for a 30-month-old').toContain('Tidlig indsats i hjemmet (0-3 år)');
    const created = await own.execute('case.accept', caseForm(mine.draftId, CHANNEL, 'SAG-EGEN-1'));
    expect(cardText(created.card)).toContain('SAG-EGEN-1');

    const seed = await caseworkerOf(bot, SEED_TENANT);
    const theirs = await interview(seed);
    const seedAsked = theirs.steps.map(cardText).join('\n');
    expect(seedAsked).toContain('Barnets alder – hele år');
    expect(seedAsked).toContain('følelsesmæssig omsorg');
    expect(cardText(theirs.result), "the seed's preventive course ends at 24 months").not.toContain('Tidlig indsats');
    expect(cardText(theirs.result)).toContain('Ingen af indsatserne passer');
    await seed.execute('case.accept', caseForm(theirs.draftId, CHANNEL, 'SAG-SEED-1'));

    const db = await bot.inspect();
    try {
      const rows = await db.query<{ tenant_id: string; standard_id: string; standard_version: string; standard_hash: string; recommended_outcome: string }>(
        'SELECT tenant_id, standard_id, standard_version, standard_hash, recommended_outcome FROM decisions ORDER BY seq',
      );
      const ownRow = rows.find((r) => r.tenant_id === OWN_TENANT);
      expect(ownRow).toMatchObject({ standard_id: 'eksempelkommune-familiestotte', standard_version: '2026.1', standard_hash: contentHash(OTHER), recommended_outcome: 'preventive' });
      expect(rows.find((r) => r.tenant_id === SEED_TENANT)).toMatchObject({ standard_id: 'familiestotte-seed', standard_version: '1' });
      const kept = await db.query<{ content: { id: string; version: string } }>('SELECT content FROM standards WHERE tenant_id = $1 AND content_hash = $2', [OWN_TENANT, contentHash(OTHER)]);
      expect(kept[0]?.content).toMatchObject({ id: OTHER.id, version: OTHER.version });
    } finally {
      await db.close();
    }
  });

  it('shows a case decided under an older version under that version, and says which is in force now', async () => {
    // The municipality replaces its file with version 2026.2, which renames the early course.
    const next = structuredClone(JSON.parse(readFileSync(OTHER_FILE, 'utf8')));
    next.version = '2026.2';
    next.measures.find((m: { id: string }) => m.id === 'preventive').name = { da: 'Småbørnsstøtte i hjemmet', en: 'Support for young children at home' };
    const file = join(mkdtempSync(join(tmpdir(), 'standard-v2-')), 'other-2026.2.json');
    writeFileSync(file, JSON.stringify(next));
    const config = loadConfig({ PORT: '0', DATA_DIR: bot.dataDir, LOG_LEVEL: 'silent', ALLOW_UNAUTHENTICATED_LOCAL: 'true', TENANT_STANDARD_FILES: `${OWN_TENANT}=${file}` });
    const server: RunningServer = await startServer(config, { host: '127.0.0.1', logger: createLogger('silent') });
    try {
      const me = new BotClient({ url: server.url, tenantId: OWN_TENANT, userName: 'Sanne Sagsbehandler' });
      me.joinTeam(TEAM);
      const [card] = cardsIn(await me.say('find SAG-EGEN-1'));
      const text = cardText(card);
      expect(text).toContain('Afgjort efter Eksempelkommunes servicestandard for familiestøtte i hjemmet version 2026.1; gældende er version 2026.2.');
      expect(text, 'named as the version it was decided under').toContain('Tidlig indsats i hjemmet (0-3 år)');
      expect(text).not.toContain('Småbørnsstøtte');
      // A new interview decides under the version in force.
      const fresh = await interview(me);
      expect(cardText(fresh.result)).toContain('Småbørnsstøtte i hjemmet');
    } finally {
      await server.close();
    }
    const db = await reopenTestDatabase(bot.dataDir);
    try {
      const kept = await db.query<{ version: string }>('SELECT version FROM standards WHERE tenant_id = $1 ORDER BY version', [OWN_TENANT]);
      expect(kept.map((r) => r.version), 'the older version is still kept: only decisions add one').toEqual(['2026.1']);
    } finally {
      await db.close();
    }
  });
});
