import { describe, expect, it } from 'vitest';
import { flowFindings, fixturePostFindings, RSA_SHA256 } from '../../tests/support/protocol-builder';

const RULE = 'response-unsigned';

describe(RULE, () => {
  it('warns when only the assertion is signed, saying SonarQube Cloud asks for both', () => {
    const [f] = flowFindings(RULE, {}, { profile: 'sonarqube-cloud' });
    expect(f).toMatchObject({ rule: RULE, severity: 'warning', evidence: { path: 'Response/Signature', value: '(absent)' } });
    expect(f!.message).toContain('The assertion is signed but the Response is not: SonarQube Cloud asks for both');
    expect(f!.fix?.okta).toContain('"Response" to Signed');
  });

  it('is an error when the Response is unsigned and the assertion encrypted', () => {
    const [f] = flowFindings(RULE, { response: { assertion: 'encrypted' } });
    expect(f).toMatchObject({ severity: 'error', evidence: { encryptedAssertions: '1' } });
    expect(f!.message).toContain('its assertion is encrypted');
  });

  it('stays silent when the Response is signed, and when nothing is signed (unsigned speaks)', () => {
    expect(flowFindings(RULE, { response: { signature: { method: RSA_SHA256 } } })).toEqual([]);
    expect(flowFindings(RULE, { response: { signature: { method: RSA_SHA256 }, assertion: 'encrypted' } })).toEqual([]);
    expect(flowFindings(RULE, { response: { assertion: { signature: null } } })).toEqual([]);
  });

  it('real fixtures: ADFS signs only the assertion (warning); Shibboleth encrypted and unsigned (error); Okta encrypted and signed (silent)', () => {
    expect(fixturePostFindings(RULE, 'adfs/gosaml2-adfs-response.b64')[0]?.severity).toBe('warning');
    expect(fixturePostFindings(RULE, 'shibboleth/crewjam-testshib-response.xml')[0]?.severity).toBe('error');
    expect(fixturePostFindings(RULE, 'okta/gosaml2-okta-response-encrypted.b64')).toEqual([]);
  });
});
