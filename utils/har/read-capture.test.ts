import { describe, expect, it } from 'vitest';
import { analyzeSaml } from '../../tests/support/saml-analysis';
import { b64, fixtureXml, har, plainEntry, postEntry } from '../../tests/support/har-builder';
import { CaptureError, readCapture } from './read-capture';
import { readMessageInput } from './read-message-input';

const OKTA = fixtureXml('okta/gosaml2-okta-response.xml');

describe('readCapture', () => {
  it.each(['chrome', 'firefox'] as const)('reads a %s HAR export into the same message', (style) => {
    const text = har([plainEntry('https://sp.example/'), postEntry('http://localhost:8080/v1/_saml_callback', 'SAMLResponse', b64(OKTA), { style })], style === 'chrome' ? 'WebInspector' : 'Firefox');
    const { entries, format } = readCapture(text);
    expect(format).toBe('har');
    const { messages } = analyzeSaml(entries);
    expect(messages.map((m) => [m.kind, m.issuer, m.assertions[0]?.subject.nameId])).toEqual([['Response', 'http://www.okta.com/exk659aytfMeNI49v0h7', 'russellhaering']]);
  });

  it('reads a SAML-tracer export (decoded form pairs, no per-request time)', () => {
    const text = JSON.stringify({
      requests: [
        { requestId: 'request-1', method: 'GET', url: 'https://sp.example/', requestHeaders: [], responseStatus: 200, responseStatusText: 'HTTP/1.1 200 OK', responseHeaders: [] },
        { requestId: 'request-2', method: 'POST', url: 'http://localhost:8080/v1/_saml_callback', requestHeaders: [{ name: 'Content-Type', value: 'application/x-www-form-urlencoded' }], post: [['SAMLResponse', b64(OKTA)], ['RelayState', 'a+b c']], saml: OKTA, protocol: 'SAML-P', responseStatus: 302, responseStatusText: 'HTTP/1.1 302 Found', responseHeaders: [] },
      ],
      timestamp: '2016-07-25T23:16:00.000Z',
    });
    const { entries, format } = readCapture(text);
    expect(format).toBe('saml-tracer');
    const { messages } = analyzeSaml(entries);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ kind: 'Response', httpStatus: 302, relayState: 'a+b c', capturedAt: '2016-07-25T23:16:00.000Z' });
  });

  it('says why a file cannot be read', () => {
    expect(() => readCapture('not json')).toThrow(CaptureError);
    expect(() => readCapture('{"foo":1}')).toThrow(/neither a HAR file/);
    expect(() => readCapture('{"log":{}}')).toThrow(/no log.entries/);
  });

  it('skips malformed entries instead of failing the file', () => {
    const { entries } = readCapture(JSON.stringify({ log: { entries: [null, { request: {} }, { request: { url: 'https://x/' } }] } }));
    expect(entries).toHaveLength(1);
  });
});

describe('readMessageInput', () => {
  it('takes raw XML, raw base64 and a SAML URL', () => {
    expect(readMessageInput(OKTA).format).toBe('xml');
    expect(readMessageInput(b64(OKTA)).format).toBe('base64');
    expect(readMessageInput('https://idp.example/sso?SAMLRequest=abc').format).toBe('url');
    expect(analyzeSaml(readMessageInput(OKTA).entries).messages[0]!.kind).toBe('Response');
  });
  it('refuses input it cannot place', () => {
    expect(() => readMessageInput('')).toThrow(/empty/);
    expect(() => readMessageInput('https://example.com/')).toThrow(/no SAMLRequest/);
    expect(() => readMessageInput('hello, world!')).toThrow(/Not a HAR file/);
  });
});
