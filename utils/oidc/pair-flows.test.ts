import { describe, expect, it } from 'vitest';
import { plainEntry } from '../../tests/support/har-builder';
import { oidcSignIn, REDIRECT } from '../../tests/support/oidc-builder';
import type { HarEntry } from '../har/types';
import { pairOidcFlows } from './pair-flows';
import { readOidcExchange } from './read-message';

const read = (entries: HarEntry[]) => entries.flatMap((e, i) => readOidcExchange(e, i));

describe('pairOidcFlows', () => {
  it('pairs a code sign-in by state and joins the browser token call by its code', async () => {
    const flows = pairOidcFlows(read(await oidcSignIn({ tokenCall: true })));
    expect(flows).toHaveLength(1);
    expect(flows[0]).toMatchObject({
      kind: 'sign-in',
      pairedBy: 'state',
      requestKey: '0:oidc:AuthorizationRequest',
      responseKey: '1:oidc:AuthorizationResponse',
      tokenRequestKey: '2:oidc:TokenRequest',
      tokenResponseKey: '2:oidc:TokenResponse',
      callbackStatus: 302,
      unsolicited: false,
    });
  });

  it('keeps two interleaved sign-ins apart by their states', async () => {
    const a = await oidcSignIn({ state: 'A', nonce: 'na' });
    const b = await oidcSignIn({ state: 'B', nonce: 'nb' });
    const flows = pairOidcFlows(read([a[0]!, b[0]!, b[1]!, a[1]!]));
    expect(flows.map((f) => [f.requestKey, f.responseKey])).toEqual([
      ['0:oidc:AuthorizationRequest', '3:oidc:AuthorizationResponse'],
      ['1:oidc:AuthorizationRequest', '2:oidc:AuthorizationResponse'],
    ]);
  });

  it('falls back to the nonce, then to the redirect URI, so that a wrong state is still shown beside its request', async () => {
    const byNonce = pairOidcFlows(read(await oidcSignIn({ responseType: 'id_token', responseState: 'other' })));
    expect(byNonce[0]).toMatchObject({ pairedBy: 'nonce', responseKey: '0:oidc:AuthorizationResponse' });
    const byTarget = pairOidcFlows(read(await oidcSignIn({ responseState: 'other' })));
    expect(byTarget).toHaveLength(1);
    expect(byTarget[0]!.pairedBy).toBe('redirect_uri');
  });

  it('marks a response no captured request asked for as unsolicited', () => {
    const flows = pairOidcFlows(read([plainEntry(`${REDIRECT}?code=abc&state=xyz`)]));
    expect(flows[0]).toMatchObject({ kind: 'sign-in', unsolicited: true });
  });

  it('joins the token call to an unsolicited response whose code it redeems (the request was not captured)', async () => {
    const [, callback, token] = await oidcSignIn({ tokenCall: { error: { error: 'invalid_grant', description: 'AADSTS50148: The code_verifier does not match', codes: [50148] } } });
    const flows = pairOidcFlows(read([callback!, token!]));
    expect(flows).toHaveLength(1);
    expect(flows[0]).toMatchObject({
      kind: 'sign-in',
      unsolicited: true,
      responseKey: '0:oidc:AuthorizationResponse',
      tokenRequestKey: '1:oidc:TokenRequest',
      tokenResponseKey: '1:oidc:ErrorResponse',
    });
    expect(flows[0]!.requestKey).toBeUndefined();
    // A later request is not answered by it: an unsolicited response stays open only for its code.
    const [authorize] = await oidcSignIn({ state: 'later' });
    const later = pairOidcFlows(read([callback!, authorize!]));
    expect(later).toHaveLength(2);
    expect(later[1]!.responseKey).toBeUndefined();
  });

  it("puts Entra ID's error page with its request, and sign-outs and discovery in flows of their own", async () => {
    const [page] = await oidcSignIn({ errorPage: '<p>AADSTS700016: Application with identifier x was not found</p>' });
    const flows = pairOidcFlows(read([plainEntry('https://login.example/t/.well-known/openid-configuration'), page!, plainEntry('https://login.example/t/oauth2/v2.0/logout?post_logout_redirect_uri=https%3A%2F%2Fapp')]));
    expect(flows.map((f) => f.kind)).toEqual(['other', 'sign-in', 'sign-out']);
    expect(flows[1]).toMatchObject({ pairedBy: 'exchange', responseKey: '1:oidc:ErrorPage' });
  });

  it('treats the same request passed on again as one sign-in', async () => {
    const [authorize, callback] = await oidcSignIn();
    const flows = pairOidcFlows(read([authorize!, structuredClone(authorize!), callback!]));
    expect(flows).toHaveLength(1);
    expect(flows[0]!.messageKeys).toHaveLength(3);
  });
});
