import { describe, expect, it } from 'vitest';
import { b64, deflateB64, fixtureXml, plainEntry, postEntry, redirectEntry } from '../../tests/support/har-builder';
import { analyze, type AnalyzeOptions } from '../analyze';
import type { HarEntry } from '../har/types';
import { createReadCache } from '../protocols/read-cache';

const ACS = 'https://sonarcloud.io/sessions/saml/acs';
const IDP = 'https://login.microsoftonline.com/tenant/saml2';
const OPTIONS: AnalyzeOptions = { now: '2024-01-01T00:00:30Z' };

/** Every way a field can read: the IdPs' Responses, requests by both bindings, and each kind of failure. */
function varied(): HarEntry[] {
  const request = fixtureXml('requests/crewjam-authn-request.xml');
  const truncated = postEntry(ACS, 'SAMLResponse', b64(fixtureXml('okta/gosaml2-okta-response.xml')).slice(0, 401));
  truncated.request.postData!._truncated = true;
  return [
    plainEntry('https://app.example/'),
    redirectEntry(IDP, 'SAMLRequest', deflateB64(request), { relayState: '/org', sigAlg: 'http://www.w3.org/2000/09/xmldsig#rsa-sha1', signature: 'c2ln', time: '2024-01-01T00:00:01.000Z' }),
    postEntry(ACS, 'SAMLResponse', b64(fixtureXml('entra/saml2aws-aad-response.xml')), { relayState: '/org', time: '2024-01-01T00:00:02.000Z' }),
    postEntry(ACS, 'SAMLResponse', b64(fixtureXml('okta/gosaml2-okta-response.xml')), { style: 'firefox', status: 302 }),
    postEntry(ACS, 'SAMLResponse', b64(fixtureXml('adfs/netsaml2-adfs-plain-groups.xml')), { style: 'text' }),
    postEntry('https://sp.example/acs', 'SAMLResponse', b64(fixtureXml('invalid/netsaml2-failed-status.xml'))),
    redirectEntry('https://sp.example/acs', 'SAMLResponse', 'not base64!'),
    postEntry('https://sp.example/acs', 'SAMLResponse', b64('<Response><Issuer>x</Response>')),
    postEntry('https://sp.example/acs', 'SAMLResponse', b64('<html><body>hi</body></html>')),
    postEntry('https://sp.example/acs', 'SAMLResponse', b64('<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><Response>&x;</Response>')),
    plainEntry('https://sp.example/acs?SAMLart=AAQAAMFbLinlXaCM%2BFIxiDwGOLAy2T71gbpO7ZhNzAgEANlB90ECfpNEVLg%3D'),
    truncated,
  ];
}

/** The same exchanges as new objects: nothing the cache holds applies to them. */
const fresh = (entries: HarEntry[]) => structuredClone(entries);

describe('analyze with a read cache', () => {
  it('gives exactly what it gives without one, on a first and on a cached pass', () => {
    const entries = varied();
    const readCache = createReadCache();
    const uncached = JSON.stringify(analyze(fresh(entries), OPTIONS));
    expect(JSON.stringify(analyze(entries, { ...OPTIONS, readCache }))).toBe(uncached);
    expect(JSON.stringify(analyze(entries, { ...OPTIONS, readCache }))).toBe(uncached);
    expect(readCache.reads).toBe(entries.length);
  });

  it('keeps keys and exchange indices right when older exchanges are dropped and new ones arrive', () => {
    const entries = [...varied(), ...varied()];
    const readCache = createReadCache();
    for (let from = 0; from + 6 <= entries.length; from += 1) {
      const window = entries.slice(from, from + 6);
      const cached = analyze(window, { ...OPTIONS, readCache });
      expect(JSON.stringify(cached)).toBe(JSON.stringify(analyze(fresh(window), OPTIONS)));
      expect(cached.messages.every((m) => m.key === `${m.exchangeIndex}:${m.param}`)).toBe(true);
    }
    // Each exchange was read once, however many windows it was analyzed in.
    expect(readCache.reads).toBe(entries.length);
  });

  it('does not decode or parse a kept exchange again: its parsed parts are the very same objects', () => {
    const [, request, entra, okta] = varied();
    const readCache = createReadCache();
    const first = analyze([request!, entra!, okta!], { ...OPTIONS, readCache });
    const second = analyze([entra!, okta!, postEntry(ACS, 'SAMLResponse', b64(fixtureXml('auth0/gosaml2-auth0-response.xml')))], { ...OPTIONS, readCache });
    expect(readCache.reads).toBe(4);
    const [entraBefore, oktaBefore] = first.messages.slice(1);
    const [entraAfter, oktaAfter] = second.messages;
    expect(entraAfter).not.toBe(entraBefore);
    expect(entraAfter!.key).toBe('0:SAMLResponse');
    expect(entraBefore!.key).toBe('1:SAMLResponse');
    expect(entraAfter!.assertions).toBe(entraBefore!.assertions);
    expect(oktaAfter!.assertions).toBe(oktaBefore!.assertions);
    expect(entraAfter!.xml).toBe(entraBefore!.xml);
  });

  it('reads an exchange again when its request changed, and takes a later response status as it is now', () => {
    const [, , entra] = varied();
    const readCache = createReadCache();
    const before = analyze([entra!], { ...OPTIONS, readCache }).messages[0]!;
    entra!.response.status = 500; // the recorder fills the response in when it arrives
    const later = analyze([entra!], { ...OPTIONS, readCache }).messages[0]!;
    expect(readCache.reads).toBe(1);
    expect(later.httpStatus).toBe(500);
    expect(later.assertions).toBe(before.assertions);

    const okta = b64(fixtureXml('okta/gosaml2-okta-response.xml'));
    entra!.request.postData = { mimeType: 'application/x-www-form-urlencoded', params: [{ name: 'SAMLResponse', value: okta }] };
    const changed = analyze([entra!], { ...OPTIONS, readCache });
    expect(readCache.reads).toBe(2);
    expect(changed.messages[0]!.issuer).toBe(analyze(fresh([entra!]), OPTIONS).messages[0]!.issuer);
    expect(changed.messages[0]!.issuer).not.toBe(before.issuer);
  });
});
