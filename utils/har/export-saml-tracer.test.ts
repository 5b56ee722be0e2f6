import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze';
import { deflateB64, plainEntry, redirectEntry } from '../../tests/support/har-builder';
import { ACS, buildAuthnRequest, IDP_SSO, signInEntries } from '../../tests/support/protocol-builder';
import { prepareExport } from './export-har';
import { toSamlTracer } from './export-saml-tracer';
import { readCapture } from './read-capture';
import type { Exchange, HarEntry } from './types';

const at = (s: number) => new Date(Date.parse('2024-01-01T09:59:00Z') + s * 1000).toISOString();
const login = (s: number, location: string): HarEntry => ({
  ...plainEntry('https://sp.example.com/login', { time: at(s) }),
  response: { status: 302, headers: [{ name: 'Location', value: location }] },
});
const authn = (s: number, id: string) => redirectEntry(IDP_SSO, 'SAMLRequest', deflateB64(buildAuthnRequest({ id })), { time: at(s) });

/** A sign-in that goes wrong every way the trace shows: a loop, an IdP error page, an ACS answering 500, a JSON call. */
function troubledCapture(): HarEntry[] {
  const first = authn(0, '_a');
  const errorPage: HarEntry = {
    ...plainEntry('https://login.microsoftonline.com/tenant/saml2', { time: at(1) }),
    response: { status: 200, headers: [], content: { mimeType: 'text/html', text: '<p>AADSTS50105: The signed in user is not assigned to a role for the application.</p>' } },
  };
  const json = plainEntry('https://sp.example.com/api/session', { method: 'POST', text: '{"probe":true}', time: at(2) });
  return [login(0, first.request.url), first, errorPage, json, authn(8, '_b'), authn(16, '_c'), ...signInEntries({ acsStatus: 500 })];
}

const judged = (entries: HarEntry[]) => analyze(entries).findings.map((f) => `${f.severity} ${f.rule} ${f.messageId ?? ''}: ${f.message}`).sort();

describe('SAML-tracer export', () => {
  it('re-imports to the same findings, the loop, the error page and the ACS status included', () => {
    const entries = troubledCapture();
    const before = judged(entries);
    expect(before.some((f) => f.includes('sign-in-loop'))).toBe(true);
    expect(before.some((f) => f.includes('acs-error-status'))).toBe(true);
    expect(before.some((f) => f.includes('idp-error-page'))).toBe(true);

    const text = JSON.stringify(toSamlTracer(entries, new Date('2024-01-01T12:00:00Z')));
    const back = readCapture(text);
    expect(back.format).toBe('saml-tracer');
    expect(judged(back.entries)).toEqual(before);
  });

  it('writes what SAML-tracer reads: decoded form pairs, the decoded message, headers as name and value', () => {
    const entries = troubledCapture();
    const { requests, timestamp } = toSamlTracer(entries, new Date('2024-01-01T12:00:00Z'));
    expect(timestamp).toBe('2024-01-01T12:00:00.000Z');
    const post = requests.find((r) => r.url === ACS)!;
    expect(post.post.map(([name]) => name)).toEqual(['SAMLResponse']);
    expect(post.saml).toMatch(/^<samlp:Response /);
    expect(post.protocol).toBe('SAML-P');
    const redirect = requests[1]!;
    expect(redirect.saml).toMatch(/<samlp:AuthnRequest /);
    expect(redirect.get[0]?.[0]).toBe('SAMLRequest');
    expect(requests[0]!.responseHeaders).toEqual([{ name: 'Location', value: redirect.url }]);
    expect(requests.map((r) => r.requestId)).toEqual(requests.map((_, i) => String(i + 1)));
    // A JSON body is no form: kept beside, not misread as pairs.
    const json = requests.find((r) => r.url.endsWith('/api/session'))!;
    expect(json.post).toEqual([]);
    expect(json.postData).toBe('{"probe":true}');
  });

  it('exports the redacted capture when the user keeps Redact on: no personal value leaves, findings stay', () => {
    const entries = troubledCapture();
    const exchanges: Exchange[] = entries.map((entry) => ({ entry, source: 'har-file' }));
    const har = prepareExport(exchanges, { redact: true });
    const tracer = prepareExport(exchanges, { redact: true, format: 'saml-tracer' });
    expect(tracer.summary).toEqual(har.summary);
    expect(tracer.text).not.toContain('jdoe');
    expect(judged(readCapture(tracer.text).entries)).toEqual(judged(readCapture(har.text).entries));
  });

  it('a form body given only as params, URL-encoded (Chrome) or decoded (Firefox), exports decoded', () => {
    const entry = (value: string): HarEntry => ({ ...plainEntry(ACS), request: { method: 'POST', url: ACS, headers: [], postData: { mimeType: 'application/x-www-form-urlencoded', params: [{ name: 'RelayState', value }] } } });
    expect(toSamlTracer([entry('%2Fhome%3Fa%3D1')], new Date(0)).requests[0]!.post).toEqual([['RelayState', '/home?a=1']]);
    expect(toSamlTracer([entry('/home')], new Date(0)).requests[0]!.post).toEqual([['RelayState', '/home']]);
  });
});
