import { describe, expect, it } from 'vitest';
import { buildResponse, ENTRA_ISSUER, findingsOf, fixtureFindings, SONAR_USER } from '../../tests/support/response-builder';

const RULE = 'group-values-are-object-ids';
const GROUPS = 'http://schemas.microsoft.com/ws/2008/06/identity/claims/groups';
const IDS = ['7f3c2a1e-9b4d-4e21-a8f0-3c5d6e7f8a9b', 'b2e1d0c9-8a7f-4e6d-9c5b-4a3f2e1d0c9b'];

describe(RULE, () => {
  it('fires when Entra sends object IDs (its default), naming one and the attribute', () => {
    const [f] = findingsOf(RULE, buildResponse({ issuer: ENTRA_ISSUER, attributes: { ...SONAR_USER, [GROUPS]: IDS } }));
    expect(f).toMatchObject({ rule: RULE, severity: 'error', evidence: { value: IDS[0], attribute: GROUPS, count: '2' } });
    expect(f!.message).toMatch(/^All 2 group value/);
    expect(f!.message).toContain(IDS[0]);
    expect(f!.fix?.entra).toContain('sAMAccountName');
    expect(f!.fix?.entra).toContain('Cloud-only group display names');
  });

  it('counts the IDs among names (cloud-only groups sent as IDs next to synced names)', () => {
    const [f] = findingsOf(RULE, buildResponse({ issuer: ENTRA_ISSUER, attributes: { ...SONAR_USER, [GROUPS]: ['Developers', IDS[0]!] } }));
    expect(f?.message).toMatch(/^1 of 2 group value/);
  });

  it('is a fact about the token: fires under the generic profile too', () => {
    const [f] = findingsOf(RULE, buildResponse({ attributes: { ...SONAR_USER, groups: IDS } }), { profile: 'generic' });
    expect(f?.severity).toBe('error');
    expect(f?.message).toContain('an SP that syncs groups matches groups by name');
  });

  it('stays silent for group names and when encrypted', () => {
    expect(findingsOf(RULE, buildResponse({ attributes: { ...SONAR_USER, groups: ['Developers'] } }))).toEqual([]);
    expect(findingsOf(RULE, buildResponse({ attributes: { ...SONAR_USER, groups: ['Developers'] } }), { profile: 'generic' })).toEqual([]);
    expect(findingsOf(RULE, buildResponse({ encrypted: true }))).toEqual([]);
  });

  it('real fixtures: ADFS and OneLogin send group names', () => {
    expect(fixtureFindings(RULE, 'adfs/netsaml2-adfs-plain-groups.xml')).toEqual([]);
    expect(fixtureFindings(RULE, 'onelogin/gosaml2-olgn09-response-01.b64')).toEqual([]);
  });
});
