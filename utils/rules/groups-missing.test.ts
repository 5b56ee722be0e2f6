import { describe, expect, it } from 'vitest';
import { buildResponse, ENTRA_ISSUER, findingsOf, fixtureFindings, OKTA_ISSUER, SONAR_USER } from '../../tests/support/response-builder';

const RULE = 'groups-missing';

describe(RULE, () => {
  it('fires without a group claim: for SonarQube Cloud with JIT, an error, the sign-in fails', () => {
    const [f] = findingsOf(RULE, buildResponse());
    expect(f).toMatchObject({ rule: RULE, severity: 'error' });
    expect(f!.message).toMatch(/No group attribute \(looked for "groups"/);
    expect(f!.message).toContain('a user in no organization of the enterprise cannot sign in: the sign-in fails');
  });

  it('is silent under SCIM provisioning (memberships come from SCIM)', () => {
    expect(findingsOf(RULE, buildResponse(), { provisioning: 'scim' })).toEqual([]);
  });

  it('fires for a present but empty group attribute, naming it', () => {
    expect(findingsOf(RULE, buildResponse({ attributes: { ...SONAR_USER, memberOf: [''] } }))[0]?.message).toContain('"memberOf" is present but empty');
  });

  it('fires for an Entra assertion without group claim nor overage claim, with the Entra fix', () => {
    const [f] = findingsOf(RULE, buildResponse({ issuer: ENTRA_ISSUER }));
    expect(f?.message).toMatch(/No group attribute/);
    expect(f?.fix?.entra).toMatch(/Groups assigned to the application/);
  });

  it('stays silent with groups, with the overage claim, for Okta (its own rule), and for generic', () => {
    expect(findingsOf(RULE, buildResponse({ attributes: { ...SONAR_USER, groups: ['Dev'] } }))).toEqual([]);
    expect(findingsOf(RULE, buildResponse({ attributes: { ...SONAR_USER, 'http://schemas.microsoft.com/claims/groups.link': ['https://graph.windows.net/x'] } }))).toEqual([]);
    expect(findingsOf(RULE, buildResponse({ issuer: OKTA_ISSUER }))).toEqual([]);
    expect(findingsOf(RULE, buildResponse(), { profile: 'generic' })).toEqual([]);
    expect(findingsOf(RULE, buildResponse({ encrypted: true }))).toEqual([]);
  });

  it('real fixtures: OneLogin\'s empty memberOf fires; ADFS Group claims and OneLogin group stay silent', () => {
    expect(fixtureFindings(RULE, 'onelogin/crewjam-onelogin-response.b64')[0]?.message).toContain('"memberOf" is present but empty');
    expect(fixtureFindings(RULE, 'adfs/netsaml2-adfs-plain-groups.xml')).toEqual([]);
    expect(fixtureFindings(RULE, 'onelogin/gosaml2-olgn09-response-01.b64')).toEqual([]);
    expect(fixtureFindings(RULE, 'adfs/gosaml2-adfs-response-encrypted.b64')).toEqual([]);
  });
});
