import { describe, expect, it } from 'vitest';
import { b64, deflateB64, fixtureXml, postEntry } from '../../tests/support/har-builder';
import { analyze } from '../analyze';
import { detectSaml } from '../saml/detect';
import { WebRequestToHar, MAX_IN_FLIGHT, type BeforeRequestDetails } from './webrequest-to-har';

const ACS = 'https://sonarcloud.io/oauth2/callback/saml';
const T0 = Date.parse('2025-03-01T10:00:00.000Z');
const bytes = (s: string) => new TextEncoder().encode(s).buffer as ArrayBuffer;

function post(requestId: string, requestBody: BeforeRequestDetails['requestBody'], url = ACS): BeforeRequestDetails {
  return { requestId, tabId: 7, url, method: 'POST', timeStamp: T0, type: 'main_frame', requestBody };
}

/** Splits `text` into raw chunks at the given offsets, as the browser hands over a large upload. */
function rawChunks(text: string, cuts: number[]) {
  const all = new TextEncoder().encode(text);
  const edges = [0, ...cuts, all.length];
  return edges.slice(1).map((end, i) => ({ bytes: all.slice(edges[i], end).buffer as ArrayBuffer }));
}

function complete(converter: WebRequestToHar, requestId: string, statusCode = 302, extra: Record<string, unknown> = {}) {
  return converter.completed({
    requestId,
    tabId: 7,
    url: ACS,
    method: 'POST',
    timeStamp: T0 + 250,
    statusCode,
    statusLine: `HTTP/1.1 ${statusCode} Found`,
    responseHeaders: [
      { name: 'Location', value: 'https://sonarcloud.io/projects' },
      { name: 'Content-Type', value: 'text/html' },
    ],
    ...extra,
  });
}

