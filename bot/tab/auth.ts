import { createRemoteJWKSet, decodeJwt, errors as joseErrors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { z } from 'zod';
import type { Localized } from '../../cards/locale.js';

/**
 * Teams SSO: the tab gets an Entra ID token from `authentication.getAuthToken()` and sends it
 * as a Bearer token. We check it ourselves (signature, issuer of the user's own tenant, audience,
 * expiry, allowed tenants) and turn it into our own small identity, so nothing past this module
 * ever reads a raw claim.
 */

export const MICROSOFT_JWKS_URL = 'https://login.microsoftonline.com/common/discovery/v2.0/keys';

export interface TabIdentity {
  tenantId: string;
  /** The Entra object id (oid): the same id the bot sees as `from.aadObjectId`. */
  userId: string;
  name: string;
}

export interface TokenVerifierOptions {
  /** The app registration's client id (the bot's app id for a Teams app with SSO). */
  clientId: string;
  /** Defaults to `api://<clientId>`; Teams SSO tokens carry the Application ID URI as audience. */
  appIdUri?: string;
  /** When set, only these tenants get in; everyone else gets 401. */
  allowedTenants?: readonly string[];
  jwksUrl?: string;
  /** The issuers accepted for a tenant; defaults to Entra's v2 and v1 issuers. */
  issuerFor?: (tenantId: string) => string[];
}

export interface TokenVerifier {
  verify(authorization: string | undefined): Promise<TabIdentity>;
}

/** Why a request was refused; `words` are shown to the person in their language (`message` is the Danish). */
export class TabAuthError extends Error {
  constructor(
    readonly status: 401 | 403,
    readonly code: string,
    readonly words: Localized,
  ) {
    super(words.da);
    this.name = 'TabAuthError';
  }
}

const SIGN_IN_AGAIN: Localized = { da: 'Luk fanen og åbn den igen, så Teams logger dig ind på ny.', en: 'Close the tab and open it again, so Teams signs you in anew.' };

export const unauthorized = (code: string, what: Localized): TabAuthError =>
  new TabAuthError(401, code, { da: `${what.da} ${SIGN_IN_AGAIN.da}`, en: `${what.en} ${SIGN_IN_AGAIN.en}` });

/** What the refusals say before "sign in again". */
export const NOT_SIGNED_IN: Localized = { da: 'Du er ikke logget ind.', en: 'You are not signed in.' };

export function defaultIssuers(tenantId: string): string[] {
  return [`https://login.microsoftonline.com/${tenantId}/v2.0`, `https://sts.windows.net/${tenantId}/`];
}

// A tenant id is a GUID; anything else in `tid` cannot name a tenant and must not reach a URL.
const Guid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);

const Claims = z.object({
  tid: Guid,
  oid: z.string().min(1),
  name: z.string().optional(),
  preferred_username: z.string().optional(),
  /** Delegated scopes, space-separated: a user's token carries them; an app-only or ID token does not. */
  scp: z.string().optional(),
  roles: z.array(z.string()).optional(),
  /** The client that asked for the token: azp in v2 tokens, appid in v1. */
  azp: z.string().optional(),
  appid: z.string().optional(),
});

/** The scope the tab's SSO asks for (webApplicationInfo in the manifest). */
export const TAB_SCOPE = 'access_as_user';

/**
 * The Microsoft clients that get SSO tokens for a Teams tab: Teams desktop and mobile, Teams on
 * the web, Microsoft 365 (web, desktop, mobile), Outlook (desktop, web, mobile). These are the
 * ones the app registration pre-authorises (Microsoft's Teams SSO documentation lists them);
 * a token asked for by any other client is not the tab's.
 */
export const TEAMS_CLIENT_IDS: ReadonlySet<string> = new Set([
  '1fec8e78-bce4-4aaf-ab1b-5451cc387264',
  '5e3ce6c0-2b1f-4285-8d4b-75ee78787346',
  '4765445b-32c6-49b0-83e6-1d93765276ca',
  '4345a7b9-9a63-4910-a426-35363201d503',
  '0ec893e0-5785-4de6-99da-4ed124e5296c',
  'd3590ed6-52b3-4102-aeff-aad2292ab01c',
  '00000002-0000-0ff1-ce00-000000000000',
  'bc59ab01-8403-45c6-8796-ac3ef710b3e3',
  '27922004-5251-4030-b22d-91ecd9a37ea4',
]);

