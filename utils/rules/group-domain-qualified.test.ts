import { describe, expect, it } from 'vitest';
import { buildResponse, findingsOf, fixtureFindings, SONAR_USER } from '../../tests/support/response-builder';
import { isDomainQualified } from './group-domain-qualified';

const RULE = 'group-domain-qualified';

describe(RULE, () => {
  it('fires for NetBIOS-, DNS- and mail-style qualified names, naming them', () => {
    const [f] = findingsOf(RULE, buildResponse({ attributes: { ...SONAR_USER, groups: ['CONTOSO\\Developers', 'contoso.com\\Ops', 'qa@contoso.com', 'Plain'] } }));
    expect(f).toMatchObject({ rule: RULE, severity: 'warning', evidence: { value: 'CONTOSO\\Developers', count: '3' } });
    expect(f!.message).toContain('"CONTOSO\\Developers"');
    expect(f!.fix?.entra).toContain('NetBIOSDomain\\sAMAccountName');
  });

  it('stays silent for bare names and for generic', () => {
    expect(findingsOf(RULE, buildResponse({ attributes: { ...SONAR_USER, groups: ['Developers', 'Domain Users'] } }))).toEqual([]);
    expect(findingsOf(RULE, buildResponse({ attributes: { ...SONAR_USER, groups: ['CONTOSO\\Dev'] } }), { profile: 'generic' })).toEqual([]);
    expect(isDomainQualified('a\\b\\c')).toBe(false);
  });

  it('real fixture: ADFS "Domain Users" is not qualified', () => {
    expect(fixtureFindings(RULE, 'adfs/netsaml2-adfs-plain-groups.xml')).toEqual([]);
  });
});
