import { describe, expect, it } from 'vitest';
import { plainEntry } from '../../tests/support/har-builder';
import { CLIENT_ID, NONCE, oidcSignIn, REDIRECT, STATE, TOKEN } from '../../tests/support/oidc-builder';
import { readOidcExchange } from './read-message';

describe('readOidcExchange', () => {
  it('types an authorization request with PKCE, state and nonce', async () => {
    const [authorize] = await oidcSignIn();
    const [m] = readOidcExchange(authorize!, 0);
    expect(m).toMatchObject({ protocol: 'oidc', key: '0:oidc:AuthorizationRequest', kind: 'AuthorizationRequest', method: 'GET', httpStatus: 302 });
    expect(m!.authorization).toMatchObject({ clientId: CLIENT_ID, responseType: 'code', redirectUri: REDIRECT, state: STATE, nonce: NONCE, codeChallengeMethod: 'S256' });
    expect(m!.authorization!.endpoint).not.toContain('?');
  });

  it('decodes the ID token of a form_post response (header and claims, unverified)', async () => {
    const [, post] = await oidcSignIn({ responseType: 'id_token', responseMode: 'form_post' });
    const [m] = readOidcExchange(post!, 1);
    expect(m!.kind).toBe('AuthorizationResponse');
    expect(m!.response!.idToken!.header).toMatchObject({ alg: 'RS256', kid: 'test-key-1' });
    expect(m!.response!.idToken!.payload).toMatchObject({ aud: CLIENT_ID, nonce: NONCE, ver: '2.0' });
    expect(m!.response!.redirectTarget).toBe(REDIRECT);
  });

  it('reads a token call without keeping the verifier or the secret, and its JSON answer', async () => {
    const entries = await oidcSignIn({ tokenCall: { clientSecret: true } });
    const [request, response] = readOidcExchange(entries[2]!, 2);
    expect(request!.tokenRequest).toMatchObject({ endpoint: TOKEN, grantType: 'authorization_code', hasCodeVerifier: true, hasClientSecret: true, code: '0.AXkA-code-value' });
    expect(JSON.stringify(request!.tokenRequest)).not.toContain('not-a-real-secret');
    expect(response!.tokens).toMatchObject({ hasRefreshToken: true, tokenType: 'Bearer', expiresIn: 3599 });
    expect(response!.tokens!.idToken!.payload!.aud).toBe(CLIENT_ID);
  });

  it("reads Entra ID's error codes from error_codes and from the description, with its trace IDs", async () => {
    const entries = await oidcSignIn({ tokenCall: { error: { error: 'invalid_request', description: 'AADSTS9002326: Cross-origin token redemption is permitted only for the Single-Page Application client-type.\r\nTrace ID: 0000aaaa-11bb-cccc-dd22-eeeeee333333', codes: [9002326] } } });
    const error = readOidcExchange(entries[2]!, 2)[1]!;
    expect(error.error).toMatchObject({ error: 'invalid_request', aadsts: [9002326], traceId: '0000aaaa-11bb-cccc-dd22-eeeeee333333' });
    const redirected = readOidcExchange(plainEntry(`${REDIRECT}?error=invalid_client&error_description=AADSTS7000215%3A+Invalid+client+secret+provided.&state=s`), 0)[0]!;
    expect(redirected.error).toMatchObject({ aadsts: [7000215], state: 's', redirectTarget: REDIRECT });
  });

  it("turns Entra ID's HTML error page after the authorization request into an error message, as text", async () => {
    const page = `<html><body><div id="content">Sorry, but we&#39;re having trouble signing you in.<br/>AADSTS50011: The redirect URI &#39;https://app.example.com/cb&#39; specified in the request does not match the redirect URIs configured for the application.</div><div>Request Id: 11112222-3333-4444-5555-666677778888</div><div>Correlation ID: 99990000-aaaa-bbbb-cccc-ddddeeeeffff</div></body></html>`;
    const [entry] = await oidcSignIn({ errorPage: page });
    const [request, error] = readOidcExchange(entry!, 0);
    expect(request!.kind).toBe('AuthorizationRequest');
    expect(error).toMatchObject({ kind: 'ErrorResponse', carrier: 'html', key: '0:oidc:ErrorPage' });
    expect(error!.error).toMatchObject({ aadsts: [50011], correlationId: '99990000-aaaa-bbbb-cccc-ddddeeeeffff' });
    expect(error!.error!.errorDescription).toContain("The redirect URI 'https://app.example.com/cb' specified");
  });

  it('reads a discovery document, and says when its body is missing', () => {
    const e = plainEntry('https://login.example/t/v2.0/.well-known/openid-configuration');
    expect(readOidcExchange(e, 0)[0]!.discovery).toMatchObject({ bodyMissing: true, responseTypesSupported: [] });
    e.response.content = { mimeType: 'application/json', text: JSON.stringify({ issuer: 'https://login.example/t/v2.0', authorization_endpoint: 'https://login.example/t/oauth2/v2.0/authorize', code_challenge_methods_supported: ['S256'], response_modes_supported: 'query' }) };
    expect(readOidcExchange(e, 0)[0]!.discovery).toMatchObject({ bodyMissing: false, issuer: 'https://login.example/t/v2.0', codeChallengeMethodsSupported: ['S256'], responseModesSupported: [] });
  });

  it('keeps an unreadable token as a problem instead of failing', () => {
    const [m] = readOidcExchange(plainEntry(`${REDIRECT}?id_token=bm90.anNvbg.x&state=s`), 0);
    expect(m!.response!.idToken!.problem).toMatch(/not a readable JWT/);
    const [opaque] = readOidcExchange(plainEntry(`${REDIRECT}?access_token=opaque&token_type=Bearer&state=s`), 0);
    expect(opaque!.response!.accessToken!.problem).toMatch(/opaque/);
  });
});
