import { describe, expect, it } from 'vitest';
import { oidcFindings } from '../../tests/support/oidc-builder';

const RULE = 'oidc-nonce-mismatch';

describe(RULE, () => {
  it("fires when the ID token's nonce is another sign-in's", async () => {
    const [f] = await oidcFindings(RULE, { responseType: 'id_token', responseMode: 'form_post', claims: { nonce: 'replayed' } });
    expect(f).toMatchObject({ rule: RULE, severity: 'error', evidence: { path: 'form_post/id_token/nonce', value: 'replayed', expected: 'n-0S6_WzA2Mj' } });
  });

  it('fires on the token response of a code flow whose token lost the nonce', async () => {
    const [f] = await oidcFindings(RULE, { tokenCall: true, claims: { nonce: undefined } });
    expect(f!.message).toContain('has no nonce claim');
    expect(f!.evidence!.path).toBe('token response/id_token/nonce');
  });

  it('fires when an implicit request sent no nonce at all', async () => {
    const [f] = await oidcFindings(RULE, { responseType: 'id_token', nonce: null });
    expect(f!.message).toContain('without a nonce');
  });

  it('stays silent when the nonces match, and for a code flow without nonce', async () => {
    expect(await oidcFindings(RULE, { responseType: 'id_token', responseMode: 'form_post' })).toEqual([]);
    expect(await oidcFindings(RULE, { nonce: null, tokenCall: true })).toEqual([]);
  });
});
