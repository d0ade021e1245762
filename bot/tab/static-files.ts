import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/**
 * The tab's page is a fixed set of files; serving exactly these (no directory lookup from the
 * URL) leaves no path to traverse. teams-js comes from the installed package's browser bundle.
 */

const PUBLIC = (name: string) => fileURLToPath(new URL(`./public/${name}`, import.meta.url));
const require = createRequire(import.meta.url);

function teamsJsBundle(): string {
  const packageJson = require.resolve('@microsoft/teams-js/package.json');
  return packageJson.replace(/package\.json$/, 'dist/umd/MicrosoftTeams.min.js');
}

export interface StaticFile {
  path: string;
  contentType: string;
}

export const STATIC_FILES: Record<string, StaticFile> = {
  'index.html': { path: PUBLIC('index.html'), contentType: 'text/html; charset=utf-8' },
  'tab.js': { path: PUBLIC('tab.js'), contentType: 'text/javascript; charset=utf-8' },
  'overview.js': { path: PUBLIC('overview.js'), contentType: 'text/javascript; charset=utf-8' },
  'overview.css': { path: PUBLIC('overview.css'), contentType: 'text/css; charset=utf-8' },
  'tab.css': { path: PUBLIC('tab.css'), contentType: 'text/css; charset=utf-8' },
  'teams-js.min.js': { path: teamsJsBundle(), contentType: 'text/javascript; charset=utf-8' },
};

export async function readStatic(name: string): Promise<{ body: Buffer; contentType: string } | null> {
  const file = STATIC_FILES[name];
  if (!file) return null;
  return { body: await readFile(file.path), contentType: file.contentType };
}
