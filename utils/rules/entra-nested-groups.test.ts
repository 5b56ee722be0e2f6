import { describe, expect, it } from 'vitest';
import { buildResponse, ENTRA_ISSUER, findingsOf, fixtureFindings, SONAR_USER } from '../../tests/support/response-builder';

const RULE = 'entra-nested-groups';
const GROUPS = 'http://schemas.microsoft.com/ws/2008/06/identity/claims/groups';

describe(RULE, () => {
  it('notes, for Entra group names, that only direct members are emitted', () => {
    const [f] = findingsOf(RULE, buildResponse({ issuer: ENTRA_ISSUER, attributes: { ...SONAR_USER, [GROUPS]: ['sonar-devs', 'sonar-admins'] } }));
    expect(f).toMatchObject({ rule: RULE, severity: 'info', evidence: { value: 'sonar-devs' } });
    expect(f!.message).toContain('"sonar-devs"');
    expect(f!.message).toMatch(/nested group/);
  });

  it('stays silent for object IDs only, for other IdPs, and without groups', () => {
    expect(findingsOf(RULE, buildResponse({ issuer: ENTRA_ISSUER, attributes: { ...SONAR_USER, [GROUPS]: ['7f3c2a1e-9b4d-4e21-a8f0-3c5d6e7f8a9b'] } }))).toEqual([]);
    expect(findingsOf(RULE, buildResponse({ attributes: { ...SONAR_USER, groups: ['sonar-devs'] } }))).toEqual([]);
    expect(fixtureFindings(RULE, 'entra/saml2aws-aad-response.xml')).toEqual([]);
    expect(fixtureFindings(RULE, 'adfs/netsaml2-adfs-plain-groups.xml')).toEqual([]);
  });
});