const Options = z.object({
  clientId: z.string().min(1, 'clientId mangler'),
  appIdUri: z.string().min(1).optional(),
  allowedTenants: z.array(Guid).optional(),
  jwksUrl: z.string().url().optional(),
});

export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  // Options are checked once, here, so a misconfiguration fails at start and not on a user's request.
  const parsed = Options.parse(options);
  const audiences = [parsed.clientId, parsed.appIdUri ?? `api://${parsed.clientId}`];
  const allowed = parsed.allowedTenants ? new Set(parsed.allowedTenants.map((t) => t.toLowerCase())) : null;
  const issuerFor = options.issuerFor ?? defaultIssuers;
  const keys: JWTVerifyGetKey = createRemoteJWKSet(new URL(parsed.jwksUrl ?? MICROSOFT_JWKS_URL));

  return {
    async verify(authorization) {
      const token = bearerToken(authorization);
      // The tenant decides which issuer is valid, so it is read before the signature check;
      // jwtVerify below then proves the whole token, tid included.
      let unverifiedTid: string;
      try {
        unverifiedTid = Claims.pick({ tid: true }).parse(decodeJwt(token)).tid;
      } catch {
        throw unauthorized('token-malformed', { da: 'Din adgangsnøgle kunne ikke læses.', en: 'Your access token could not be read.' });
      }
      if (allowed && !allowed.has(unverifiedTid.toLowerCase())) {
        throw unauthorized('tenant-not-allowed', { da: 'Din organisation har ikke adgang til Familiestøtte.', en: 'Your organisation has no access to Familiestøtte.' });
      }
      try {
        const { payload } = await jwtVerify(token, keys, {
          algorithms: ['RS256'],
          audience: audiences,
          issuer: issuerFor(unverifiedTid),
          requiredClaims: ['exp', 'iat', 'tid', 'oid'],
          clockTolerance: 60,
        });
        const claims = Claims.parse(payload);
        // A user's delegated token for the tab's scope, asked for by a Teams client: not an ID
        // token (no scp), not an app-only token (roles, no user), not one some other app obtained.
        if (!claims.scp?.split(' ').includes(TAB_SCOPE)) throw unauthorized('token-not-delegated', { da: 'Adgangsnøglen er ikke en brugers nøgle til Familiestøtte.', en: "The access token is not a user's token for Familiestøtte." });
        const client = claims.azp ?? claims.appid;
        if (!client || !TEAMS_CLIENT_IDS.has(client.toLowerCase())) throw unauthorized('token-client', { da: 'Adgangsnøglen er ikke udstedt til Teams.', en: 'The access token was not issued to Teams.' });
        return { tenantId: claims.tid, userId: claims.oid, name: claims.name ?? claims.preferred_username ?? '' };
      } catch (error) {
        throw translate(error);
      }
    },
  };
}

export function bearerToken(authorization: string | undefined): string {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  if (!match?.[1]) throw unauthorized('token-missing', NOT_SIGNED_IN);
  return match[1];
}

function translate(error: unknown): TabAuthError {
  if (error instanceof TabAuthError) return error;
  if (error instanceof joseErrors.JWTExpired) return unauthorized('token-expired', { da: 'Din adgang er udløbet.', en: 'Your access has expired.' });
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') return unauthorized('token-audience', { da: 'Adgangsnøglen er ikke udstedt til Familiestøtte.', en: 'The access token was not issued to Familiestøtte.' });
    if (error.claim === 'iss') return unauthorized('token-issuer', { da: 'Adgangsnøglen er ikke udstedt af din organisation.', en: 'The access token was not issued by your organisation.' });
    return unauthorized('token-claims', { da: 'Adgangsnøglen mangler oplysninger.', en: 'The access token lacks information.' });
  }
  if (error instanceof joseErrors.JWKSTimeout || error instanceof joseErrors.JWKSInvalid) {
    return unauthorized('keys-unavailable', { da: 'Microsofts nøgler kunne ikke hentes lige nu. Prøv igen om lidt.', en: "Microsoft's keys could not be fetched right now. Try again in a moment." });
  }
  return unauthorized('token-invalid', { da: 'Adgangsnøglen er ikke gyldig.', en: 'The access token is not valid.' });
}
