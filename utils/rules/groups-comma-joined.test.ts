import { describe, expect, it } from 'vitest';
import { buildResponse, findingsOf, fixtureFindings, SONAR_USER } from '../../tests/support/response-builder';
import { joinedGroups } from './groups-comma-joined';

const RULE = 'groups-comma-joined';

describe(RULE, () => {
  it('real fixture: PingFederate sends "red,green,blue" as one value', () => {
    const [f] = fixtureFindings(RULE, 'pingfed/gosaml2-pfed11-response-01.b64');
    expect(f).toMatchObject({ rule: RULE, severity: 'warning', evidence: { value: 'red,green,blue', groups: 'red | green | blue' } });
    expect(f!.message).toContain('3 groups in one value joined by commas');
  });

  it('fires for semicolons too', () => {
    expect(findingsOf(RULE, buildResponse({ attributes: { ...SONAR_USER, groups: ['Dev; Ops'] } }))[0]?.message).toContain('joined by semicolons');
  });

  it('stays silent for one value per group, an LDAP DN, and generic', () => {
    expect(fixtureFindings(RULE, 'onelogin/gosaml2-olgn09-response-01.b64')).toEqual([]);
    expect(findingsOf(RULE, buildResponse({ attributes: { ...SONAR_USER, memberOf: ['CN=Dev,OU=Groups,DC=example,DC=com'] } }))).toEqual([]);
    expect(findingsOf(RULE, buildResponse({ attributes: { ...SONAR_USER, groups: ['a,b'] } }), { profile: 'generic' })).toEqual([]);
    expect(joinedGroups('Dev,')).toEqual([]);
  });
});
