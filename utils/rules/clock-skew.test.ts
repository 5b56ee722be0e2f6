import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze';
import { b64, postEntry } from '../../tests/support/har-builder';
import { addSeconds, buildProtocolResponse, flowFindings, T0 } from '../../tests/support/protocol-builder';

const RULE = 'clock-skew';

describe(RULE, () => {
  it('warns when the Response was issued well before capture though still valid', () => {
    const [f] = flowFindings(RULE, { capturedAt: '2024-01-01T10:08:00Z', response: { assertion: { confirmations: [{ notOnOrAfter: '2024-01-01T10:30:00Z' }] } } });
    expect(f).toMatchObject({ rule: RULE, severity: 'warning', evidence: { path: 'Response/@IssueInstant', value: T0 } });
    expect(f!.message).toBe(
      "The Response was issued 8 min before capture (IssueInstant 2024-01-01T10:00:00Z, captured 10:08:00Z, 300 s skew allowed): the Response took long to arrive (a page left open, a resubmitted form) or the IdP's clock runs behind. Its validity window still holds, but SPs that limit the Response's age or allow less skew reject it.",
    );
  });

  it('warns when the IdP clock runs ahead but NotBefore leaves room', () => {
    const ahead = addSeconds(T0, 420);
    const [f] = flowFindings(RULE, { response: { issueInstant: ahead, assertion: { notBefore: T0 } } });
    expect(f!.message).toMatch(/^The Response was issued 7 min after capture .*the IdP's clock runs ahead/);
  });

  it('stays silent within the skew, when the window is broken (the time rules speak), and without a capture time', () => {
    expect(flowFindings(RULE)).toEqual([]);
    expect(flowFindings(RULE, { capturedAt: '2024-01-01T10:20:00Z' })).toEqual([]); // bearer expired
    const raw = postEntry('about:blank', 'SAMLResponse', b64(buildProtocolResponse()));
    raw.startedDateTime = '';
    expect(analyze([raw]).findings.filter((f) => f.rule === RULE)).toEqual([]);
  });
});
