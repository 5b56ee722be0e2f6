import { describe, expect, it } from 'vitest';
import { fixtureFindings, flowFindings, fixturePostFindings } from '../../tests/support/protocol-builder';

const RULE = 'status-not-success';

describe(RULE, () => {
  it('fires on a Responder status, naming the sub-code, the StatusMessage and what the sub-code means', () => {
    const [f] = flowFindings(RULE, {
      response: {
        assertion: null,
        status: { code: 'urn:oasis:names:tc:SAML:2.0:status:Responder', subCode: 'urn:oasis:names:tc:SAML:2.0:status:AuthnFailed', message: 'MFA was not completed' },
      },
    });
    expect(f).toMatchObject({ rule: RULE, severity: 'error' });
    expect(f!.message).toBe(
      'The IdP answered with status Responder, sub-code AuthnFailed and the message "MFA was not completed": the IdP could not authenticate the user (wrong credentials, MFA not completed, account locked or disabled).',
    );
    expect(f!.evidence).toMatchObject({ value: 'urn:oasis:names:tc:SAML:2.0:status:Responder', subCode: 'urn:oasis:names:tc:SAML:2.0:status:AuthnFailed', statusMessage: 'MFA was not completed' });
    expect(f!.fix?.entra).toContain('Sign-in logs');
  });

  it('fires when the Response has no StatusCode at all', () => {
    expect(flowFindings(RULE, { response: { status: null } })[0]?.message).toContain('has no Status element');
  });

  it('stays silent on Success', () => {
    expect(flowFindings(RULE)).toEqual([]);
  });

  it('real fixtures: ruby-saml Responder with message, Net::SAML2 non-URI status; a clean Okta Response stays silent', () => {
    expect(fixturePostFindings(RULE, 'invalid/rubysaml-status_code_responer_and_msg.b64')[0]?.message).toContain('status Responder and the message "something_is_wrong"');
    const [adfs] = fixturePostFindings(RULE, 'invalid/netsaml2-failed-status.xml');
    expect(adfs?.message).toContain('"main status", sub-code "sub status" and the message "Authentication Failed"');
    expect(adfs?.message).toContain('not a SAML status code URI');
    expect(fixturePostFindings(RULE, 'okta/gosaml2-okta-response.xml')).toEqual([]);
  });
});

describe(`${RULE}: advice that fits the case`, () => {
  const fixOf = (status: { code?: string; subCode?: string; message?: string } | null) =>
    flowFindings(RULE, { response: { assertion: null, status } })[0]?.fix?.generic ?? '';

  it('Requester points at the SP registration, Responder at the IdP log, a missing Status at compliance', () => {
    expect(fixOf({ code: 'urn:oasis:names:tc:SAML:2.0:status:Requester' })).toMatch(/SP entity ID .* ACS URL/);
    expect(fixOf({ code: 'urn:oasis:names:tc:SAML:2.0:status:Responder' })).toMatch(/nothing in the SP needs to change/);
    expect(fixOf(null)).toMatch(/requires every Response to carry Status/);
    expect(flowFindings(RULE, { response: { status: null } })[0]?.message).toContain('has no Status element');
  });

  it('a failed LogoutResponse speaks of the sign-out (real python3-saml fixture)', () => {
    const [f] = fixtureFindings(RULE, 'invalid/python3saml-logout-response-responder-deflated.b64');
    expect(f?.message).toMatch(/answered the sign-out with status Responder/);
    expect(f?.fix?.generic).toMatch(/sign-out/);
  });
});
