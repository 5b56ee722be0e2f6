import { describe, expect, it } from 'vitest';
import { oidcFindings } from '../../tests/support/oidc-builder';

const RULE = 'oidc-token-in-url';

describe(RULE, () => {
  it('warns about tokens in a fragment (implicit flow)', async () => {
    const [f] = await oidcFindings(RULE, { responseType: 'id_token token' });
    expect(f).toMatchObject({ rule: RULE, severity: 'warning', evidence: { path: 'fragment/access_token', value: 'access_token, id_token' } });
  });

  it('warns more about an ID token in a query string', async () => {
    const [f] = await oidcFindings(RULE, { responseType: 'id_token', responseMode: 'query' });
    expect(f!.message).toContain('query string');
    expect(f!.message).toContain('logs record it');
  });

  it('stays silent for codes in the query and tokens posted with form_post', async () => {
    expect(await oidcFindings(RULE)).toEqual([]);
    expect(await oidcFindings(RULE, { responseType: 'code id_token', responseMode: 'form_post' })).toEqual([]);
  });
});
