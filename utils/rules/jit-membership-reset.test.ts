import { describe, expect, it } from 'vitest';
import { buildResponse, findingsOf, fixtureFindings } from '../../tests/support/response-builder';

const RULE = 'jit-membership-reset';

describe(RULE, () => {
  it('real fixture: lists the groups the sign-in sets (ADFS Group claim)', () => {
    const [f] = fixtureFindings(RULE, 'adfs/netsaml2-adfs-plain-groups.xml');
    expect(f).toMatchObject({ rule: RULE, severity: 'info', evidence: { value: 'Domain Users | Zaaksysteemgebruikers', count: '2' } });
    expect(f!.message).toContain('"Domain Users", "Zaaksysteemgebruikers"');
    expect(f!.message).toContain('"Members" is left alone');
  });

  it('stays silent without groups and for generic', () => {
    expect(findingsOf(RULE, buildResponse())).toEqual([]);
    expect(fixtureFindings(RULE, 'adfs/netsaml2-adfs-plain-groups.xml', { profile: 'generic' })).toEqual([]);
  });
});
