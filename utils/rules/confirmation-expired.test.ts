import { describe, expect, it } from 'vitest';
import { flowFindings, fixturePostFindings } from '../../tests/support/protocol-builder';

const RULE = 'confirmation-expired';

describe(RULE, () => {
  it('fires when the bearer window (5 min) passed though the assertion still holds', () => {
    const [f] = flowFindings(RULE, { capturedAt: '2024-01-01T10:20:00Z' });
    expect(f).toMatchObject({ rule: RULE, severity: 'error', evidence: { value: '2024-01-01T10:05:00Z' } });
    expect(f!.evidence?.path).toMatch(/SubjectConfirmationData\/@NotOnOrAfter$/);
    expect(f!.message).toBe(
      'The bearer confirmation of the assertion expired 15 min before capture (SubjectConfirmationData NotOnOrAfter 2024-01-01T10:05:00Z, captured 10:20:00Z, 300 s skew allowed): it was issued at 2024-01-01T10:00:00Z, 20 min before capture: the Response was posted late (a tab left open, a resubmitted or replayed form) or the clocks disagree.',
    );
  });

  it('leaves an expired assertion to assertion-expired, and a still valid bearer window alone', () => {
    expect(flowFindings(RULE, { capturedAt: '2024-01-01T12:00:00Z' })).toEqual([]);
    expect(flowFindings(RULE, { capturedAt: '2024-01-01T10:08:00Z' })).toEqual([]);
    expect(flowFindings(RULE, { capturedAt: '2024-01-01T10:20:00Z', response: { assertion: { confirmations: [{ notOnOrAfter: null }] } } })).toEqual([]);
  });

  it('real fixtures: ruby-saml expired bearer (a year before issue) fires at its IssueInstant; ADFS stays silent', () => {
    const [f] = fixturePostFindings(RULE, 'invalid/rubysaml-invalid_subjectconfirmation_noa.b64');
    expect(f?.message).toContain('SubjectConfirmationData NotOnOrAfter 2010-06-17T14:59:14Z');
    expect(f?.message).toContain('already expired when issued at 2011-06-17T14:54:14Z');
    expect(fixturePostFindings(RULE, 'adfs/gosaml2-adfs-response.b64')).toEqual([]);
  });
});