describe('webRequest events → HAR entry', () => {
  it('reads a 12 KB SAMLResponse split across raw chunks and analyzes it like the same POST from devtools', () => {
    const value = b64(fixtureXml('entra/netsaml2-issue-49-response.xml'));
    expect(value.length).toBeGreaterThan(12_000);
    const body = `SAMLResponse=${encodeURIComponent(value)}&RelayState=%2Fprojects`;
    const converter = new WebRequestToHar();
    // One cut falls inside the word "SAMLResponse", the others inside the base64.
    expect(converter.beforeRequest(post('1', { raw: rawChunks(body, [2, 4096, 8192, 12000]) }))).toBe(true);
    const recorded = complete(converter, '1');
    expect(recorded?.tabId).toBe(7);
    const entry = recorded!.entry;
    expect(entry.request.postData?.text).toBe(body);
    expect(entry.request.postData?._truncated).toBeUndefined();
    expect(detectSaml(entry)?.messages[0]?.value).toBe(value);

    const devtools = postEntry(ACS, 'SAMLResponse', value, { relayState: '/projects', status: 302, time: entry.startedDateTime });
    const findings = (e: typeof entry) => analyze([e]).findings.map((f) => `${f.severity}:${f.rule}:${f.message}`);
    expect(findings(entry)).toEqual(findings(devtools));
    expect(findings(entry).length).toBeGreaterThan(0);
  });

  it('reads formData when that is all the browser gave', () => {
    const value = b64('<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_1"/>');
    const converter = new WebRequestToHar();
    expect(converter.beforeRequest(post('2', { formData: { SAMLResponse: [value], RelayState: ['a b'] } }))).toBe(true);
    const entry = complete(converter, '2', 200)!.entry;
    expect(entry.request.postData?.params).toEqual([
      { name: 'SAMLResponse', value: encodeURIComponent(value) },
      { name: 'RelayState', value: 'a%20b' },
    ]);
    const fields = detectSaml(entry);
    expect(fields?.messages[0]?.value).toBe(value);
    expect(fields?.relayState).toBe('a b');
  });

  it('keeps a truncated body marked so the finding says the message may be incomplete', () => {
    const converter = new WebRequestToHar();
    converter.beforeRequest(post('3', { raw: [{ bytes: bytes('SAMLResponse=PHNhbWxw') }, { file: '' }] }));
    const entry = complete(converter, '3')!.entry;
    expect(entry.request.postData?._truncated).toBe(true);
    expect(detectSaml(entry)?.truncated).toBe(true);
  });

  it('follows a Redirect-binding GET without a body, and ignores requests without SAML outside a sign-in', () => {
    const converter = new WebRequestToHar();
    const url = `https://login.example.com/sso?SAMLRequest=${encodeURIComponent(deflateB64('<samlp:AuthnRequest/>'))}`;
    expect(converter.beforeRequest({ requestId: '4', tabId: 7, url, method: 'GET', timeStamp: T0 })).toBe(true);
    const entry = complete(converter, '4', 200)!.entry;
    expect(entry.request.postData).toBeUndefined();
    expect(entry.request.queryString?.[0]?.name).toBe('SAMLRequest');

    // Another tab, where no sign-in is open.
    const elsewhere = (d: BeforeRequestDetails): BeforeRequestDetails => ({ ...d, tabId: 8 });
    expect(converter.beforeRequest(elsewhere({ requestId: '5', tabId: 7, url: 'https://example.com/app.js', method: 'GET', timeStamp: T0 }))).toBe(false);
    expect(converter.beforeRequest(elsewhere(post('6', { formData: { username: ['ann'], password: ['SAML-is-fun'] } })))).toBe(false);
    // A body that mentions SAML but carries no SAML field is not kept either.
    expect(converter.beforeRequest(elsewhere(post('7', { raw: [{ bytes: bytes('{"note":"SAMLResponse soon"}') }] })))).toBe(false);
    expect(complete(converter, '5')).toBeUndefined();
    expect(converter.pending).toBe(0);
  });

  it('takes request headers (and the body type) from onSendHeaders, status and response headers from onCompleted', () => {
    const converter = new WebRequestToHar();
    converter.beforeRequest(post('8', { raw: [{ bytes: bytes('SAMLResponse=PHNh') }] }));
    converter.sendHeaders({
      requestId: '8',
      tabId: 7,
      url: ACS,
      method: 'POST',
      timeStamp: T0 + 5,
      requestHeaders: [
        { name: 'Content-Type', value: 'application/x-www-form-urlencoded; charset=UTF-8' },
        { name: 'X-Odd', binaryValue: [0x63, 0x61, 0x66, 0xe9] },
      ],
    });
    const entry = complete(converter, '8', 500, { statusLine: 'HTTP/1.1 500 Internal Server Error' })!.entry;
    expect(entry.request.headers).toEqual([
      { name: 'Content-Type', value: 'application/x-www-form-urlencoded; charset=UTF-8' },
      { name: 'X-Odd', value: 'café' },
    ]);
    expect(entry.request.postData?.mimeType).toBe('application/x-www-form-urlencoded; charset=UTF-8');
    expect(entry.response).toMatchObject({ status: 500, statusText: 'Internal Server Error', httpVersion: 'HTTP/1.1' });
    expect(entry.response.headers).toContainEqual({ name: 'Location', value: 'https://sonarcloud.io/projects' });
    expect(entry.response.content?.mimeType).toBe('text/html');
    expect(entry.startedDateTime).toBe('2025-03-01T10:00:00.000Z');
    expect(entry.time).toBe(250);
    expect(entry._resourceType).toBe('main_frame');
  });

  it('ends each redirect hop on its own, so the ACS POST keeps its 302 and the next hop starts fresh', () => {
    const converter = new WebRequestToHar();
    converter.beforeRequest(post('9', { formData: { SAMLResponse: ['PHNh'] } }));
    const hop = converter.beforeRedirect({
      requestId: '9',
      tabId: 7,
      url: ACS,
      method: 'POST',
      timeStamp: T0 + 40,
      statusCode: 302,
      statusLine: 'HTTP/2.0 302',
      redirectUrl: 'https://sonarcloud.io/projects',
    });
    expect(hop?.entry.response).toMatchObject({ status: 302, redirectURL: 'https://sonarcloud.io/projects', httpVersion: 'HTTP/2.0' });
    // The same requestId continues as a GET of the app page: not SAML, but the sign-in's landing page, a fresh hop.
    expect(converter.beforeRequest({ requestId: '9', tabId: 7, url: 'https://sonarcloud.io/projects', method: 'GET', timeStamp: T0 + 41, type: 'main_frame' })).toBe(false);
    const landing = complete(converter, '9', 200)!.entry;
    expect(landing.request).toMatchObject({ method: 'GET', url: 'https://sonarcloud.io/projects' });
    expect(landing.request.postData).toBeUndefined();
    expect(landing.response.status).toBe(200);
  });

  it("follows the navigations of a tab's open sign-in window as hops, without bodies, and nothing else", () => {
    const converter = new WebRequestToHar();
    converter.beforeRequest(post('h1', { formData: { SAMLResponse: ['PHNh'] } }));
    complete(converter, 'h1');
    const get = (requestId: string, type: string, at = T0 + 1000): BeforeRequestDetails => ({ requestId, tabId: 7, url: 'https://sonarcloud.io/x', method: 'POST', timeStamp: at, type, requestBody: { formData: { password: ['secret'] } } });
    expect(converter.beforeRequest(get('h2', 'main_frame'))).toBe(false); // counted as another request
    expect(converter.beforeRequest(get('h3', 'script'))).toBe(false);
    expect(converter.beforeRequest(get('h4', 'xmlhttprequest', T0 + 60_000))).toBe(false);
    expect(converter.pending).toBe(1);
    expect(complete(converter, 'h2', 200)!.entry.request.postData).toBeUndefined();
  });

  it("keeps the service's redirect to the IdP that starts a sign-in, with its start time, and no other redirect", () => {
    const converter = new WebRequestToHar();
    const idp = `https://login.example.com/sso?SAMLRequest=${encodeURIComponent(deflateB64('<samlp:AuthnRequest/>'))}`;
    const login = { requestId: 'l1', tabId: 7, url: 'https://sonarcloud.io/login', method: 'GET', timeStamp: T0, type: 'main_frame' };
    expect(converter.beforeRequest(login)).toBe(false);
    const redirect = { ...login, timeStamp: T0 + 40, statusCode: 302, responseHeaders: [{ name: 'Location', value: idp }] };
    const hop = converter.beforeRedirect({ ...redirect, redirectUrl: idp });
    expect(hop?.entry).toMatchObject({ startedDateTime: new Date(T0).toISOString(), time: 40, request: { method: 'GET', url: login.url }, response: { status: 302, redirectURL: idp } });
    // The same requestId goes on to the IdP: the AuthnRequest, followed as a protocol exchange.
    expect(converter.beforeRequest({ ...login, url: idp, timeStamp: T0 + 41 })).toBe(true);

    const other = new WebRequestToHar();
    other.beforeRequest({ ...login, requestId: 'l2' });
    expect(other.beforeRedirect({ ...redirect, requestId: 'l2', redirectUrl: 'https://sonarcloud.io/home' })).toBeUndefined();
    // A redirect whose start was never seen (the recorder turned on mid-request) is not made up.
    expect(other.beforeRedirect({ ...redirect, requestId: 'l3', redirectUrl: idp })).toBeUndefined();
    expect(other.pending).toBe(0);
  });

  it('records a request that failed with status 0 and the browser error', () => {
    const converter = new WebRequestToHar();
    converter.beforeRequest(post('10', { formData: { SAMLResponse: ['PHNh'] } }));
    const failed = converter.errorOccurred({ requestId: '10', tabId: 7, url: ACS, method: 'POST', timeStamp: T0 + 9, error: 'net::ERR_CONNECTION_RESET' });
    expect(failed?.entry.response).toEqual({ status: 0, statusText: 'net::ERR_CONNECTION_RESET', headers: [] });
    expect(failed?.entry.time).toBe(9);
  });

  it('does not hold more than a bounded number of requests that never finish', () => {
    const converter = new WebRequestToHar();
    for (let i = 0; i < MAX_IN_FLIGHT + 20; i++) converter.beforeRequest(post(`n${i}`, { formData: { SAMLResponse: ['PHNh'] } }));
    expect(converter.pending).toBe(MAX_IN_FLIGHT);
    expect(complete(converter, 'n0')).toBeUndefined();
    expect(complete(converter, `n${MAX_IN_FLIGHT + 19}`)).toBeDefined();
    converter.reset();
    expect(converter.pending).toBe(0);
  });
});
