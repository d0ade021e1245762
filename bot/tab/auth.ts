import { createRemoteJWKSet, decodeJwt, errors as joseErrors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { z } from 'zod';

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

/** Why a request was refused; `message` is Danish and shown to the person. */
export class TabAuthError extends Error {
  constructor(
    readonly status: 401 | 403,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'TabAuthError';
  }
}

const SIGN_IN_AGAIN = 'Luk fanen og åbn den igen, så Teams logger dig ind på ny.';

export const unauthorized = (code: string, what: string): TabAuthError =>
  new TabAuthError(401, code, `${what} ${SIGN_IN_AGAIN}`);

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
});

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
        throw unauthorized('token-malformed', 'Din adgangsnøgle kunne ikke læses.');
      }
      if (allowed && !allowed.has(unverifiedTid.toLowerCase())) {
        throw unauthorized('tenant-not-allowed', 'Din organisation har ikke adgang til Familiestøtte.');
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
        return { tenantId: claims.tid, userId: claims.oid, name: claims.name ?? claims.preferred_username ?? '' };
      } catch (error) {
        throw translate(error);
      }
    },
  };
}

export function bearerToken(authorization: string | undefined): string {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  if (!match?.[1]) throw unauthorized('token-missing', 'Du er ikke logget ind.');
  return match[1];
}

function translate(error: unknown): TabAuthError {
  if (error instanceof TabAuthError) return error;
  if (error instanceof joseErrors.JWTExpired) return unauthorized('token-expired', 'Din adgang er udløbet.');
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') return unauthorized('token-audience', 'Adgangsnøglen er ikke udstedt til Familiestøtte.');
    if (error.claim === 'iss') return unauthorized('token-issuer', 'Adgangsnøglen er ikke udstedt af din organisation.');
    return unauthorized('token-claims', 'Adgangsnøglen mangler oplysninger.');
  }
  if (error instanceof joseErrors.JWKSTimeout || error instanceof joseErrors.JWKSInvalid) {
    return unauthorized('keys-unavailable', 'Microsofts nøgler kunne ikke hentes lige nu. Prøv igen om lidt.');
  }
  return unauthorized('token-invalid', 'Adgangsnøglen er ikke gyldig.');
}
