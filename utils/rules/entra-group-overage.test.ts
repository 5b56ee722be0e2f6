import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze';
import { b64, postEntry } from '../../tests/support/har-builder';
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

  it('is a fact about the token: it fires under the generic profile too, naming no service', () => {
    const xml = buildResponse({ issuer: ENTRA_ISSUER, attributes: { ...SONAR_USER, [LINK]: [GRAPH] } });
    const [f] = findingsOf(RULE, xml, { profile: 'generic' });
    expect(f).toMatchObject({ severity: 'error' });
    expect(f!.message).toContain('the SP receives no group');
  });

  it('posted to an SP the engine does not recognise (a lab on 127.0.0.1), the overage is still reported', () => {
    const xml = buildResponse({ issuer: ENTRA_ISSUER, attributes: { ...SONAR_USER, [LINK]: [GRAPH] } });
    const { findings } = analyze([postEntry('http://127.0.0.1:41234/acs', 'SAMLResponse', b64(xml), { time: '2024-01-01T10:00:01Z' })]);
    expect(findings.find((f) => f.rule === RULE)?.severity).toBe('error');
  });

  it('the fix assigns the groups to the application, and says a filter alone does not prevent overage', () => {
    const [f] = findingsOf(RULE, buildResponse({ issuer: ENTRA_ISSUER, attributes: { ...SONAR_USER, [LINK]: [GRAPH] } }));
    expect(f!.fix!.generic).toMatch(/^Assign the groups/);
    expect(f!.fix!.entra).toMatch(/^Assign the groups to the application/);
    expect(f!.fix!.entra).toContain('filter (Advanced options) alone does not prevent overage');
  });

  it('without the overage claim there is no overage: an Entra assertion with no group claim is groups-missing', () => {
    const xml = buildResponse({ issuer: ENTRA_ISSUER });
    expect(findingsOf(RULE, xml)).toEqual([]);
    const [missing] = findingsOf('groups-missing', xml);
    expect(missing?.fix?.entra).toContain('Entra ID sends no group claim until one is added');
  });

  it('stays silent with groups, for other IdPs, and when encrypted', () => {
    expect(findingsOf(RULE, buildResponse({ issuer: ENTRA_ISSUER, attributes: { ...SONAR_USER, 'http://schemas.microsoft.com/ws/2008/06/identity/claims/groups': ['Dev'] } }))).toEqual([]);
    expect(findingsOf(RULE, buildResponse())).toEqual([]);
    expect(findingsOf(RULE, buildResponse({ issuer: ENTRA_ISSUER }), { profile: 'generic' })).toEqual([]);
    expect(findingsOf(RULE, buildResponse({ issuer: ENTRA_ISSUER, encrypted: true }))).toEqual([]);
  });

  it('real fixtures: neither Entra response carries the overage claim; both lack a group claim (groups-missing)', () => {
    for (const fixture of ['entra/saml2aws-aad-response.xml', 'entra/netsaml2-issue-49-response.xml']) {
      expect(fixtureFindings(RULE, fixture)).toEqual([]);
      expect(fixtureFindings('groups-missing', fixture)).toHaveLength(1);
    }
    expect(fixtureFindings(RULE, 'adfs/netsaml2-adfs-plain-groups.xml')).toEqual([]);
  });
});
