import { describe, expect, it } from 'vitest';
import { flowFindings, fixturePostFindings } from '../../tests/support/protocol-builder';

const RULE = 'idp-initiated';
const unsolicited = { request: false as const, response: { inResponseTo: null, assertion: { confirmations: [{ inResponseTo: null }] } } };

describe(RULE, () => {
  it('is an error for SonarQube Cloud, which accepts SP-initiated sign-in only: start from the login URL', () => {
    const [f] = flowFindings(RULE, unsolicited, { profile: 'sonarqube-cloud' });
    expect(f).toMatchObject({ rule: RULE, severity: 'error', evidence: { path: 'Response/@InResponseTo', value: '(absent)' } });
    expect(f!.message).toContain('SonarQube Cloud refuses');
    expect(f!.message).toContain('login URL or its one-click sign-in link');
  });

  it('is a warning for a generic SP', () => {
    const [f] = flowFindings(RULE, unsolicited, { profile: 'generic' });
    expect(f).toMatchObject({ severity: 'warning' });
    expect(f!.message).toContain('IdP-initiated');
  });

  it('stays silent for an SP-initiated flow, and for a Response answering a request that was not captured', () => {
    expect(flowFindings(RULE, {}, { profile: 'sonarqube-cloud' })).toEqual([]);
    expect(flowFindings(RULE, { request: false }, { profile: 'sonarqube-cloud' })).toEqual([]);
    // The root lacks InResponseTo but the bearer confirmation names the request.
    expect(flowFindings(RULE, { request: false, response: { inResponseTo: null, assertion: { confirmations: [{ inResponseTo: '_req' }] } } })).toEqual([]);
  });

  it('real fixtures: the Entra ID Response for AWS is unsolicited; the Okta one answers a request', () => {
    expect(fixturePostFindings(RULE, 'entra/saml2aws-aad-response.xml')).toHaveLength(1);
    expect(fixturePostFindings(RULE, 'okta/gosaml2-okta-response.xml')).toEqual([]);
  });
});
