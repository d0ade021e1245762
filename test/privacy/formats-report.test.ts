import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { containsCprLike } from '../../bot/privacy/cpr.js';
import { cardsIn, cardText, type BotClient } from '../support/bot-client.js';
import { startTestBot, type TestBot } from '../support/bot-server.js';
import { startFakeOpenAi, type FakeOpenAi } from '../support/fake-openai.js';
// Every CPR format must be refused, so never stored nor sent.
import { CPR_FORMATS } from '../support/cpr-formats.js';
import { answerSteps, caseForm, FAMILIES, startInterview } from '../support/interview.js';

/**
 * Every format of personal data a caseworker was seen to write in a note, through the note
 * command over /api/messages, into storage, and through the notes summary to a local
 * OpenAI-compatible server that records what would have left the machine. The report (a table:
 * format → stored? masked before the model?) is written to test/.artifacts/ and printed.
 */

const CHANNEL = '19:general-privacy@thread.tacv2';
const REFERENCE = 'SAG-2026-0777';
const CASEWORKER = 'Birthe Kjærsgaard';
const PSEUDONYM = 'Lillebror';


interface Format {
  format: string;
  note: string;
  /** What must not be in any request body: as written, matched as whole words; `caseSensitive` for names that are also words. */
  secrets: string[];
  caseSensitive?: boolean;
}

