import { describe, expect, it } from 'vitest';
import { ACS, flowFindings } from '../../tests/support/protocol-builder';

const RULE = 'acs-url-mismatch';

describe(RULE, () => {
  it('fires when the IdP sends the Response to another ACS than the AuthnRequest asked for', () => {
    const [f] = flowFindings(RULE, { postTo: 'https://sp.example.com/saml/acs', response: { destination: 'https://sp.example.com/saml/acs' } });
    expect(f).toMatchObject({ rule: RULE, severity: 'error', evidence: { path: 'AuthnRequest/@AssertionConsumerServiceURL', value: ACS, postedTo: 'https://sp.example.com/saml/acs' } });
    expect(f!.message).toBe(
      `The AuthnRequest asked for the Response at ${ACS} (AssertionConsumerServiceURL) but the IdP sent it to https://sp.example.com/saml/acs (the path differs: /acs vs /saml/acs).`,
    );
    expect(f!.fix?.okta).toContain('Allow this app to request other SSO URLs');
  });

  it('stays silent when they match, when the request names no ACS, and without a request', () => {
    expect(flowFindings(RULE)).toEqual([]);
    expect(flowFindings(RULE, { request: { acsUrl: null }, postTo: 'https://sp.example.com/saml/acs' })).toEqual([]);
    expect(flowFindings(RULE, { request: false, postTo: 'https://sp.example.com/saml/acs' })).toEqual([]);
  });
});
