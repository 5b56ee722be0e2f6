import { describe, expect, it } from 'vitest';
import { deflateB64, redirectEntry } from '../../tests/support/har-builder';
import { buildAuthnRequest, entryFindings, flowFindings, fixturePostFindings, RSA_SHA1, RSA_SHA256, SHA1 } from '../../tests/support/protocol-builder';

const RULE = 'sha1-signature';

describe(RULE, () => {
  it('fires on RSA-SHA1 with a SHA-1 digest, naming where', () => {
    const [f] = flowFindings(RULE, { response: { signature: { method: RSA_SHA1, digest: SHA1 } } });
    expect(f).toMatchObject({ rule: RULE, severity: 'warning', evidence: { path: 'Response/Signature/SignedInfo', value: 'rsa-sha1, sha1 digest' } });
    expect(f!.message).toBe('SHA-1 is used by the signature of the Response (rsa-sha1, sha1 digest): move to RSA-SHA256 before the service stops accepting it.');
    expect(f!.fix?.entra).toContain('"Signing Algorithm" to SHA-256');
  });

  it('fires on a SHA-1 digest under RSA-SHA256, and on a Redirect SigAlg rsa-sha1 (the SP to fix)', () => {
    expect(flowFindings(RULE, { response: { assertion: { signature: { method: RSA_SHA256, digest: SHA1 } } } })[0]?.message).toContain('the signature of the assertion (sha1 digest)');
    const redirect = redirectEntry('https://idp.example.com/sso', 'SAMLRequest', deflateB64(buildAuthnRequest()), { sigAlg: RSA_SHA1, signature: 'AAAA' });
    const [f] = entryFindings(RULE, [redirect]);
    expect(f!.message).toContain('the Redirect binding SigAlg (rsa-sha1)');
    expect(f!.message).toContain('before the IdP stops accepting it');
    expect(f!.fix?.entra).toBeUndefined();
  });

  it('stays silent on SHA-256 and unsigned messages', () => {
    expect(flowFindings(RULE)).toEqual([]);
    expect(flowFindings(RULE, { response: { assertion: { signature: null } } })).toEqual([]);
  });

  it('real fixtures: ADFS SHA-1 fires, its SHA-256 twin stays silent', () => {
    expect(fixturePostFindings(RULE, 'adfs/rubysaml-adfs-response-sha1.xml')[0]?.message).toContain('the signature of the assertion (rsa-sha1, sha1 digest)');
    expect(fixturePostFindings(RULE, 'adfs/rubysaml-adfs-response-sha256.xml')).toEqual([]);
  });
});
