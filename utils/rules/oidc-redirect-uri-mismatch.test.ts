import { describe, expect, it } from 'vitest';
import { oidcFindings } from '../../tests/support/oidc-builder';

const RULE = 'oidc-redirect-uri-mismatch';

describe(RULE, () => {
  it('fires when the response lands elsewhere than the redirect_uri', async () => {
    const [f] = await oidcFindings(RULE, { landAt: 'https://app.example.com/other-callback' });
    expect(f).toMatchObject({ rule: RULE, severity: 'error', evidence: { value: 'https://app.example.com/other-callback', expected: 'https://app.example.com/signin-oidc' } });
  });

  it('fires when a fragment response is redirected to another host', async () => {
    const [f] = await oidcFindings(RULE, { responseType: 'id_token', landAt: 'https://evil.example/cb' });
    expect(f!.message).toContain('delivered to https://evil.example/cb');
  });

  it("fires when the token call names another redirect_uri than the request", async () => {
    const [f] = await oidcFindings(RULE, { tokenCall: { redirectUri: 'http://app.example.com/signin-oidc' } });
    expect(f!.message).toContain('invalid_grant');
  });

  it('stays silent when everything points at the same place', async () => {
    expect(await oidcFindings(RULE, { tokenCall: true })).toEqual([]);
    expect(await oidcFindings(RULE, { responseType: 'id_token', responseMode: 'form_post' })).toEqual([]);
  });
});