/** Everything else is stored as written (after the name warning where there is one) and must be masked before the model. */
const FORMATS: Format[] = [
  { format: 'registered caseworker name', note: `${CASEWORKER} besøgte familien.`, secrets: ['Birthe', 'Kjærsgaard'] },
  { format: 'registered pseudonym, lower case', note: `${PSEUDONYM.toLowerCase()} sov godt.`, secrets: [PSEUDONYM] },
  { format: 'listed first name at a sentence start', note: 'Karina var træt efter natten.', secrets: ['Karina'] },
  { format: 'listed first name in lower case', note: 'Samtale med jens om morgenen.', secrets: ['jens'] },
  { format: 'full name in capitals', note: 'METTE JENSEN ringede om aftalen.', secrets: ['Mette', 'Jensen'] },
  { format: 'full name in lower case', note: 'samtale med mette jensen om søvn.', secrets: ['Mette', 'Jensen'] },
  { format: 'initial and surname', note: 'M. Jensen deltog i mødet.', secrets: ['Jensen'] },
  { format: 'hyphenated name in lower case', note: 'mor ahmed el-sayed var med.', secrets: ['ahmed', 'el-sayed', 'sayed'] },
  { format: 'names that are also words, capitalised', note: 'Storm legede med Bo, Lærke og Sten.', secrets: ['Storm', 'Bo', 'Lærke', 'Sten'], caseSensitive: true },
  { format: 'name that is also a word, after "hedder"', note: 'Storebror hedder storm.', secrets: ['storm'], caseSensitive: true },
  { format: 'town', note: 'Familien flytter til Aarhus i marts.', secrets: ['Aarhus'] },
  { format: 'town of two words, lower case', note: 'Mormor bor i hvide sande.', secrets: ['hvide sande'] },
  { format: 'kindergarten with its name', note: 'Barnet går i Solsikkens Børnehave.', secrets: ['Solsikkens', 'Solsikken'] },
  { format: 'school as one word', note: 'Storesøster går på Møllevangskolen.', secrets: ['Møllevangskolen', 'Møllevang'] },
  { format: 'SFO with its name', note: 'Hentes i SFO Regnbuen kl. 16.', secrets: ['Regnbuen'] },
  { format: 'street address, lower case', note: 'Familien bor på nørregade 20.', secrets: ['nørregade'] },
  { format: 'street address with floor', note: 'Ny adresse: Nørregade 20, 2. th.', secrets: ['Nørregade', '2. th'] },
  { format: 'phone, 8 digits', note: 'Mor kan nås på 20304050.', secrets: ['20304050'] },
  { format: 'phone, pairs', note: 'Far kan nås på 21 31 41 51.', secrets: ['21 31 41 51', '21 31'] },
  { format: 'phone, fours', note: 'Mormor kan nås på 2232 4252.', secrets: ['2232 4252', '2232'] },
  { format: 'phone, fours with a dash', note: 'Skolen kan nås på 2333-4353.', secrets: ['2333-4353', '2333'] },
  { format: 'phone, pairs with dots', note: 'Plejefamilien kan nås på 24.34.44.54.', secrets: ['24.34.44.54', '24.34'] },
  { format: 'phone, +45 and pairs', note: 'Onkel kan nås på +45 25 35 45 55.', secrets: ['25 35 45 55', '25 35'] },
  { format: 'e-mail', note: 'Mor skriver fra moderen@mail.dk.', secrets: ['moderen'] },
  { format: 'e-mail with "snabel-a" and "punktum"', note: 'Far skriver fra faderen snabel-a post punktum dk.', secrets: ['faderen'] },
  { format: 'e-mail with "at" and "dot"', note: 'Faster skriver fra fasteren at net dot dk.', secrets: ['fasteren'] },
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const asWord = (secret: string, caseSensitive: boolean) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(secret)}(?![\\p{L}\\p{N}])`, caseSensitive ? 'u' : 'iu');

describe('every format of personal data: what is stored and what leaves the machine', { timeout: 300_000 }, () => {
  let fake: FakeOpenAi;
  let bot: TestBot;
  let caseworker: BotClient;
  const refused = new Map<string, boolean>();
  const warned = new Map<string, boolean>();
  let sent: string[] = [];
  let storedRows: string[] = [];
  let noteTexts: string[] = [];

  beforeAll(async () => {
    fake = await startFakeOpenAi();
    bot = await startTestBot({ LLM_MODEL: 'fake-model', OPENAI_BASE_URL: fake.baseURL, OPENAI_API_KEY: 'test-key' });
    caseworker = bot.client({ userName: CASEWORKER });
    await caseworker.with({ kind: 'channel', conversationId: CHANNEL }).install();
    const { draftId } = await startInterview(caseworker);
    await answerSteps(caseworker, draftId, FAMILIES.level2);
    const created = await caseworker.execute('case.accept', { ...caseForm(draftId, CHANNEL, REFERENCE), childPseudonym: PSEUDONYM });
    expect(cardText(created.card)).toContain(REFERENCE);

    for (const [how, cpr] of CPR_FORMATS) {
      const [card] = cardsIn(await caseworker.say(`notat ${REFERENCE} besøg 10 Mor oplyste ${cpr} ved mødet.`));
      refused.set(how, /CPR-nummer/.test(cardText(card)));
    }
    for (const f of FORMATS) {
      const [card] = cardsIn(await caseworker.say(`notat ${REFERENCE} besøg 10 ${f.note}`));
      const isWarning = /indeholde et navn/.test(cardText(card));
      warned.set(f.format, isWarning);
      if (isWarning) {
        // The caseworker keeps the note as written: the model boundary must still mask it.
        const keep = ((card?.actions ?? []) as { data: Record<string, unknown> }[]).map((a) => a.data).find((d) => d.keepNames === 'true');
        await caseworker.execute('note.add', { ...keep, text: f.note });
      }
    }
    const [summary] = cardsIn(await caseworker.say(`noter ${REFERENCE}`));
    expect(cardText(summary)).toContain('fake-model');
    sent = fake.requests.map((r) => {
      const raw = r.raw.toString('utf8');
      const body = JSON.parse(raw) as { messages?: { content?: string }[] };
      return `${raw}\n${(body.messages ?? []).map((m) => m.content ?? '').join('\n')}`;
    });

    const db = await bot.inspect();
    try {
      const tables = await db.query<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`);
      for (const { table_name } of tables) {
        const rows = await db.query<{ row: string }>(`SELECT row_to_json(t)::text AS row FROM "${table_name}" t`);
        storedRows.push(...rows.map((r) => r.row));
      }
      const notes = await db.query<{ text: string }>(
        `SELECT n.text FROM case_notes n JOIN cases c ON c.tenant_id = n.tenant_id AND c.case_id = n.case_id WHERE c.reference = $1`,
        [REFERENCE],
      );
      noteTexts = notes.map((n) => n.text);
    } finally {
      await db.close();
    }
  }, 300_000);

  afterAll(async () => {
    await bot?.stop();
    await fake?.close();
  }, 60_000);

  // Ids and timestamps hold digit runs that are not CPR numbers; everything else in a row is checked.
  const withoutIdsAndTimes = (row: string) =>
    row.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '').replace(/\d{4}-\d{2}-\d{2}[T ][\d:.]+(?:[+-]\d{2}(?::?\d{2})?|Z)?/g, '');

  it('writes the report: each format, whether it was stored, and whether it was masked before the model', () => {
    expect(sent.length).toBeGreaterThan(0);
    const lines = ['| format | stored in the database | masked before the model |', '| --- | --- | --- |'];
    for (const [how, cpr] of CPR_FORMATS) {
      const stored = storedRows.some((row) => row.includes(cpr)) || !refused.get(how);
      const leaked = sent.some((body) => body.includes(cpr));
      lines.push(`| CPR ${how} | ${stored ? 'YES' : 'no (refused)'} | ${leaked ? 'NO – sent' : 'yes (never sent)'} |`);
    }
    for (const f of FORMATS) {
      const stored = noteTexts.includes(f.note);
      const leaked = f.secrets.filter((s) => sent.some((body) => asWord(s, f.caseSensitive ?? false).test(body)));
      lines.push(`| ${f.format} | ${stored ? `yes, as written${warned.get(f.format) ? ' (after the name warning)' : ''}` : 'no'} | ${leaked.length ? `NO – sent: ${leaked.join(', ')}` : 'yes'} |`);
    }
    const report = `# Personal data formats: stored and masked\n\n${lines.join('\n')}\n`;
    mkdirSync(new URL('../.artifacts/', import.meta.url), { recursive: true });
    writeFileSync(new URL('../.artifacts/formats-report.md', import.meta.url), report);
    console.log(report);
  });

  it.each(CPR_FORMATS)('a CPR number written %s (%s) is refused, stored nowhere and never sent', (how, cpr) => {
    expect(refused.get(how)).toBe(true);
    expect(storedRows.filter((row) => row.includes(cpr))).toEqual([]);
    expect(sent.filter((body) => body.includes(cpr))).toEqual([]);
  });

  it('no row of any table holds anything CPR-like', () => {
    expect(storedRows.length).toBeGreaterThan(0);
    expect(storedRows.filter((row) => containsCprLike(withoutIdsAndTimes(row)))).toEqual([]);
  });

  it('no request body holds anything CPR-like', () => {
    expect(sent.filter((body) => containsCprLike(withoutIdsAndTimes(body)))).toEqual([]);
  });

  it.each(FORMATS.map((f) => [f.format, f] as const))('%s: stored as written, and masked before the model', (_format, f) => {
    expect(noteTexts).toContain(f.note);
    for (const secret of f.secrets) {
      expect(sent.filter((body) => asWord(secret, f.caseSensitive ?? false).test(body)), secret).toEqual([]);
    }
  });

  it('the names were asked about before storing, and the notes without a name were not', () => {
    const nameFormats = FORMATS.filter((f) => /^(?:registered caseworker|listed|full name|initial|hyphenated|names? that)/.test(f.format)).map((f) => f.format);
    for (const format of nameFormats) expect(warned.get(format), format).toBe(true);
    for (const format of ['phone, 8 digits', 'town', 'street address, lower case', 'e-mail']) expect(warned.get(format), format).toBe(false);
  });

  it('what the model was sent carries role tokens instead', () => {
    const all = sent.join('\n');
    for (const token of ['[NAVN_', '[STED_', '[INSTITUTION_', '[ADRESSE_', '[TLF_', '[EMAIL_']) expect(all).toContain(token);
  });
});
