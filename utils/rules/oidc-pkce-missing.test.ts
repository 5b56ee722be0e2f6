import { describe, expect, it } from 'vitest';
import { oidcFindings } from '../../tests/support/oidc-builder';

const RULE = 'oidc-pkce-missing';

describe(RULE, () => {
  it('warns about a code request without code_challenge, more firmly for a public client', async () => {
    const [server] = await oidcFindings(RULE, { pkce: null });
    expect(server).toMatchObject({ rule: RULE, severity: 'warning', evidence: { value: '(missing)' } });
    expect(server!.message).toContain('recommended for every client');
    const [spa] = await oidcFindings(RULE, { pkce: null, tokenCall: true });
    expect(spa!.message).toContain('public client');
  });

  it('warns about the plain method, stated or implied', async () => {
    expect((await oidcFindings(RULE, { pkce: 'plain' }))[0]!.message).toContain('plain method');
    expect((await oidcFindings(RULE, { pkce: 'plain-implicit' }))[0]!.message).toContain('no code_challenge_method');
  });

  it('stays silent for S256 and for flows without a code', async () => {
    expect(await oidcFindings(RULE, { tokenCall: true })).toEqual([]);
    expect(await oidcFindings(RULE, { responseType: 'id_token', pkce: null })).toEqual([]);
  });
});
