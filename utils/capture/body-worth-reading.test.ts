import { describe, expect, it } from 'vitest';
import type { HarEntry } from '../har/types';
import { bodyWorthReading, MAX_READ_BODY_BYTES } from './body-worth-reading';

function entry(method: string, url: string, status: number, o: { mime?: string; size?: number; body?: string; text?: string } = {}): HarEntry {
  return {
    startedDateTime: '2024-01-01T10:00:00.000Z',
    request: { method, url, headers: [], ...(o.body ? { postData: { mimeType: 'application/x-www-form-urlencoded', text: o.body } } : {}) },
    response: { status, headers: [], content: { size: o.size ?? 200, mimeType: o.mime ?? 'text/html', ...(o.text ? { text: o.text } : {}) } },
  };
}

const TOKEN = 'https://login.microsoftonline.com/tid/oauth2/v2.0/token';
const TOKEN_BODY = 'client_id=abc&grant_type=authorization_code&code=0.AX&redirect_uri=https%3A%2F%2Fapp.example.com%2Fcb';

describe('bodyWorthReading', () => {
  it.each([
    ['a token call answered 200 (its tokens)', entry('POST', TOKEN, 200, { mime: 'application/json', body: TOKEN_BODY }), true],
    ['a token call answered 400 (its OAuth error)', entry('POST', TOKEN, 400, { mime: 'application/json', body: TOKEN_BODY }), true],
    ['a discovery document', entry('GET', 'https://idp.example.com/.well-known/openid-configuration', 200, { mime: 'application/json' }), true],
    ["an authorization request answered with a page (Entra's error page)", entry('GET', 'https://login.example.com/authorize?client_id=a&response_type=code', 200), true],
    ["a SAML request answered with a page at Entra ID", entry('GET', 'https://login.microsoftonline.com/tid/saml2?SAMLRequest=fZ', 200), true],
    ['an error page of any other request', entry('GET', 'https://app.example.com/sso/callback', 500), true],
    ['a SAML request answered with a page elsewhere (the IdP login form)', entry('GET', 'https://idp.example.com/sso?SAMLRequest=fZ', 200), false],
    ['an ordinary page', entry('GET', 'https://app.example.com/home', 200), false],
    ['a redirect', entry('GET', 'https://login.example.com/authorize?client_id=a&response_type=code', 302), false],
    ['an image that failed', entry('GET', 'https://app.example.com/logo.png', 404, { mime: 'image/png' }), false],
    ['a body already there', entry('POST', TOKEN, 400, { mime: 'application/json', body: TOKEN_BODY, text: '{"error":"invalid_grant"}' }), false],
    ['a body too large to be an error', entry('GET', 'https://app.example.com/x', 500, { size: MAX_READ_BODY_BYTES + 1 }), false],
  ])('%s: %s', (_name, e, expected) => {
    expect(bodyWorthReading(e)).toBe(expected);
  });
});
