import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { describe, expect, it } from 'vitest';
import { FIND_CASE_COMMAND } from '../../bot/summary/summary-requests.js';

/**
 * The tab's part of the Teams manifest, merged into a minimal manifest with example values for
 * the placeholders and validated offline against the manifest schema shipped with
 * @microsoft/app-manifest.
 */
const require = createRequire(import.meta.url);
const SCHEMA = require.resolve('@microsoft/app-manifest/build/json-schemas/teams/v1.24/MicrosoftTeams.schema.json');

const BOT_ID = '0d3c3b2a-1f4e-4c5d-9e8f-7a6b5c4d3e2f';
const BOT_DOMAIN = 'familiestotte.example.dk';

async function fragment(): Promise<Record<string, any>> {
  const text = await readFile(new URL('../../appPackage/tab-fragment.json', import.meta.url), 'utf8');
  return JSON.parse(text.replaceAll('${{BOT_ID}}', BOT_ID).replaceAll('${{BOT_DOMAIN}}', BOT_DOMAIN));
}

const base = {
  manifestVersion: '1.24',
  version: '0.1.0',
  id: BOT_ID,
  developer: { name: 'Kommunen', websiteUrl: `https://${BOT_DOMAIN}`, privacyUrl: `https://${BOT_DOMAIN}/privatliv`, termsOfUseUrl: `https://${BOT_DOMAIN}/vilkaar` },
  name: { short: 'Familiestøtte' },
  description: { short: 'Familiestøtte i Teams', full: 'Anbefalinger og påmindelser for familieafdelingen.' },
  icons: { color: 'color.png', outline: 'outline.png' },
  accentColor: '#4F52B2',
  bots: [{ botId: BOT_ID, scopes: ['personal', 'team', 'groupChat'] }],
};

describe('the tab’s manifest fragment', () => {
  it('validates against the Teams manifest schema when merged into a manifest', async () => {
    // The schema is passed in, read from the package: validation never goes to the network.
    const schema = JSON.parse(await readFile(SCHEMA, 'utf8'));
    const manifest = { $schema: 'https://developer.microsoft.com/json-schemas/teams/v1.24/MicrosoftTeams.schema.json', ...base, ...(await fragment()) };
    expect(await AppManifestUtils.validateAgainstSchema(manifest as never, schema)).toEqual([]);
  });

  it('offers the tab in the meeting side panel, meeting chat and details, and channels', async () => {
    const [tab] = (await fragment()).configurableTabs;
    expect(tab.context).toEqual(expect.arrayContaining(['meetingSidePanel', 'meetingChatTab', 'meetingDetailsTab', 'channelTab']));
  });

  it('asks Teams for SSO tokens whose audience the server accepts: the api:// URI ending in the app id', async () => {
    const f = await fragment();
    expect(f.webApplicationInfo).toEqual({ id: BOT_ID, resource: `api://${BOT_DOMAIN}/${BOT_ID}` });
    expect(f.validDomains).toEqual([BOT_DOMAIN]);
  });

  it('names the search command and parameter the message extension handler reads', async () => {
    const [extension] = (await fragment()).composeExtensions;
    expect(extension.commands[0]).toMatchObject({ id: FIND_CASE_COMMAND, type: 'query', parameters: [{ name: 'reference' }] });
  });
});
