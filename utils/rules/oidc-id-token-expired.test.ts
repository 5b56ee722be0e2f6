import { describe, expect, it } from 'vitest';
import { oidcFindings, T0 } from '../../tests/support/oidc-builder';

const RULE = 'oidc-id-token-expired';
const at = (seconds: number) => Math.floor(Date.parse(T0) / 1000) + seconds;

describe(RULE, () => {
  it('fires for a token that expired before it arrived, saying by how much', async () => {
    const [f] = await oidcFindings(RULE, { responseType: 'id_token', claims: { iat: at(-4000), nbf: at(-4000), exp: at(-600) } });
    expect(f).toMatchObject({ rule: RULE, severity: 'error', evidence: { path: 'fragment/id_token/exp' } });
    expect(f!.message).toContain('expired 10 min before it arrived');
  });

  it('fires for a token from a provider whose clock runs ahead', async () => {
    const [f] = await oidcFindings(RULE, { tokenCall: true, claims: { nbf: at(1200), iat: at(1200), exp: at(4800) } });
    expect(f!.message).toContain("nbf is 20 min in the future");
  });

  it('stays silent within the tolerated skew, and for a fresh token', async () => {
    expect(await oidcFindings(RULE, { responseType: 'id_token', claims: { exp: at(-60) } })).toEqual([]);
    expect(await oidcFindings(RULE, { tokenCall: true })).toEqual([]);
  });

  it('judges at the time given instead of the capture time', async () => {
    const [f] = await oidcFindings(RULE, { tokenCall: true }, { now: '2024-01-02T00:00:00Z' });
    expect(f!.message).toContain('checked now');
  });
});
