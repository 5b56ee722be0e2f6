import { exportJWK, generateKeyPair, generateSecret, SignJWT, type CryptoKey } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { readKeySource, verifyJwtSignature } from './verify-jwt';

// Tokens signed at test time with keys made for the run; the JWKS is what the provider would publish.
let signer: CryptoKey;
let jwks: { keys: Array<Record<string, unknown>> };
let otherJwks: { keys: Array<Record<string, unknown>> };
const sign = (header: Record<string, unknown> = {}, key: CryptoKey = signer) =>
  new SignJWT({ iss: 'https://login.example.test', aud: 'client', sub: 'alice' }).setProtectedHeader({ alg: 'RS256', kid: 'k1', ...header }).sign(key);

beforeAll(async () => {
  const pair = await generateKeyPair('RS256', { extractable: true });
  signer = pair.privateKey;
  jwks = { keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'k1', use: 'sig' }] };
  const other = await generateKeyPair('RS256', { extractable: true });
  otherJwks = { keys: [{ ...(await exportJWK(other.publicKey)), kid: 'k1', use: 'sig' }] };
});

describe('verifyJwtSignature', () => {
  it("accepts a token the provider's key signed", async () => {
    const check = await verifyJwtSignature(await sign(), jwks);
    expect(check).toMatchObject({ outcome: 'valid', kid: 'k1', alg: 'RS256' });
  });

  it('refuses a token whose claims were edited after signing', async () => {
    const [h, , s] = (await sign()).split('.');
    const forged = `${h}.${Buffer.from(JSON.stringify({ iss: 'https://login.example.test', aud: 'client', sub: 'mallory' })).toString('base64url')}.${s}`;
    expect((await verifyJwtSignature(forged, jwks)).outcome).toBe('signature-mismatch');
  });

  it('refuses a token signed by another key under the same kid', async () => {
    expect((await verifyJwtSignature(await sign(), otherJwks)).outcome).toBe('signature-mismatch');
  });

  it('says when no key of the set has the token’s kid (another tenant, rotated keys)', async () => {
    const check = await verifyJwtSignature(await sign({ kid: 'rotated' }), jwks);
    expect(check.outcome).toBe('no-key');
    expect(check.detail).toContain('rotated');
  });

  it("leaves Microsoft Graph's access tokens to Graph, and names Entra's per-app keys when no key matches", async () => {
    const graph = await new SignJWT({ aud: '00000003-0000-0000-c000-000000000000' }).setProtectedHeader({ alg: 'RS256', kid: 'k1', nonce: 'n' }).sign(signer);
    expect(await verifyJwtSignature(graph, jwks)).toMatchObject({ outcome: 'unsupported', detail: expect.stringContaining('only Graph') });
    const entra = await new SignJWT({ iss: 'https://login.microsoftonline.com/aaaabbbb-0000-cccc-1111-dddd2222eeee/v2.0', aud: 'client' })
      .setProtectedHeader({ alg: 'RS256', kid: 'app-key' })
      .sign(signer);
    expect((await verifyJwtSignature(entra, jwks)).detail).toContain('?appid=');
    expect((await verifyJwtSignature(await sign({ kid: 'other' }), jwks)).detail).not.toContain('?appid=');
  });

  it('does not check what a public key cannot: alg none, HMAC, JWE, garbage', async () => {
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"sub":"x"}').toString('base64url')}.`;
    expect((await verifyJwtSignature(none, jwks)).outcome).toBe('unsupported');
    const hs = await new SignJWT({ sub: 'x' }).setProtectedHeader({ alg: 'HS256' }).sign(await generateSecret('HS256'));
    expect((await verifyJwtSignature(hs, jwks)).detail).toMatch(/shared secret/);
    expect((await verifyJwtSignature('a.b.c.d.e', jwks)).outcome).toBe('unsupported');
    expect((await verifyJwtSignature('not a token', jwks)).outcome).toBe('unsupported');
    expect((await verifyJwtSignature('%%%.e30.x', jwks)).outcome).toBe('unsupported');
  });
});

describe('readKeySource', () => {
  it('reads a JWKS, a single JWK and a discovery document', () => {
    expect(readKeySource(JSON.stringify(jwks)).jwks?.keys).toHaveLength(1);
    expect(readKeySource(JSON.stringify(jwks.keys[0])).jwks?.keys).toHaveLength(1);
    const discovery = readKeySource(
      JSON.stringify({ issuer: 'https://login.microsoftonline.com/t/v2.0', jwks_uri: 'https://login.microsoftonline.com/t/discovery/v2.0/keys' }),
    );
    expect(discovery).toEqual({ issuer: 'https://login.microsoftonline.com/t/v2.0', jwksUri: 'https://login.microsoftonline.com/t/discovery/v2.0/keys' });
  });

  it('says why other text gives no key, without throwing', () => {
    for (const text of ['', 'not json', '[1]', 'null', '{"keys":[]}', '{"keys":[{"n":"x"}]}', '{"a":1}', `{"keys":"${'x'.repeat(300_000)}"}`]) {
      const source = readKeySource(text);
      expect(source.jwks, text.slice(0, 20)).toBeUndefined();
      expect(source.problem, text.slice(0, 20)).toBeTruthy();
    }
  });

  it('verifies with keys read from pasted text', async () => {
    const source = readKeySource(`  ${JSON.stringify(jwks, null, 2)}\n`);
    expect((await verifyJwtSignature(await sign(), source.jwks!)).outcome).toBe('valid');
  });
});
