import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenVerifier, TabAuthError, type TokenVerifier } from './auth.js';
import { CLIENT_ID, OTHER_TENANT, startFakeEntra, TENANT, unsignedToken, type FakeEntra } from '../../test/support/entra.js';

let entra: FakeEntra;
let verifier: TokenVerifier;

beforeAll(async () => {
  entra = await startFakeEntra();
  verifier = createTokenVerifier({ clientId: CLIENT_ID, allowedTenants: [TENANT], jwksUrl: entra.jwksUrl });
});
afterAll(() => entra.close());

async function refusal(authorization: string): Promise<TabAuthError> {
  const error = await verifier.verify(authorization).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, 'the token was accepted').toBeInstanceOf(TabAuthError);
  return error as TabAuthError;
}

describe('Teams SSO token verification', () => {
  it('accepts a valid token and returns the tenant, the user object id and the name', async () => {
    const identity = await verifier.verify(`Bearer ${await entra.sign()}`);
    expect(identity).toEqual({ tenantId: TENANT, userId: 'user-oid-1', name: 'Test Bruger' });
  });

  it('accepts the client id itself as audience and the v1 issuer of the tenant', async () => {
    const token = await entra.sign({ aud: CLIENT_ID, iss: `https://sts.windows.net/${TENANT}/` });
    await expect(verifier.verify(`Bearer ${token}`)).resolves.toMatchObject({ tenantId: TENANT });
  });

  it.each([
    ['a missing header', async () => ''],
    ['a wrong audience', async () => `Bearer ${await entra.sign({ aud: 'api://another-app' })}`],
    ['an issuer of another tenant', async () => `Bearer ${await entra.sign({ iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` })}`],
    ['a wrong issuer', async () => `Bearer ${await entra.sign({ iss: 'https://evil.example/v2.0' })}`],
    ['a tenant that is not allowed', async () => `Bearer ${await entra.sign({ tid: OTHER_TENANT })}`],
    ['an expired token', async () => `Bearer ${await entra.sign({}, { expiresIn: Math.floor(Date.now() / 1000) - 600 })}`],
    ['alg none', async () => `Bearer ${unsignedToken({ tid: TENANT, oid: 'x', aud: `api://${CLIENT_ID}`, iss: `https://login.microsoftonline.com/${TENANT}/v2.0` })}`],
    ['a signature by an unpublished key', async () => `Bearer ${await entra.signWithForeignKey()}`],
    ['a tampered payload', async () => {
      const [h, p, s] = (await entra.sign()).split('.') as [string, string, string];
      const claims = JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, unknown>;
      return `Bearer ${h}.${Buffer.from(JSON.stringify({ ...claims, oid: 'someone-else' })).toString('base64url')}.${s}`;
    }],
    ['garbage', async () => 'Bearer not.a.token'],
    // Right audience and signature, but not a user's token for the tab, asked for by Teams:
    ['an ID-token-shaped token (no scp)', async () => `Bearer ${await entra.sign({ scp: undefined, aud: CLIENT_ID })}`],
    ['a token with another scope', async () => `Bearer ${await entra.sign({ scp: 'User.Read' })}`],
    ['an app-only token with roles', async () => `Bearer ${await entra.sign({ scp: undefined, roles: ['Cases.Read.All'], azp: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee' })}`],
    ['a token another client asked for', async () => `Bearer ${await entra.sign({ azp: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee' })}`],
    ['a token naming no client', async () => `Bearer ${await entra.sign({ azp: undefined })}`],
  ])('refuses %s with 401 and a Danish message', async (_name, make) => {
    const error = await refusal(await make());
    expect(error.status).toBe(401);
    expect(error.message).toMatch(/Teams logger dig ind på ny/);
  });

  it('accepts a v1 token from Teams desktop, whose client is in appid', async () => {
    const token = await entra.sign({ azp: undefined, appid: '1fec8e78-bce4-4aaf-ab1b-5451cc387264', aud: CLIENT_ID, iss: `https://sts.windows.net/${TENANT}/` });
    await expect(verifier.verify(`Bearer ${token}`)).resolves.toMatchObject({ tenantId: TENANT });
  });

  it('says an expired token has expired', async () => {
    const error = await refusal(`Bearer ${await entra.sign({}, { expiresIn: Math.floor(Date.now() / 1000) - 600 })}`);
    expect(error.message).toMatch(/udløbet/);
  });

  it('refuses a misconfigured verifier at creation, not on the first request', () => {
    expect(() => createTokenVerifier({ clientId: '' })).toThrow();
  });
});
