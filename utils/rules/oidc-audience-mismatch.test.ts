import { describe, expect, it } from 'vitest';
import { CLIENT_ID, oidcFindings } from '../../tests/support/oidc-builder';

const RULE = 'oidc-audience-mismatch';

describe(RULE, () => {
  it("fires when the token is for another client", async () => {
    const [f] = await oidcFindings(RULE, { responseType: 'id_token', responseMode: 'form_post', claims: { aud: '11111111-2222-3333-4444-555555555555' } });
    expect(f).toMatchObject({ rule: RULE, severity: 'error', evidence: { value: '11111111-2222-3333-4444-555555555555', expected: CLIENT_ID } });
  });

  it('fires when several audiences name another authorized party', async () => {
    const [f] = await oidcFindings(RULE, { tokenCall: true, claims: { aud: [CLIENT_ID, 'api://other'], azp: 'api://other' } });
    expect(f!.evidence).toMatchObject({ path: 'token response/id_token/azp', value: 'api://other' });
  });

  it('stays silent when the client is the audience', async () => {
    expect(await oidcFindings(RULE, { tokenCall: true, claims: { aud: [CLIENT_ID, 'x'], azp: CLIENT_ID } })).toEqual([]);
    expect(await oidcFindings(RULE, { responseType: 'id_token' })).toEqual([]);
  });
});
