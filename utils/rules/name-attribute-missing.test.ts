import { describe, expect, it } from 'vitest';
import { buildResponse, findingsOf, fixtureFindings } from '../../tests/support/response-builder';

const RULE = 'name-attribute-missing';

describe(RULE, () => {
  it('fires when no display name is sent, naming the names looked for', () => {
    const [f] = findingsOf(RULE, buildResponse({ attributes: { login: ['jdoe'], email: ['jane@example.com'] } }));
    expect(f).toMatchObject({ rule: RULE, severity: 'error' });
    expect(f!.message).toContain('http://schemas.microsoft.com/identity/claims/displayname');
    expect(f!.fix?.entra).toContain('user.displayname');
  });

  it('fires when it is empty', () => {
    expect(findingsOf(RULE, buildResponse({ attributes: { login: ['jdoe'], displayName: [''] } }))[0]?.message).toContain('"displayName" is present but empty');
  });

  it('stays silent with a name, for the generic profile, and for a failed Response', () => {
    expect(findingsOf(RULE, buildResponse())).toEqual([]);
    expect(findingsOf(RULE, buildResponse({ attributes: {} }), { profile: 'generic' })).toEqual([]);
    expect(findingsOf(RULE, buildResponse({ attributes: {}, statusCode: 'urn:oasis:names:tc:SAML:2.0:status:Responder' }))).toEqual([]);
  });

  it('real fixtures: ADFS and Entra send display names; Okta\'s sample sends only username', () => {
    expect(fixtureFindings(RULE, 'adfs/netsaml2-adfs-plain-groups.xml')).toEqual([]);
    expect(fixtureFindings(RULE, 'entra/netsaml2-issue-49-response.xml')).toEqual([]);
    expect(fixtureFindings(RULE, 'okta/gosaml2-okta-response.xml')[0]?.message).toContain('"username"');
  });
});
