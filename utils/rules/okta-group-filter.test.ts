import { describe, expect, it } from 'vitest';
import { buildResponse, findingsOf, fixtureFindings, OKTA_ISSUER, SONAR_USER } from '../../tests/support/response-builder';

const RULE = 'okta-group-filter';

describe(RULE, () => {
  it('real fixture: Okta sent no group attribute; the fix names the filter kinds and assignment', () => {
    const [f] = fixtureFindings(RULE, 'okta/gosaml2-okta-response.xml');
    expect(f).toMatchObject({ rule: RULE, severity: 'warning' });
    expect(f!.message).toContain(OKTA_ISSUER);
    expect(f!.fix?.okta).toMatch(/Starts with \/ Equals \/ Contains \/ Matches regex/);
    expect(f!.fix?.okta).toContain('Assignments');
  });

  it('fires for an empty group attribute, naming it', () => {
    expect(findingsOf(RULE, buildResponse({ issuer: OKTA_ISSUER, attributes: { ...SONAR_USER, groups: [''] } }))[0]?.message).toContain('"groups" empty');
  });

  it('stays silent with groups, for other IdPs, for generic and when encrypted', () => {
    expect(findingsOf(RULE, buildResponse({ issuer: OKTA_ISSUER, attributes: { ...SONAR_USER, groups: ['Dev'] } }))).toEqual([]);
    expect(findingsOf(RULE, buildResponse())).toEqual([]);
    expect(findingsOf(RULE, buildResponse({ issuer: OKTA_ISSUER }), { profile: 'generic' })).toEqual([]);
    expect(fixtureFindings(RULE, 'okta/gosaml2-okta-response-encrypted.b64')).toEqual([]);
  });
});
