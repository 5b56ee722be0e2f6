import { describe, expect, it } from 'vitest';
import { flowFindings, fixturePostFindings, RSA_SHA256 } from '../../tests/support/protocol-builder';

const RULE = 'unsigned';

describe(RULE, () => {
  it('fires when neither the Response nor the assertion is signed', () => {
    const [f] = flowFindings(RULE, { response: { assertion: { signature: null } } });
    expect(f).toMatchObject({ rule: RULE, severity: 'error', evidence: { value: '(absent)' } });
    expect(f!.message).toBe('Neither the Response nor its assertion carries a Signature: the SP cannot tell that the IdP wrote it and rejects it.');
    expect(f!.fix?.entra).toContain('Sign SAML response and assertion');
  });

  it('stays silent when either is signed, for encrypted assertions, and for an error Response without assertion', () => {
    expect(flowFindings(RULE)).toEqual([]);
    expect(flowFindings(RULE, { response: { signature: { method: RSA_SHA256 }, assertion: { signature: null } } })).toEqual([]);
    expect(flowFindings(RULE, { response: { assertion: 'encrypted' } })).toEqual([]);
    expect(flowFindings(RULE, { response: { assertion: null, status: { code: 'urn:oasis:names:tc:SAML:2.0:status:Responder' } } })).toEqual([]);
  });

  it('real fixtures: ruby-saml no signature fires; the signature-wrapping attack is called out; Okta stays silent', () => {
    expect(fixturePostFindings(RULE, 'invalid/rubysaml-no_signature.b64')).toHaveLength(1);
    const [wrapped] = fixturePostFindings(RULE, 'invalid/rubysaml-signature_wrapping_attack.b64');
    expect(wrapped?.message).toContain('signature-wrapping attack');
    expect(wrapped?.evidence?.value).toBe('nested Signature only');
    expect(fixturePostFindings(RULE, 'okta/gosaml2-okta-response.xml')).toEqual([]);
  });
});
