import { createHash } from 'node:crypto';
import { z } from 'zod';

/**
 * The values the Teams app package is filled with, from the environment. The bot id is the
 * bot registration (MicrosoftAppId); the Teams app id defaults to a UUID derived from it, so
 * packaging twice gives the same app and Teams updates it instead of installing a second one.
 */
const guid = z.uuid({ message: 'must be a GUID, e.g. 00000000-0000-0000-0000-000000000000' });
const httpsUrl = z.url({ protocol: /^https$/, message: 'must be an https:// URL' });

const PackageEnv = z.object({
  MicrosoftAppId: guid,
  /** The bot's public host name (no scheme): the tab's pages, SSO audience and valid domain. */
  BOT_DOMAIN: z
    .string()
    .trim()
    .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i, 'must be a host name such as familiestotte.example.dk, without https://'),
  TEAMS_APP_ID: guid.optional(),
  APP_VERSION: z.string().regex(/^\d+\.\d+\.\d+$/, 'must be a version like 1.0.0').default('1.0.0'),
  APP_PUBLISHER_NAME: z.string().trim().min(1).max(32).default('Familiestøtte'),
  APP_WEBSITE_URL: httpsUrl.default('https://github.com/familiestotte'),
  APP_PRIVACY_URL: httpsUrl.default('https://github.com/familiestotte/privacy'),
  APP_TERMS_URL: httpsUrl.default('https://github.com/familiestotte/terms'),
});

export type PackageValues = Record<string, string> & { MicrosoftAppId: string; TEAMS_APP_ID: string };

export class PackageConfigError extends Error {}

export function packageValuesFrom(env: NodeJS.ProcessEnv): PackageValues {
  const parsed = PackageEnv.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0]);
    throw new PackageConfigError(
      `Miljøvariablen ${name} mangler eller er ugyldig (${issue.message}). ` +
        `Environment variable ${name} is missing or invalid (${issue.message}). See .env.example.`,
    );
  }
  const values = parsed.data;
  return { ...values, TEAMS_APP_ID: values.TEAMS_APP_ID ?? uuidFrom(`familiestotte-teams-app:${values.MicrosoftAppId}`) };
}

/** A stable, RFC 4122-shaped (version 5 style) UUID from a name. */
function uuidFrom(name: string): string {
  const hash = createHash('sha1').update(name).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
