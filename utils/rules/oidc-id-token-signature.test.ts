import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { analyzeWithTrust } from '../analyze-with-trust';
import { oidcSignIn, signingJwks } from '../../tests/support/oidc-builder';

const RULE = 'oidc-id-token-signature';

async function otherKeys(kid: string) {
  const { publicKey } = await generateKeyPair('RS256');
  return { keys: [{ ...(await exportJWK(publicKey)), kid, use: 'sig', alg: 'RS256' }] };
}

async function findings(jwks: unknown[] | undefined, spec: Parameters<typeof oidcSignIn>[0] = { tokenCall: true }) {
  const analysis = await analyzeWithTrust(await oidcSignIn(spec), { strict: true, trust: jwks ? { jwks: jwks.map((k) => JSON.stringify(k)) } : undefined });
  return { analysis, found: analysis.findings.filter((f) => f.rule === RULE) };
}

describe(RULE, () => {
  it("is silent when the provider's keys verify the ID token, and records the check on the message", async () => {
    const { analysis, found } = await findings([await signingJwks()]);
    expect(found).toEqual([]);
    const response = analysis.messages.find((m) => m.kind === 'TokenResponse');
    expect(response!.verification?.idTokenSignature).toMatchObject({ outcome: 'valid', alg: 'RS256', kid: 'test-key-1' });
  });

  it('finds no key for the token in the keys of another tenant', async () => {
    const { found } = await findings([await otherKeys('another-tenant-key')]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'error', evidence: { path: 'token response/id_token signature', value: 'RS256, kid test-key-1' } });
    expect(found[0]!.message).toMatch(/^No key of the given JWKS can check the ID token: No key in the set has kid "test-key-1" for RS256/);
    // The issuer is Entra ID's: the message says where an app's own keys are.
    expect(found[0]!.message).toContain('?appid=');
  });

  it("says the signature does not verify when a key with the token's kid did not sign it", async () => {
    const { found } = await findings([await otherKeys('test-key-1')]);
    expect(found[0]!.message).toMatch(/^The ID token's signature does not verify: The key test-key-1 does not verify the signature/);
  });

  it('reads the keys of several documents as one set, and ID tokens of form_post responses too', async () => {
    const { found } = await findings([await otherKeys('x'), await signingJwks()], { responseType: 'id_token', responseMode: 'form_post' });
    expect(found).toEqual([]);
  });

  it("says as info that a shared-secret (HS256) ID token cannot be checked with the provider's keys", async () => {
    const entries = await oidcSignIn({ tokenCall: true });
    const token = entries.at(-1)!;
    const body = JSON.parse(token.response.content!.text!) as Record<string, unknown>;
    body.id_token = await new SignJWT({ iss: 'https://idp.example.com', aud: 'client', sub: 'u' }).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode('a-shared-secret-of-32-bytes-long!'));
    token.response.content!.text = JSON.stringify(body);
    const analysis = await analyzeWithTrust(entries, { strict: true, trust: { jwks: [JSON.stringify(await signingJwks())] } });
    const found = analysis.findings.filter((f) => f.rule === RULE);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'info', evidence: { value: 'HS256' } });
    expect(found[0]!.message).toContain('a shared secret');
  });

  it('is silent without keys', async () => {
    const { analysis, found } = await findings(undefined);
    expect(found).toEqual([]);
    expect(analysis.messages.every((m) => !m.verification?.idTokenSignature)).toBe(true);
  });
});
