import { describe, expect, it } from 'vitest';
import { buildResponse, ENTRA_ISSUER, findingsOf, fixtureFindings, SONAR_USER } from '../../tests/support/response-builder';

const RULE = 'entra-group-overage';
const LINK = 'http://schemas.microsoft.com/claims/groups.link';
// What Entra ID sends in place of the groups for a user in more than 150 (no public capture has it).
const GRAPH = 'https://graph.windows.net/25f4519b-eca5-405d-b516-123af862c268/users/5159e491-c7a1-4c67-bff9-666cdab9a60b/getMemberObjects';

describe(RULE, () => {
  it('fires as an error on the overage claim, naming it and its link, with the Entra fix', () => {
    const xml = buildResponse({ issuer: ENTRA_ISSUER, attributes: { ...SONAR_USER, [` ${LINK} `]: [GRAPH] } });
    const [f, ...rest] = findingsOf(RULE, xml);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ rule: RULE, severity: 'error', docs: expect.stringContaining('how-to-connect-fed-group-claims') });
    expect(f!.message).toContain(LINK);
    expect(f!.message).toContain(GRAPH);
    expect(f!.message).toContain('more than 150');
    expect(f!.evidence).toMatchObject({ value: GRAPH });
    expect(f!.fix?.entra).toContain('Groups assigned to the application');
  });

  it('warns when an Entra assertion has no group claim at all (overage or no claim configured)', () => {
    const [f] = findingsOf(RULE, buildResponse({ issuer: ENTRA_ISSUER }));
    expect(f).toMatchObject({ severity: 'warning' });
    expect(f!.message).toContain(ENTRA_ISSUER);
    expect(f!.message).toMatch(/no group claim/);
  });

  it('stays silent with groups, for other IdPs, for generic, and when encrypted', () => {
    expect(findingsOf(RULE, buildResponse({ issuer: ENTRA_ISSUER, attributes: { ...SONAR_USER, 'http://schemas.microsoft.com/ws/2008/06/identity/claims/groups': ['Dev'] } }))).toEqual([]);
    expect(findingsOf(RULE, buildResponse())).toEqual([]);
    expect(findingsOf(RULE, buildResponse({ issuer: ENTRA_ISSUER }), { profile: 'generic' })).toEqual([]);
    expect(findingsOf(RULE, buildResponse({ issuer: ENTRA_ISSUER, encrypted: true }))).toEqual([]);
  });

  it('real fixtures: both Entra responses carry no group claim (warning); ADFS stays silent', () => {
    for (const fixture of ['entra/saml2aws-aad-response.xml', 'entra/netsaml2-issue-49-response.xml']) {
      expect(fixtureFindings(RULE, fixture).map((f) => f.severity)).toEqual(['warning']);
    }
    expect(fixtureFindings(RULE, 'adfs/netsaml2-adfs-plain-groups.xml')).toEqual([]);
  });
});
