import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { AppManifestUtils } from '@microsoft/app-manifest';
import AdmZip from 'adm-zip';
import { describe, expect, it } from 'vitest';
import { APP_PACKAGE_DIR, buildAppPackage, filledManifest } from '../bot/app-package/build.js';
import { packageValuesFrom } from '../bot/app-package/values.js';
import { readPngHeader } from '../bot/cli/png.js';
import { parseCommand } from '../bot/conversation/commands.js';
import { FIND_CASE_COMMAND } from '../bot/summary/summary-requests.js';

// The schemas ship inside the package, so validation needs no network.
const require = createRequire(import.meta.url);
const schemaDir = require.resolve('@microsoft/app-manifest/package.json').replace(/package\.json$/, 'build/json-schemas/teams/');
// The localization schema has patterns with an unescaped "]" that a unicode-mode RegExp (as ajv
// compiles them) refuses; escaping it keeps the pattern's meaning.
const loadSchema = (file: string) => JSON.parse(readFileSync(`${schemaDir}${file}`, 'utf8').replaceAll('\\\\b]', '\\\\b\\\\]'));

const env = { MicrosoftAppId: '6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f', BOT_DOMAIN: 'familiestotte.example.dk' };

describe('the Teams app package', () => {
  const manifest = filledManifest(packageValuesFrom(env));
  const version = String(manifest.manifestVersion);

  it('fills the manifest from the environment and it validates against the bundled schema', async () => {
    expect(manifest.$schema).toContain(`/v${version}/`);
    const errors = await AppManifestUtils.validateAgainstSchema(manifest as never, loadSchema(`v${version}/MicrosoftTeams.schema.json`));
    expect(errors).toEqual([]);
    expect((manifest.bots as { botId: string }[])[0]!.botId).toBe(env.MicrosoftAppId);
  });

  it('offers the bot in personal, team and group chats with its commands', () => {
    const bot = (manifest.bots as { scopes: string[]; commandLists: { commands: { title: string }[] }[] }[])[0]!;
    expect(bot.scopes.sort()).toEqual(['groupChat', 'personal', 'team']);
    expect(bot.commandLists[0]!.commands.map((c) => c.title)).toContain('ny sag');
  });

  it('lists every command a scope can use in its command menu, each one the bot understands, in both languages', () => {
    const lists = manifest.bots as { commandLists: { scopes: string[]; commands: { title: string; description: string }[] }[] }[];
    const menu = (scope: string) => lists[0]!.commandLists.find((l) => l.scopes.includes(scope))!.commands.map((c) => c.title);
    expect(menu('personal')).toEqual(expect.arrayContaining(['ny sag', 'fortsæt', 'mine sager', 'find', 'plan', 'gennemgang', 'notat', 'noter', 'resumé', 'hjælp']));
    expect(menu('team')).toEqual(expect.arrayContaining(['påmindelser', 'find', 'plan', 'gennemgang', 'notat', 'noter', 'resumé', 'hjælp']));
    expect(menu('groupChat')).toEqual(expect.arrayContaining(['resumé', 'hjælp']));
    const en = JSON.parse(readFileSync(new URL('en.json', APP_PACKAGE_DIR), 'utf8')) as Record<string, string>;
    const titles = [...lists[0]!.commandLists.flatMap((l) => l.commands.map((c) => c.title)), ...Object.entries(en).filter(([k]) => k.endsWith('.title') && k.includes('commandLists')).map(([, v]) => v)];
    // A menu entry is sent bare: each must be a command, never a search of the standards.
    for (const title of titles) expect(parseCommand(title)?.kind, title).not.toBeOneOf([undefined, 'standard']);
    const descriptions = JSON.stringify([lists[0]!.commandLists, en]);
    expect(descriptions, 'Teams strips <...> as HTML').not.toMatch(/<[a-zæøå ]+>/i);
  });

  it('speaks Danish by default with an English localization that validates', async () => {
    expect((manifest.localizationInfo as { defaultLanguageTag: string }).defaultLanguageTag).toBe('da');
    const en = JSON.parse(readFileSync(new URL('en.json', APP_PACKAGE_DIR), 'utf8'));
    const errors = await AppManifestUtils.validateAgainstSchema(en, loadSchema(`v${version}/MicrosoftTeams.Localization.schema.json`));
    expect(errors).toEqual([]);
    expect(en['bots[0].commandLists[0].commands[0].title']).toBe('new case');
  });

  it('has a 192×192 colour icon and a 32×32 transparent outline icon', () => {
    const color = readPngHeader(readFileSync(new URL('color.png', APP_PACKAGE_DIR)));
    const outline = readFileSync(new URL('outline.png', APP_PACKAGE_DIR));
    expect(color).toMatchObject({ width: 192, height: 192 });
    expect(readPngHeader(outline)).toMatchObject({ width: 32, height: 32, colorType: 6 });
  });

  it('zips the four files with the same Teams app id every time', () => {
    const first = new AdmZip(buildAppPackage(packageValuesFrom(env)));
    const names = first.getEntries().map((e) => e.entryName).sort();
    expect(names).toEqual(['color.png', 'en.json', 'manifest.json', 'outline.png']);
    const zipped = JSON.parse(first.readAsText('manifest.json'));
    expect(zipped.id).toBe(packageValuesFrom(env).TEAMS_APP_ID);
    expect(JSON.stringify(zipped)).not.toContain('${{');
  });

  it('serves the tab from the bot’s domain, asks for SSO tokens for it, and offers the summary search', () => {
    expect((manifest.staticTabs as { contentUrl: string }[])[0]!.contentUrl).toBe('https://familiestotte.example.dk/tab/');
    expect(manifest.webApplicationInfo).toEqual({ id: env.MicrosoftAppId, resource: `api://familiestotte.example.dk/${env.MicrosoftAppId}` });
    expect(manifest.validDomains).toEqual(['familiestotte.example.dk']);
    const [extension] = manifest.composeExtensions as { botId: string; commands: { id: string; type: string; parameters: { name: string }[] }[] }[];
    expect(extension!.botId).toBe(env.MicrosoftAppId);
    // The id and parameter the message extension handler reads.
    expect(extension!.commands[0]).toMatchObject({ id: FIND_CASE_COMMAND, type: 'query', parameters: [{ name: 'reference' }] });
    const [tab] = manifest.configurableTabs as { context: string[] }[];
    expect(tab!.context).toEqual(expect.arrayContaining(['meetingSidePanel', 'meetingChatTab', 'meetingDetailsTab', 'channelTab']));
  });

  it('refuses to package without the bot’s domain, which the tab needs', () => {
    expect(() => packageValuesFrom({ MicrosoftAppId: env.MicrosoftAppId, BOT_DOMAIN: 'https://x.dk' })).toThrow(/BOT_DOMAIN/);
  });

  it('refuses to package without a bot id, in Danish and English', () => {
    expect(() => packageValuesFrom({})).toThrow(/Miljøvariablen MicrosoftAppId.*Environment variable MicrosoftAppId/s);
  });
});
