import { isIP } from 'node:net';
import { z } from 'zod';
import { createTokenVerifier, NOT_SIGNED_IN, TabAuthError, unauthorized, type TabIdentity, type TokenVerifier } from './auth.js';

/**
 * How the tab learns who is asking. With an app id configured: Teams SSO, always. Without one,
 * outside production, bound to loopback: a fixed local developer, so the page can be worked on
 * in a plain browser. There is no setting that turns the developer on; it follows from the
 * absence of an identity, and production or an app id makes it impossible.
 */

export interface TabSettings {
  /** The Entra app registration (the bot's app id); its presence means SSO. */
  clientId?: string;
  appIdUri?: string;
  allowedTenants?: readonly string[];
  jwksUrl?: string;
  /** NODE_ENV=production or any other sign of a real deployment. */
  production: boolean;
  devIdentity?: TabIdentity;
}

export type TabAuthMode =
  | { kind: 'sso'; verifier: TokenVerifier }
  | { kind: 'dev'; identity: TabIdentity }
  | { kind: 'disabled'; reason: string };

/**
 * The Microsoft 365 Agents Playground's default tenant and user (`npm run dev`), so the cases a
 * developer creates by chatting there are theirs in the tab as well.
 */
export const DEV_IDENTITY: TabIdentity = {
  tenantId: '00000000-0000-0000-0000-0000000000001',
  userId: '00000000-0000-0000-0000-0000000000020',
  name: 'Lokal udvikler',
};

/** The literal token the page sends in local development mode. */
export const DEV_TOKEN = 'lokal-udvikling';

const Settings = z.object({
  clientId: z.string().trim().min(1).optional(),
  production: z.boolean(),
});

export function resolveTabAuth(settings: TabSettings): TabAuthMode {
  const s = Settings.parse(settings);
  if (s.clientId) {
    return {
      kind: 'sso',
      verifier: createTokenVerifier({
        clientId: s.clientId,
        appIdUri: settings.appIdUri,
        allowedTenants: settings.allowedTenants,
        jwksUrl: settings.jwksUrl,
      }),
    };
  }
  if (s.production) return { kind: 'disabled', reason: 'production without an app id' };
  return { kind: 'dev', identity: settings.devIdentity ?? DEV_IDENTITY };
}

export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  if (address === 'localhost' || address === '::1') return true;
  if (address.startsWith('::ffff:')) return isLoopback(address.slice(7));
  return isIP(address) === 4 && address.startsWith('127.');
}

export interface RequestOrigin {
  authorization: string | undefined;
  /** The address the server is bound to, e.g. "127.0.0.1" or "0.0.0.0". */
  boundAddress: string | undefined;
  /** The peer of this connection. */
  remoteAddress: string | undefined;
}

/** Who is asking, or a TabAuthError saying why not (in both languages). */
export async function identify(mode: TabAuthMode, origin: RequestOrigin): Promise<TabIdentity> {
  switch (mode.kind) {
    case 'sso':
      return mode.verifier.verify(origin.authorization);
    case 'disabled':
      throw new TabAuthError(401, 'tab-not-configured', {
        da: 'Fanen er ikke sat op til at logge ind. Kontakt den, der driver Familiestøtte.',
        en: 'The tab is not set up for signing in. Contact whoever runs Familiestøtte.',
      });
    case 'dev': {
      // Both ends must be this machine: a server bound to all interfaces refuses the developer
      // even for a local caller, so a misconfigured host never opens the data to the network.
      if (!isLoopback(origin.boundAddress) || !isLoopback(origin.remoteAddress)) {
        throw new TabAuthError(401, 'dev-not-local', {
          da: 'Lokal udviklingstilstand virker kun, når serveren lytter på localhost.',
          en: 'Local development mode works only when the server listens on localhost.',
        });
      }
      if (origin.authorization !== `Bearer ${DEV_TOKEN}`) throw unauthorized('token-missing', NOT_SIGNED_IN);
      return mode.identity;
    }
  }
}
