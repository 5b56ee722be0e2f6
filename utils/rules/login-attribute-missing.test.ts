import { describe, expect, it } from 'vitest';
import { buildResponse, findingsOf, fixtureFindings } from '../../tests/support/response-builder';

const RULE = 'login-attribute-missing';

describe(RULE, () => {
  it('fires when no accepted name is present, listing what was looked for and what was sent', () => {
    const [f] = findingsOf(RULE, buildResponse({ attributes: { name: ['Jane'], email: ['jane@example.com'], uname: ['jdoe'] } }));
    expect(f).toMatchObject({ rule: RULE, severity: 'error' });
    expect(f!.message).toContain('"login"');
    expect(f!.message).toContain('http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn');
    expect(f!.message).toContain('"uname"');
  });

  it('fires when the login attribute is empty', () => {
    const [f] = findingsOf(RULE, buildResponse({ attributes: { login: ['  '], name: ['Jane'] } }));
    expect(f?.message).toContain('"login" is present but empty');
  });

  it('stays silent when the login arrives under the default name, a claim URI, or the admin\'s mapping', () => {
    expect(findingsOf(RULE, buildResponse())).toEqual([]);
    expect(findingsOf(RULE, buildResponse({ attributes: { 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn': ['j@x.io'] } }))).toEqual([]);
    expect(findingsOf(RULE, buildResponse({ attributes: { uname: ['jdoe'] } }), { mapping: { login: ['uname'] } })).toEqual([]);
    expect(findingsOf(RULE, buildResponse({ attributes: {} }), { profile: 'generic' })).toEqual([]);
  });

  it('real fixtures: Entra sends the UPN as the name claim; Okta\'s "username" is accepted by last segment', () => {
    expect(fixtureFindings(RULE, 'entra/saml2aws-aad-response.xml')).toEqual([]);
    expect(fixtureFindings(RULE, 'okta/gosaml2-okta-response.xml')).toEqual([]);
    expect(fixtureFindings(RULE, 'oracle/rubysaml-opensaml-response.xml')[0]?.message).toContain('"FirstName", "LastName"');
  });
});
