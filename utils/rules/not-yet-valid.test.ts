import { describe, expect, it } from 'vitest';
import { flowFindings, fixturePostFindings } from '../../tests/support/protocol-builder';

const RULE = 'not-yet-valid';

describe(RULE, () => {
  it('fires when NotBefore is beyond the skew after capture, giving the times and the skew', () => {
    const [f] = flowFindings(RULE, { response: { assertion: { notBefore: '2024-01-01T10:12:02Z' } } });
    expect(f).toMatchObject({ rule: RULE, severity: 'error', evidence: { path: 'Response/Assertion/Conditions/@NotBefore', value: '2024-01-01T10:12:02Z' } });
    expect(f!.message).toBe(
      "The assertion becomes valid only 12 min after capture (NotBefore 2024-01-01T10:12:02Z, captured 10:00:02Z, 300 s skew allowed): the IdP's clock runs ahead of the SP's, or this computer's clock runs behind.",
    );
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
