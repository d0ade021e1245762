import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTCOME_SHORT, OUTCOME_TITLES } from '../../cards/outcome-text.js';
import { loadConfig } from '../../bot/config.js';
import { createLogger } from '../../bot/logger.js';
import { createDispatcher } from '../../bot/reminders/dispatcher.js';
import { startServer, type RunningServer } from '../../bot/server.js';
import { contentHash } from '../../bot/standards/standard-ref.js';
import { OUTCOME_LABEL, OUTCOME_LABEL_EN } from '../../bot/summary/labels.js';
import { DEV_IDENTITY, DEV_TOKEN } from '../../bot/tab/mode.js';
import { createConnectorClient } from '../../bot/teams/proactive.js';
import { passageById, SOURCES } from '../../rules/passages/index.js';
import { StandardSchema } from '../../rules/standard/schema.js';
import { actionData, BotClient, cardsIn, cardText, type CardJson } from '../support/bot-client.js';
import { startTestBot, type TestBot } from '../support/bot-server.js';
import { inputIds } from '../support/card-json.js';
import { sharedConnectorStandin, type RecordedRequest } from '../support/connector-standin.js';
import { reopenTestDatabase } from '../support/db.js';
import { caseForm, overrideForm, startInterview } from '../support/interview.js';
import { planCardSubmission } from '../support/plan-fixtures.js';

/**
 * Two municipalities in one process: one has its own standard file (two levels, an early course
 * for 0-3 years, its own words), the other the seed. Driven over /api/messages as Teams would.
 */

const ROOT = join(import.meta.dirname, '..', '..');
const OTHER_FILE = join(ROOT, 'test', 'fixtures', 'standards', 'other-municipality.json');
const OTHER = StandardSchema.parse(JSON.parse(readFileSync(OTHER_FILE, 'utf8')));
const SEED = StandardSchema.parse(JSON.parse(readFileSync(join(ROOT, 'rules', 'standards', 'familiestotte-seed.json'), 'utf8')));
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

/** Every passage id a standard file cites (its measures, criteria, reviews, options, overview) and its own. */
function citedIn(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) citedIn(v, into);
  else if (value !== null && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if ((key === 'passage' || key === 'overview') && typeof v === 'string') into.add(v);
      else citedIn(v, into);
    }
  }
  return into;
}

/**
 * What of the seed standard a tenant on the other standard must never be shown: the seed's names
 * for the measures the other standard names otherwise (as the seed file and the product's titles
 * for it word them, Danish and English), and the passages only the seed cites, by id and heading.
 */
function seedOnly(): { words: string[]; headings: string[] } {
  const renamed = OTHER.measures.filter((m) => SEED.measures.find((s) => s.id === m.id)?.name.da !== m.name.da).map((m) => m.id);
  const absent = SEED.measures.filter((s) => !OTHER.measures.some((m) => m.id === s.id)).map((s) => s.id);
  const outcomes = [...renamed, ...absent] as (keyof typeof OUTCOME_TITLES)[];
  const names = outcomes.flatMap((o) => {
    const seed = SEED.measures.find((m) => m.id === o)!;
    return [seed.name.da, seed.name.en, OUTCOME_TITLES[o].da, OUTCOME_TITLES[o].en, OUTCOME_SHORT[o].da, OUTCOME_SHORT[o].en, OUTCOME_LABEL[o], OUTCOME_LABEL_EN[o]];
  });
  const theirs = citedIn(OTHER);
  const passages = [...citedIn(SEED)].filter((id) => !theirs.has(id));
  // A heading several passages share ("3) Målgruppe") is the other standard's too when it cites one of them.
  const theirHeadings = new Set([...theirs].map((id) => passageById(id)?.heading));
  const headings = passages.map((id) => passageById(id)?.heading).filter((h): h is string => h !== undefined && !theirHeadings.has(h));
  return { words: [...new Set([...names, ...passages])], headings };
}

