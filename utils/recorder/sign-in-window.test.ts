import { describe, expect, it } from 'vitest';
import { b64, deflateB64, fixtureXml, postEntry, redirectEntry } from '../../tests/support/har-builder';
import type { HarEntry } from '../har/types';
import { CaptureStore } from './capture-store';
import { oidcSignIn } from '../../tests/support/oidc-builder';
import { carriesResponse, latestSignIn, signInWindow, VERDICT_MAX_ENTRIES, VERDICT_WINDOW_MS } from './sign-in-window';

const ACS = 'https://sonarcloud.io/oauth2/callback/saml';
const RESPONSE = b64(fixtureXml('entra/netsaml2-issue-49-response.xml'));
const REQUEST = deflateB64(fixtureXml('requests/crewjam-authn-request.xml'));
const T0 = Date.parse('2025-03-01T10:00:00.000Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
const response = (minutes: number) => postEntry(ACS, 'SAMLResponse', RESPONSE, { time: at(minutes), status: 302 });
const request = (minutes: number) => redirectEntry('https://login.microsoftonline.com/tenant/saml2', 'SAMLRequest', REQUEST, { time: at(minutes) });

function storeWith(captures: Array<[tabId: number, entry: HarEntry]>, openers: Array<[tab: number, opener: number]> = []): CaptureStore {
  const store = new CaptureStore();
  for (const [tab, opener] of openers) store.followers.follow(tab, opener);
  for (const [tabId, entry] of captures) store.add(tabId, entry);
  return store;
}

describe('sign-in window', () => {
  it('is the captures that can pair with the last Response: within the pairing time, at most 50, all sign-ins counted', () => {
    const group = [response(0), request(1), response(2), ...Array.from({ length: 60 }, (_, i) => request(30 + i / 10)), response(40)];
    const window = signInWindow(group)!;
    expect(window.flows).toBe(3);
    expect(window.entries).toHaveLength(VERDICT_MAX_ENTRIES);
    expect(window.entries.at(-1)).toBe(group.at(-1));
    expect(window.entries.every((e) => T0 + 40 * 60_000 - Date.parse(e.startedDateTime) <= VERDICT_WINDOW_MS)).toBe(true);
    expect(signInWindow([response(0), request(20), response(45)])!.entries.map((e) => e.startedDateTime)).toEqual([at(45)]);
    // Hops kept around the sign-in take no slot.
    const hop = (minutes: number) => ({ ...request(minutes), request: { method: 'GET', url: 'https://app.example/', headers: [] } });
    expect(signInWindow([request(1), ...Array.from({ length: 60 }, () => hop(1)), response(2)])!.entries.map((e) => e.startedDateTime)).toEqual([at(1), at(2)]);
  });

  it('ends an OpenID Connect sign-in where the answer reaches the redirect URI: query, fragment, form_post or error', async () => {
    // A fragment never reaches the server: the provider's redirect carries it, in its Location header.
    const cases: Array<[Parameters<typeof oidcSignIn>[0], number]> = [
      [{}, 1],
      [{ responseType: 'id_token token' }, 0],
      [{ responseType: 'id_token', responseMode: 'form_post' }, 1],
      [{ error: { error: 'access_denied', description: 'AADSTS50105' } }, 1],
    ];
    for (const [spec, end] of cases) {
      const entries = await oidcSignIn(spec);
      expect(entries.map(carriesResponse), JSON.stringify(spec)).toEqual(entries.map((_, i) => i === end));
      expect(signInWindow(entries.slice(0, end + 1))?.flows, JSON.stringify(spec)).toBe(1);
    }
    // The browser's token call comes after the answer: it ends no sign-in of its own.
    const spa = await oidcSignIn({ tokenCall: true });
    expect(spa.map(carriesResponse).filter(Boolean)).toHaveLength(1);
  });

  it('is nothing when the last capture completes no sign-in', () => {
    expect(signInWindow([response(0), request(1)])).toBeUndefined();
    expect(signInWindow([])).toBeUndefined();
  });
});

describe('latest sign-in of a tab', () => {
  it("picks the tab's newest Response, with the captures before it", () => {
    const store = storeWith([[7, request(0)], [7, response(1)], [7, request(2)], [8, response(3)]]);
    expect(latestSignIn(store, 7)).toEqual({ seq: 2, entries: [request(0), response(1)], flows: 1 });
    expect(latestSignIn(store, 8)).toMatchObject({ seq: 4, flows: 1 });
    expect(latestSignIn(store, 9)).toEqual({ entries: [], flows: 0 });
  });

  it('judges a sign-in in an opened tab with its whole group, for that tab and the tab that started the group', () => {
    // 7 opened 21 (the IdP pop-up), which opened 99; the AuthnRequest left from 7.
    const store = storeWith([[7, request(0)], [21, response(1)], [99, response(2)]], [[21, 7], [99, 21]]);
    expect(latestSignIn(store, 21)).toEqual({ seq: 2, entries: [request(0), response(1)], flows: 1 });
    expect(latestSignIn(store, 99)).toEqual({ seq: 3, entries: [request(0), response(1), response(2)], flows: 2 });
    expect(latestSignIn(store, 7)).toMatchObject({ seq: 3, flows: 2 });
  });
});
