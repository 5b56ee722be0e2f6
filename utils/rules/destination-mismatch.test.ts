import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze';
import { readMessageInput } from '../har/read-message-input';
import { ACS, fixtureFindings, flowFindings, fixturePostFindings, RSA_SHA256 } from '../../tests/support/protocol-builder';
import { fixtureText } from '../../tests/support/har-builder';

const RULE = 'destination-mismatch';

describe(RULE, () => {
  it('fires when the posting URL does not start with the Destination (a trailing slash counts)', () => {
    const [f] = flowFindings(RULE, { postTo: ACS, response: { destination: `${ACS}/` } });
    expect(f).toMatchObject({ rule: RULE, severity: 'error', evidence: { path: 'Response/@Destination', value: `${ACS}/`, postedTo: ACS } });
    expect(f!.message).toContain('only a trailing slash differs');
  });

  it('fires when the host differs', () => {
    const [f] = flowFindings(RULE, { postTo: 'https://staging.example.com/acs', response: { destination: ACS } });
    expect(f!.message).toBe(
      `The Response's Destination is ${ACS} but it was posted to https://staging.example.com/acs (the host differs: sp.example.com vs staging.example.com): the SP rejects a Response addressed elsewhere.`,
    );
    expect(f!.fix?.entra).toContain('Reply URL');
    expect(f!.fix?.okta).toContain('Single sign-on URL');
  });

  it('fires on an empty Destination, and on a signed Response without one', () => {
    expect(flowFindings(RULE, { response: { destination: '' } })[0]?.message).toContain('Destination is empty (Destination="") though it was posted to https://sp.example.com/acs');
    expect(flowFindings(RULE, { response: { destination: null, signature: { method: RSA_SHA256 } } })[0]?.message).toContain('signed but has no Destination');
  });

  it('stays silent when it matches (host case and default port aside), when unsigned without Destination, and for raw input', () => {
    expect(flowFindings(RULE)).toEqual([]);
    expect(flowFindings(RULE, { postTo: 'https://SP.example.com:443/acs' })).toEqual([]);
    expect(flowFindings(RULE, { response: { destination: null } })).toEqual([]);
    const raw = readMessageInput(fixtureText('invalid/rubysaml-invalid_audience.b64'));
    expect(analyze(raw.entries).findings.filter((x) => x.rule === RULE)).toEqual([]);
  });

  it('real fixtures: ruby-saml empty Destination fires (even as raw input); Okta posted to its Destination stays silent', () => {
    expect(fixturePostFindings(RULE, 'invalid/rubysaml-empty_destination.b64')[0]?.evidence?.value).toBe('');
    const raw = readMessageInput(fixtureText('invalid/rubysaml-empty_destination.b64'));
    expect(analyze(raw.entries).findings.filter((x) => x.rule === RULE)).toHaveLength(1);
    expect(fixturePostFindings(RULE, 'okta/gosaml2-okta-response.xml')).toEqual([]);
  });
});

describe('destination-mismatch without a POST to compare with', () => {
  it("compares the Destination with the bearer Recipient: gosaml2's wrong-destination Response, pasted", () => {
    const [f] = fixtureFindings('destination-mismatch', 'invalid/gosaml2-olgn09-wrong-destination.b64');
    expect(f?.message).toContain('Destination is https://saml.sp.nope/session/sso/saml/acs/incorrect but its bearer Recipient is https://saml.sp.nope/session/sso/saml/acs/rq5jwkvb8z');
    // Its sibling with the right Destination stays silent.
    expect(fixtureFindings('destination-mismatch', 'onelogin/gosaml2-olgn09-response-01.b64')).toEqual([]);
  });
});
