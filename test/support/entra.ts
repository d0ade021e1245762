import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';

/**
 * A stand-in for Entra ID: keys generated per test run, published as a JWKS over real HTTP,
 * and tokens signed with them the way Teams SSO tokens look.
 */
export const TENANT = '11111111-2222-4333-8444-555555555555';
export const OTHER_TENANT = '99999999-8888-4777-8666-555555555555';
export const CLIENT_ID = '0d3c3b2a-1f4e-4c5d-9e8f-7a6b5c4d3e2f';
/** Teams on the web, one of the clients that get tab SSO tokens. */
export const TEAMS_WEB_CLIENT = '5e3ce6c0-2b1f-4285-8d4b-75ee78787346';

export interface FakeEntra {
  jwksUrl: string;
  sign(claims?: JWTPayload & { tid?: string }, options?: { expiresIn?: string | number; kid?: string }): Promise<string>;
  /** A token signed by a key that is not published. */
  signWithForeignKey(claims?: JWTPayload): Promise<string>;
  close(): Promise<void>;
}

export async function startFakeEntra(): Promise<FakeEntra> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const foreign = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const server: Server = createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const build = (claims: JWTPayload & { tid?: string }, expiresIn: string | number, kid: string) => {
    const tid = claims.tid ?? TENANT;
    // A Teams web client's delegated token for the tab's scope, unless the test says otherwise.
    return new SignJWT({ oid: 'user-oid-1', name: 'Test Bruger', scp: 'access_as_user', azp: TEAMS_WEB_CLIENT, ...claims, tid })
      .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
      .setIssuer(claims.iss ?? `https://login.microsoftonline.com/${tid}/v2.0`)
      .setAudience(claims.aud ?? `api://${CLIENT_ID}`)
      .setIssuedAt()
      .setExpirationTime(expiresIn);
  };

  return {
    jwksUrl: `http://127.0.0.1:${port}/keys`,
    sign: (claims = {}, options = {}) => build(claims, options.expiresIn ?? '1h', options.kid ?? 'test-key').sign(privateKey),
    signWithForeignKey: (claims = {}) => build(claims, '1h', 'test-key').sign(foreign.privateKey),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** An unsecured JWT (`alg: none`) carrying otherwise valid claims. */
export function unsignedToken(claims: Record<string, unknown>): string {
  const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return `${enc({ alg: 'none', typ: 'JWT' })}.${enc({ iat: now, exp: now + 3600, ...claims })}.`;
}