/**
 * Whether a card or response shows a seed passage's heading: as a whole value, as a passage's label
 * ("Afsnit i standarden: ‹heading› · id") or under its source ("… › ‹heading›"). A heading such as
 * "3) Målgruppe" also begins the headings of the passages below it, which the other standard has.
 */
function showsHeading(json: string, heading: string): boolean {
  const h = JSON.stringify(heading).slice(1, -1);
  return json.includes(`"${h}"`) || json.includes(`${h} · `) || json.includes(`› ${h}"`);
}

describe('a municipality on its own standard, the whole way: interview, decision, case, reminders, plan, review, summary and tab', SLOW, () => {
  // The tab's local developer is this municipality's caseworker, so the tab reads as they would.
  const TENANT = DEV_IDENTITY.tenantId;
  const REFERENCE = 'SAG-EGEN-2026-7';
  const WHOLE_CHANNEL = '19:egen-standard@thread.tacv2';
  const WHOLE_TEAM = '19:egen-standard-team@thread.tacv2';
  let whole: TestBot;
  /** Everything the municipality was sent: every reply card, every post the connector took, every tab answer. */
  const received: { what: string; json: unknown }[] = [];
  const keep = <T>(what: string, json: T): T => {
    received.push({ what, json });
    return json;
  };

  beforeAll(async () => {
    // No background sweeps: the test fires the reminders at the day it chooses.
    whole = await startTestBot({ TENANT_STANDARD_FILES: `${TENANT}=${OTHER_FILE}`, REMINDER_SWEEP_SECONDS: '0' });
  }, 240_000);
  afterAll(() => whole.stop(), 60_000);

  const me = () => new BotClient({ url: whole.server.url, tenantId: TENANT, userId: DEV_IDENTITY.userId, conversationId: 'a:egen-standard-sanne', userName: 'Sanne Sagsbehandler' });
  const tab = async (path: string) => keep(`tab ${path}`, await (await fetch(`${whole.server.url}${path}`, { headers: { authorization: `Bearer ${DEV_TOKEN}` } })).json());

  it('never shows the seed standard’s names, passages or headings, and reminds at its own due dates with its own words', async () => {
    const sanne = me();
    sanne.joinTeam(WHOLE_TEAM);
    keep('install', await sanne.with({ kind: 'channel', conversationId: WHOLE_CHANNEL, teamId: WHOLE_TEAM, teamName: 'Familieafdelingen' }).install());

    // The interview and the recommendation, which cites the standard's own passage with its own words.
    const asked = await interview(sanne);
    for (const step of asked.steps) keep('interview step', step);
    keep('result', asked.result);
    expect(cardText(asked.result)).toContain('Tidlig indsats i hjemmet (0-3 år)');
    const own = OTHER.passages.own![0]!;
    expect(JSON.stringify(asked.result), 'its own passage is named by its heading, not the id alone').toContain(own.heading);
    // Its words are one tap away, on the recommendation's background card.
    const details = await sanne.execute('result.details', { draftId: asked.draftId, verb: 'result.details' });
    keep('result details', details.card);
    expect(JSON.stringify(details.card)).toContain(own.text);

    // A forged card choosing a level this standard does not have: refused in the reader's language, nothing stored.
    const forged = await sanne.execute('case.override', overrideForm(asked.draftId, WHOLE_CHANNEL, REFERENCE, 'level3', 'Familien har brug for kompenserende støtte.'));
    keep('forged override', forged.card);
    expect(cardText(forged.card)).toContain(`${OTHER.name.da} har ikke den indsats`);
    const forgedEn = await sanne.with({ locale: 'en-US' }).execute('case.override', overrideForm(asked.draftId, WHOLE_CHANNEL, REFERENCE, 'level3', 'The family needs compensatory support.'));
    keep('forged override (English)', forgedEn.card);
    expect(cardText(forgedEn.card)).toContain(`${OTHER.name.en} has no such measure`);

    // The case, and its first plan named as the standard names the measure.
    const created = await sanne.execute('case.accept', caseForm(asked.draftId, WHOLE_CHANNEL, REFERENCE));
    keep('case created', created.card);
    const caseId = actionData(created.card, 'plan.save')?.caseId;
    expect(typeof caseId, cardText(created.card).slice(0, 300)).toBe('string');
    expect(cardText(created.card)).toContain('Tidlig indsats i hjemmet (0-3 år) · ny plan');
    const saved = await sanne.execute('plan.save', planCardSubmission(String(caseId)));
    keep('plan saved', saved.card);
    expect(cardText(saved.card)).toContain('Tidlig indsats i hjemmet (0-3 år) · version 1');

    // The reminders, fired on the day the course ends (started 2026-01-05): the standard's due dates and words.
    const connector = await sharedConnectorStandin();
    const before = connector.posts().length;
    const db = await whole.inspect();
    try {
      const stored = await db.query<{ kind: string; due: string; notice: string }>(
        `SELECT r.kind, r.due::text AS due, r.notice FROM reminders r JOIN reminder_cases c USING (tenant_id, case_id) WHERE c.tenant_id = $1 AND c.case_ref = $2 ORDER BY r.due, r.notice`,
        [TENANT, REFERENCE],
      );
      // 36 and 40 weeks after the start: the handover and the course's end, as this standard sets them.
      expect([...new Set(stored.map((r) => `${r.kind} ${r.due}`))]).toEqual(['handover 2026-09-14', 'course-end 2026-10-12']);
      const dispatcher = createDispatcher({ db, connector: createConnectorClient(async () => 'test-token'), botId: '28:local', log: pino({ level: 'silent' }) });
      await dispatcher.sweep(new Date('2026-10-12T08:00:00Z'));
      await dispatcher.stop();
      const refused = await db.query<{ details: Record<string, unknown>; case_id: string | null }>(`SELECT details, case_id FROM audit_log WHERE tenant_id = $1 AND action = 'decision.refused'`, [TENANT]);
      expect(refused.map((r) => [r.details.chosen, r.details.standardId, r.case_id]), 'each forged choice is audited').toEqual([
        ['level3', OTHER.id, null],
        ['level3', OTHER.id, null],
      ]);
      const decisions = await db.query<{ chosen_outcome: string }>('SELECT chosen_outcome FROM decisions WHERE tenant_id = $1', [TENANT]);
      expect(decisions.map((d) => d.chosen_outcome), 'nothing stored of the forged choices').toEqual(['preventive']);
    } finally {
      await db.close();
    }
    await whole.restart();
    const posted = connector.posts().slice(before).filter((p: RecordedRequest) => p.tenantId === TENANT);
    expect(posted.length, 'the reminders were posted').toBeGreaterThan(0);
    for (const p of posted) keep(`connector ${p.kind}`, p.body);
    const postedJson = JSON.stringify(posted.map((p) => p.body));
    expect(postedJson, 'in its own words').toContain('Aftal med forældrene, hvordan barnet starter i dagtilbud: 4 uger før den tidlige indsats slutter.');
    expect(postedJson).toContain('Den tidlige indsats slutter senest efter 40 uger');
    expect(postedJson).toContain('12.10.2026');

    // The reminder's own buttons: the card fetched again, and the case opened from it.
    const reminderCard = (posted[0]!.kind === 'create-thread' ? posted[0]!.body.activity : posted[0]!.body).attachments[0].content as CardJson;
    const inChannel = sanne.with({ kind: 'channel', conversationId: WHOLE_CHANNEL, teamId: WHOLE_TEAM, teamName: 'Familieafdelingen' });
    const refreshed = await inChannel.execute('reminder.refresh', actionData(reminderCard, 'reminder.refresh') ?? {});
    keep('reminder refreshed', refreshed.card);
    expect(cardText(refreshed.card)).toContain(REFERENCE);
    const opened = await sanne.execute('case.open', actionData(reminderCard, 'case.open') ?? {});
    keep('case opened from the reminder', opened.card);
    expect(cardText(opened.card)).toContain('Tidlig indsats i hjemmet (0-3 år)');

    // Asked about its standard, the municipality finds its own passage among the answers.
    const [answer] = cardsIn(await sanne.say('standard tidlig indsats målgruppe 0-3 år'));
    expect(JSON.stringify(answer)).toContain(own.id);
    expect(JSON.stringify(answer)).toContain(OTHER.name.da);
    const [free] = await sanne.say('hvem er målgruppen for den tidlige indsats 0-3 år');
    expect(JSON.stringify(free), 'a question in free text too').toContain(own.id);

    // The review, named as the standard names the measure.
    const reviewReply = await sanne.say(`gennemgang ${REFERENCE}`);
    const [review] = cardsIn(reviewReply);
    expect(review, JSON.stringify(reviewReply).slice(0, 600)).toBeDefined();
    keep('review', review);
    expect(cardText(review)).toContain('Tidlig indsats i hjemmet (0-3 år)');
    const done = await sanne.execute('plan.review.save', { ...actionData(review, 'plan.review.save'), reviewDate: '2026-10-12', goal1Progress: 'some', goal2Progress: 'clear', decision: 'continue' });
    keep('review saved', done.card);
    expect(cardText(done.card)).toContain('Gennemgangen er gemt');

    // The case, the list, the summary card and the tab, in Danish and English.
    for (const [what, text] of [['case card', `find ${REFERENCE}`], ['my cases', 'mine sager'], ['summary card', `resumé ${REFERENCE}`]] as const) {
      for (const card of cardsIn(keep(what, await sanne.say(text)))) expect(cardText(card)).toContain(REFERENCE);
    }
    for (const card of cardsIn(keep('summary card (English)', await sanne.with({ locale: 'en-US' }).say(`summary ${REFERENCE}`)))) expect(cardText(card)).toContain('Early support at home (0-3 years)');
    for (const lang of ['da', 'en']) {
      await tab(`/api/tab/cases?view=mine&lang=${lang}`);
      await tab(`/api/tab/cases?view=team&teamId=${encodeURIComponent(WHOLE_TEAM)}&lang=${lang}`);
      await tab(`/api/tab/cases/${REFERENCE}?lang=${lang}`);
      await tab(`/api/tab/overview?teamId=${encodeURIComponent(WHOLE_TEAM)}&lang=${lang}`);
    }
    const tabJson = JSON.stringify(received.filter((r) => r.what.startsWith('tab ')).map((r) => r.json));
    expect(tabJson, 'the tab shows the case').toContain(REFERENCE);
    expect(tabJson, 'the overview and the list name the measure as the standard does').toContain('Tidlig indsats i hjemmet (0-3 år)');

    // Nothing of the seed, anywhere the municipality looked.
    const forbidden = seedOnly();
    expect(forbidden.words).toEqual(expect.arrayContaining(['Hjemmepædagogisk indsats', 'Niveau 3', 'pps.maalgruppe.3', 'hpi.3.maalgruppe.alder']));
    expect(forbidden.headings).toEqual(expect.arrayContaining(['Målgruppe › Ad. 3']));
    const theirQuotes = [
      ...OTHER.passages.sources.map((source) => JSON.stringify(SOURCES[source].title).slice(1, -1)),
      ...[...citedIn(OTHER)].flatMap((id) => [passageById(id)?.text, passageById(id)?.heading]).filter((q): q is string => Boolean(q)).map((q) => JSON.stringify(q).slice(1, -1)),
    ];
    const leaks = received.flatMap(({ what, json }) => {
      const text = JSON.stringify(json);
      // Names in any case ("niveau 1" inside a sentence is the seed's name too), in everything but
      // what the other standard itself quotes: the titles and words of the sources it names.
      const lower = theirQuotes.reduce((t, q) => t.split(q).join(' '), text).toLowerCase();
      return [...forbidden.words.filter((f) => lower.includes(f.toLowerCase())), ...forbidden.headings.filter((h) => showsHeading(text, h))].map((f) => `${what}: ${f}`);
    });
    expect(leaks).toEqual([]);
  });
});
