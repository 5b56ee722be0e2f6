import { describe, expect, it, vi } from 'vitest';
import { discoveryUrl, fetchIssuerKeys } from './fetch-jwks';
import { issuerOrigin } from './issuer-origin';

const ISSUER = 'https://login.microsoftonline.com/aaaabbbb-0000-cccc-1111-dddd2222eeee/v2.0';
const JWKS_URI = 'https://login.microsoftonline.com/aaaabbbb-0000-cccc-1111-dddd2222eeee/discovery/v2.0/keys';
const KEY = { kty: 'RSA', kid: 'k1', n: 'AQAB', e: 'AQAB' };

/** A fetch that answers from a table, recording what it was asked. */
function fakeFetch(table: Record<string, { status?: number; body: unknown }>) {
  return vi.fn(async (url: string, init?: { credentials?: string }) => {
    const hit = table[url];
    expect(init?.credentials).toBe('omit');
    return { ok: !!hit && (hit.status ?? 200) < 300, status: hit ? (hit.status ?? 200) : 404, text: async () => (typeof hit?.body === 'string' ? hit.body : JSON.stringify(hit?.body ?? {})) };
  });
}

describe('fetchIssuerKeys', () => {
  it('reads the discovery document, then its jwks_uri', async () => {
    const fetch = fakeFetch({ [discoveryUrl(ISSUER)]: { body: { issuer: ISSUER, jwks_uri: JWKS_URI } }, [JWKS_URI]: { body: { keys: [KEY] } } });
    const keys = await fetchIssuerKeys(ISSUER, fetch);
    expect(keys.problem).toBeUndefined();
    expect(keys.jwks?.keys).toEqual([KEY]);
    expect(keys.from).toBe(JWKS_URI);
    expect(fetch.mock.calls.map(([url]) => url)).toEqual([`${ISSUER}/.well-known/openid-configuration`, JWKS_URI]);
  });

  it('refuses a discovery document of another issuer', async () => {
    const fetch = fakeFetch({ [discoveryUrl(ISSUER)]: { body: { issuer: 'https://evil.example/', jwks_uri: JWKS_URI } } });
    expect((await fetchIssuerKeys(ISSUER, fetch)).problem).toMatch(/describes issuer https:\/\/evil/);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('says why, without throwing, when a document is missing or not JSON', async () => {
    expect((await fetchIssuerKeys(ISSUER, fakeFetch({}))).problem).toMatch(/HTTP 404/);
    const notJson = fakeFetch({ [discoveryUrl(ISSUER)]: { body: '<html>' } });
    expect((await fetchIssuerKeys(ISSUER, notJson)).problem).toMatch(/no jwks_uri/);
    const failing = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    expect((await fetchIssuerKeys(ISSUER, failing)).problem).toMatch(/Failed to fetch/);
  });

  it('fetches nothing for an issuer that is not https (or a loopback test provider)', async () => {
    const fetch = fakeFetch({});
    for (const issuer of ['http://idp.example.com', 'javascript:alert(1)', 'not a url', '']) {
      expect((await fetchIssuerKeys(issuer, fetch)).problem).toBeTruthy();
    }
    expect(fetch).not.toHaveBeenCalled();
    expect(issuerOrigin('http://127.0.0.1:4000/oidc')).toBe('http://127.0.0.1:4000');
    expect(issuerOrigin(ISSUER)).toBe('https://login.microsoftonline.com');
  });
});
