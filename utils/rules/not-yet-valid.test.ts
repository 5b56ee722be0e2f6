import { describe, expect, it } from 'vitest';
import { fixtureFindings, flowFindings, fixturePostFindings } from '../../tests/support/protocol-builder';

const RULE = 'not-yet-valid';

describe(RULE, () => {
  it('fires when NotBefore is beyond the skew after capture, giving the times and the skew', () => {
    // The IdP's clock runs 12 min ahead: its IssueInstant and NotBefore both lie after the capture.
    const [f] = flowFindings(RULE, { response: { issueInstant: '2024-01-01T10:12:00Z', assertion: { notBefore: '2024-01-01T10:12:02Z' } } });
    expect(f).toMatchObject({ rule: RULE, severity: 'error', evidence: { path: 'Response/Assertion/Conditions/@NotBefore', value: '2024-01-01T10:12:02Z' } });
    expect(f!.message).toBe(
      "The assertion becomes valid only 12 min after capture (NotBefore 2024-01-01T10:12:02Z, captured 10:00:02Z, 300 s skew allowed): the IdP's clock runs ahead of the SP's, or this computer's clock runs behind.",
    );
  });

  it('a NotBefore later than the IdP\'s own IssueInstant is the IdP dating the assertion ahead, not a clock', () => {
    const [f] = flowFindings(RULE, { response: { assertion: { notBefore: '2024-01-01T10:12:02Z' } } });
    expect(f!.message).toContain('NotBefore is 12 min later than the IssueInstant (2024-01-01T10:00:00Z): the IdP dates the assertion ahead');
    expect(f!.fix?.generic).toMatch(/NotBefore must not be later than the IssueInstant/);
    // python3-saml's test message: NotBefore in 2993, judged at its own IssueInstant (no capture time).
    const [real] = fixtureFindings(RULE, 'invalid/python3saml-not-before-in-future.b64');
    expect(real!.message).toMatch(/after the message was issued .*the IdP dates the assertion ahead/);
  });

  it('tolerates the skew, and follows a configured one', () => {
    expect(flowFindings(RULE, { response: { assertion: { notBefore: '2024-01-01T10:04:00Z' } } })).toEqual([]);
    expect(flowFindings(RULE, { response: { assertion: { notBefore: '2024-01-01T10:04:00Z' } } }, { skewSeconds: 60 })[0]?.message).toContain('60 s skew allowed');
  });

  it('stays silent without NotBefore, and for a clean sign-in', () => {
    expect(flowFindings(RULE)).toEqual([]);
    expect(flowFindings(RULE, { response: { assertion: { notBefore: null } } })).toEqual([]);
  });

  it('real fixture: the Oracle Response, whose NotBefore is 22 ms after IssueInstant, is fine within the skew', () => {
    expect(fixturePostFindings(RULE, 'oracle/rubysaml-opensaml-response.xml')).toEqual([]);
    expect(fixturePostFindings(RULE, 'oracle/rubysaml-opensaml-response.xml', { skewSeconds: 0 })[0]?.message).toContain('NotBefore 2011-06-21T13:54:38.683Z');
  });
});
