import { describe, expect, it } from 'vitest';
import { flowFindings, fixturePostFindings } from '../../tests/support/protocol-builder';

const RULE = 'encrypted-assertion';

describe(RULE, () => {
  it('informs that an encrypted assertion cannot be inspected, and why attribute rules stay silent', () => {
    const [f] = flowFindings(RULE, { response: { assertion: 'encrypted' } });
    expect(f).toMatchObject({ rule: RULE, severity: 'info', evidence: { path: 'Response/EncryptedAssertion', value: '1' } });
    expect(f!.message).toContain('The assertion is encrypted (1 EncryptedAssertion)');
    expect(f!.message).toContain('attribute and group rules stay silent');
    expect(f!.fix?.entra).toContain('Token encryption');
  });

  it('stays silent for a readable assertion', () => {
    expect(flowFindings(RULE)).toEqual([]);
  });

  it('real fixtures: Okta, ADFS and Shibboleth encrypted Responses', () => {
    for (const f of ['okta/gosaml2-okta-response-encrypted.b64', 'adfs/gosaml2-adfs-response-encrypted.b64', 'shibboleth/crewjam-testshib-response.xml']) {
      expect(fixturePostFindings(RULE, f), f).toHaveLength(1);
    }
    expect(fixturePostFindings(RULE, 'okta/gosaml2-okta-response.xml')).toEqual([]);
  });
});
