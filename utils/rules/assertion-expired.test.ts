import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze';
import { readMessageInput } from '../har/read-message-input';
import { fixtureText, fixtureXml } from '../../tests/support/har-builder';
import { flowFindings, fixturePostFindings } from '../../tests/support/protocol-builder';

const RULE = 'assertion-expired';

describe(RULE, () => {
  it('fires when NotOnOrAfter passed before capture, saying how long and why', () => {
    const [f] = flowFindings(RULE, {
      capturedAt: '2024-01-01T10:12:00Z',
      response: { issueInstant: '2024-01-01T09:55:00Z', assertion: { notOnOrAfter: '2024-01-01T10:00:00Z', confirmations: [{ notOnOrAfter: '2024-01-01T10:00:00Z' }] } },
    });
    expect(f).toMatchObject({ rule: RULE, severity: 'error', evidence: { path: 'Response/Assertion/Conditions/@NotOnOrAfter', value: '2024-01-01T10:00:00Z' } });
    expect(f!.message).toBe(
      'The assertion expired 12 min before capture (NotOnOrAfter 2024-01-01T10:00:00Z, captured 10:12:00Z, 300 s skew allowed): it was issued at 2024-01-01T09:55:00Z, 17 min before capture: the Response was posted late (a tab left open, a resubmitted or replayed form) or the clocks disagree.',
    );
  });

  it('blames the IdP when the assertion ends before it was issued', () => {
    const [f] = flowFindings(RULE, { response: { assertion: { notOnOrAfter: '2024-01-01T09:50:00Z' } } });
    expect(f!.message).toContain('already expired when issued at 2024-01-01T10:00:00Z: the IdP set its end before its IssueInstant');
  });

  it('says "the evaluation time" with --now', () => {
    const [f] = flowFindings(RULE, {}, { now: '2024-01-01T13:00:00Z' });
    expect(f!.message).toMatch(/^The assertion expired 2 h before the evaluation time \(NotOnOrAfter 2024-01-01T11:00:00Z, evaluated at 13:00:00Z/);
  });

  it('stays silent inside the window and within the skew', () => {
    expect(flowFindings(RULE)).toEqual([]);
    expect(flowFindings(RULE, { capturedAt: '2024-01-01T11:04:00Z' })).toEqual([]);
  });

  it('real fixtures: fine at their IssueInstant, expired years later', () => {
    expect(fixturePostFindings(RULE, 'okta/gosaml2-okta-response.xml')).toEqual([]);
    const [late] = fixturePostFindings(RULE, 'okta/gosaml2-okta-response.xml', { now: '2016-07-26T23:25:14.859Z' });
    expect(late?.message).toContain('expired 24 h before the evaluation time (NotOnOrAfter 2016-07-25T23:25:14.859Z');
  });
});

describe(`${RULE} without a capture time`, () => {
  it('judges a pasted message at its own IssueInstant: a healthy one is not expired', () => {
    const { messages, findings } = analyze(readMessageInput(fixtureText('okta/gosaml2-okta-response.xml')).entries);
    expect(findings.map((x) => x.rule)).not.toContain(RULE);
    expect(messages[0]!.judgedAt).toEqual({ instant: '2016-07-25T23:20:14.859Z', source: 'issue-instant' });
  });

  it('with neither a capture time nor a readable IssueInstant, says it judged at the time of analysis, naming no command-line flag', () => {
    const xml = fixtureXml('okta/gosaml2-okta-response.xml').replace(/(<saml2p:Response[^>]*IssueInstant=")[^"]*/, '$1not a time');
    const [f] = analyze(readMessageInput(xml).entries).findings.filter((x) => x.rule === RULE);
    expect(f?.message).toMatch(/expired \d+ years before now \(NotOnOrAfter 2016-07-25T23:25:14\.859Z, now /);
    expect(f?.message).toContain('neither a capture time nor a readable IssueInstant, so it is judged at the time of analysis');
    expect(f?.message).not.toMatch(/--\w/);
    expect(f?.message).not.toContain('posted late');
  });
});
