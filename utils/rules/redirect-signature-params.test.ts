import { describe, expect, it } from 'vitest';
import { deflateB64, redirectEntry } from '../../tests/support/har-builder';
import { buildAuthnRequest, entryFindings, IDP_SSO, RSA_SHA256, signInEntries } from '../../tests/support/protocol-builder';

const RULE = 'redirect-signature-params';
const request = (o: { sigAlg?: string; signature?: string }) => [redirectEntry(IDP_SSO, 'SAMLRequest', deflateB64(buildAuthnRequest()), o)];

describe(RULE, () => {
  it('fires on a Signature without SigAlg', () => {
    const [f] = entryFindings(RULE, request({ signature: 'c2lnbmF0dXJl' }));
    expect(f).toMatchObject({ rule: RULE, severity: 'error', evidence: { path: 'Signature', value: 'c2lnbmF0dXJl' } });
    expect(f!.message).toBe('The AuthnRequest was sent by HTTP-Redirect with Signature but no SigAlg: its signature cannot be verified (the algorithm is unknown).');
  });

  it('fires on a SigAlg without Signature', () => {
    expect(entryFindings(RULE, request({ sigAlg: RSA_SHA256 }))[0]?.message).toContain('with SigAlg but no Signature');
  });

  it('stays silent with both, with neither, and for POST', () => {
    expect(entryFindings(RULE, request({ sigAlg: RSA_SHA256, signature: 'c2ln' }))).toEqual([]);
    expect(entryFindings(RULE, request({}))).toEqual([]);
    expect(entryFindings(RULE, signInEntries())).toEqual([]);
  });
});
