import { describe, expect, it } from 'vitest';
import { nonSamlEntries } from '../../bench/inputs';
import { plainEntry } from '../../tests/support/har-builder';
import { AUTHORIZE, oidcSignIn, REDIRECT } from '../../tests/support/oidc-builder';
import type { HarEntry } from '../har/types';
import { detectOidc } from './detect';

const kinds = (e: HarEntry) => detectOidc(e)?.map((f) => `${f.kind}/${f.carrier}`) ?? null;

describe('detectOidc', () => {
  it('ignores everyday traffic, including forms with a redirect_uri and shop pages with ?code=', () => {
    for (const e of nonSamlEntries(300)) expect(detectOidc(e)).toBeNull();
    expect(detectOidc(plainEntry('https://shop.example/cart?code=SUMMER24'))).toBeNull();
    expect(detectOidc(plainEntry('https://example.com/?error=1'))).toBeNull();
    expect(detectOidc(plainEntry('https://api.example/graphql', { method: 'POST', text: '{"code":"x","state":"y"}' }))).toBeNull();
  });

  it('finds an authorization request by client_id + response_type on any host and path', () => {
    expect(kinds(plainEntry('https://sso.acme.test/x/y?client_id=a&response_type=code&scope=openid'))).toEqual(['AuthorizationRequest/query']);
    expect(kinds(plainEntry('https://sso.acme.test/authorize?client_id=a&scope=openid'))).toBeNull();
  });

  it('reads a code response at the redirect URI (query) with where it landed', async () => {
    const [authorize, callback] = await oidcSignIn();
    expect(kinds(authorize!)).toEqual(['AuthorizationRequest/query']);
    const [field] = detectOidc(callback!)!;
    expect(field).toMatchObject({ kind: 'AuthorizationResponse', carrier: 'query', target: REDIRECT });
    expect(field!.params.find((p) => p.name === 'state')?.value).toBe('st-8f2c1e');
  });

  it("reads a fragment response from the provider's redirect, since browsers never send fragments", async () => {
    const [authorize, landing] = await oidcSignIn({ responseType: 'id_token', responseMode: 'fragment' });
    expect(kinds(authorize!)).toEqual(['AuthorizationRequest/query', 'AuthorizationResponse/fragment']);
    expect(detectOidc(authorize!)![1]!.target).toBe(REDIRECT);
    expect(detectOidc(landing!)).toBeNull();
  });

  it('reads a form_post response, whether the HAR keeps the body text or only params', async () => {
    const [, post] = await oidcSignIn({ responseType: 'id_token', responseMode: 'form_post' });
    expect(kinds(post!)).toEqual(['AuthorizationResponse/form_post']);
    const paramsOnly = structuredClone(post!);
    delete paramsOnly.request.postData!.text;
    const [field] = detectOidc(paramsOnly)!;
    expect(field!.params.find((p) => p.name === 'id_token')?.value).toMatch(/^eyJ/);
  });

  it("reads the browser's token call and the token endpoint's JSON answer", async () => {
    const entries = await oidcSignIn({ tokenCall: true });
    expect(kinds(entries[2]!)).toEqual(['TokenRequest/form_post', 'TokenResponse/json']);
    const failed = await oidcSignIn({ tokenCall: { error: { error: 'invalid_request', description: 'AADSTS9002326: Cross-origin token redemption…', codes: [9002326] } } });
    expect(kinds(failed[2]!)).toEqual(['TokenRequest/form_post', 'ErrorResponse/json']);
  });

  it('finds errors, discovery documents and end-session requests', () => {
    expect(kinds(plainEntry(`${REDIRECT}?error=access_denied&error_description=AADSTS65004%3A+declined&state=s`))).toEqual(['ErrorResponse/query']);
    expect(kinds(plainEntry('https://login.example/tenant/v2.0/.well-known/openid-configuration'))).toEqual(['Discovery/json']);
    expect(kinds(plainEntry(`${AUTHORIZE.replace('authorize', 'logout')}?post_logout_redirect_uri=https%3A%2F%2Fapp%2F`))).toEqual(['EndSession/query']);
    expect(kinds(plainEntry('https://idp.example/oidc/end_session'))).toEqual(['EndSession/query']);
  });

  it('never throws on malformed input', () => {
    const bad: HarEntry = { startedDateTime: '', request: { method: 'POST', url: '%%?client_id=%E0&response_type=%', headers: [], postData: { text: 'grant_type=%&code' } }, response: { status: 302, headers: [{ name: 'location', value: '#id_token=%zz' }] } };
    expect(() => detectOidc(bad)).not.toThrow();
  });
});
