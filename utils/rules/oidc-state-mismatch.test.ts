import { describe, expect, it } from 'vitest';
import { oidcFindings } from '../../tests/support/oidc-builder';

const RULE = 'oidc-state-mismatch';

describe(RULE, () => {
  it('fires when the response carries another state', async () => {
    const [f] = await oidcFindings(RULE, { responseState: 'forged' });
    expect(f).toMatchObject({ rule: RULE, severity: 'error', evidence: { value: 'forged', expected: 'st-8f2c1e' } });
    expect(f!.message).toContain('cross-site request forgery');
  });

  it('fires when the state was sent and none came back, also on an error response', async () => {
    const [f] = await oidcFindings(RULE, { responseState: null, error: { error: 'access_denied', description: 'AADSTS65004: User declined to consent.' } });
    expect(f!.message).toContain('came back without one');
  });

  it('stays silent when the states match or none was sent', async () => {
    expect(await oidcFindings(RULE)).toEqual([]);
    expect(await oidcFindings(RULE, { state: null })).toEqual([]);
  });
});
