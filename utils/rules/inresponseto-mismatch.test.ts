import { describe, expect, it } from 'vitest';
import { flowFindings, fixturePostFindings, REQUEST_ID } from '../../tests/support/protocol-builder';

const RULE = 'inresponseto-mismatch';

describe(RULE, () => {
  it('fires when the Response answers another request than the one captured (stale tab)', () => {
    const [f] = flowFindings(RULE, { response: { inResponseTo: '_old-tab-request', assertion: { confirmations: [{ inResponseTo: '_old-tab-request' }] } } });
    expect(f).toMatchObject({ rule: RULE, severity: 'error', evidence: { path: 'Response/@InResponseTo', value: '_old-tab-request', expected: REQUEST_ID } });
    expect(f!.message).toBe(
      `InResponseTo "_old-tab-request" does not match the AuthnRequest sent at 2024-01-01T09:59:55Z (ID "${REQUEST_ID}"): this Response answers another sign-in attempt (a stale tab, the back button, or a replay).`,
    );
  });

  it('fires when only the bearer confirmation names another request', () => {
    const [f] = flowFindings(RULE, { response: { assertion: { confirmations: [{ inResponseTo: '_other' }] } } });
    expect(f!.message).toContain('bearer SubjectConfirmationData InResponseTo "_other"');
    expect(f!.evidence?.path).toMatch(/SubjectConfirmationData\/@InResponseTo$/);
  });

  it('fires without a captured request when the Response and its bearer confirmation disagree', () => {
    const [f] = flowFindings(RULE, { request: false, response: { assertion: { confirmations: [{ inResponseTo: '_other' }] } } });
    expect(f!.message).toContain(`answers request "${REQUEST_ID}" but its bearer confirmation answers "_other"`);
  });

  it('stays silent when the IDs match, and without a request to compare with', () => {
    expect(flowFindings(RULE)).toEqual([]);
    expect(flowFindings(RULE, { request: false })).toEqual([]);
  });

  it('real fixture: a consistent ADFS Response stays silent', () => {
    expect(fixturePostFindings(RULE, 'adfs/gosaml2-adfs-response.b64')).toEqual([]);
  });
});
