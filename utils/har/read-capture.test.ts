import { describe, expect, it } from 'vitest';
import { analyzeSaml } from '../../tests/support/saml-analysis';
import { b64, fixtureXml, har, plainEntry, postEntry } from '../../tests/support/har-builder';
import { CaptureError, readCapture } from './read-capture';
import { readMessageInput } from './read-message-input';
import type { HarEntry } from './types';

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

describe('fields of the wrong type', () => {
  it('never throw: they are dropped or made strings, and the SAML field is still read', () => {
    const har = {
      log: {
        entries: [
          {
            startedDateTime: 17,
            request: {
              method: null,
              url: 'https://sp.example/acs',
              headers: [null, { name: 'Content-Type', value: null }],
              queryString: 'oops',
              postData: { mimeType: 5, text: { SAMLResponse: 1 }, params: [{ name: null, value: 'x' }, { name: 'SAMLResponse', value: b64(OKTA) }, 'junk'] },
            },
            response: { status: '302', headers: null, content: 'nope' },
          },
          { request: { url: 'https://sp.example/other', postData: 'not an object' }, response: null },
        ],
      },
    };
    const { entries } = readCapture(JSON.stringify(har));
    expect(entries).toHaveLength(2);
    // Wrong-typed params are dropped or made strings; the SAML field is still there and read.
    expect(entries[0]!.request.postData?.params?.filter((p) => p.name === 'SAMLResponse').map((p) => p.value)).toEqual([b64(OKTA)]);
    expect(entries[0]!.request.postData?.params?.every((p) => typeof p.name === 'string')).toBe(true);
    expect(analyzeSaml(entries).messages.map((m) => m.kind)).toContain('Response');
    expect(entries[0]!.response.status).toBe(302);
    expect(entries[1]!.request.postData).toBeUndefined();
    const analysis = analyze(entries);
    expect(analysis.messages.map((m) => m.kind)).toEqual(['Response']);
  });
});

describe('readMessageInput: bytes and encodings', () => {
  const latin2Xml = (name: string) =>
    `<?xml version="1.0" encoding="ISO-8859-2"?>\n<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_r1" Version="2.0" IssueInstant="2024-01-01T10:00:00Z"><samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status><saml:Assertion ID="_a1" Version="2.0" IssueInstant="2024-01-01T10:00:00Z"><saml:Issuer>https://idp.example.com</saml:Issuer><saml:AttributeStatement><saml:Attribute Name="name"><saml:AttributeValue>${name}</saml:AttributeValue></saml:Attribute></saml:AttributeStatement></saml:Assertion></samlp:Response>`;
  // "Łódź" in ISO-8859-2: Ł 0xA3, ó 0xF3, d, ź 0xBC.
  const latin2Bytes = () => {
    const [before, after] = latin2Xml('@@').split('@@') as [string, string];
    return new Uint8Array([...Buffer.from(before, 'latin1'), 0xa3, 0xf3, 0x64, 0xbc, ...Buffer.from(after, 'latin1')]);
  };
  const nameValue = (entries: HarEntry[]) => analyzeSaml(entries).messages[0]?.assertions[0]?.attributes[0]?.values[0];

  it('reads a raw XML file as bytes in the encoding it declares', () => {
    const { entries, format } = readMessageInput(latin2Bytes());
    expect(format).toBe('xml');
    expect(nameValue(entries)).toBe('Łódź');
    expect(analyze(entries).findings.map((f) => f.rule)).not.toContain('decode-failed');
  });

  it('reads pasted text whose declaration names another encoding as the text it is', () => {
    expect(nameValue(readMessageInput(latin2Xml('Łódź')).entries)).toBe('Łódź');
  });

  it('reads UTF-16 files with a byte order mark, and base64 or HAR files given as bytes', () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from(latin2Xml('Łódź').replace('ISO-8859-2', 'UTF-16'), 'utf16le')]);
    expect(nameValue(readMessageInput(utf16).entries)).toBe('Łódź');
    expect(readMessageInput(new TextEncoder().encode(` ${b64(OKTA)}\n`)).format).toBe('base64');
  });

  it('takes a Redirect query string without its URL', () => {
    const { entries, format } = readMessageInput('SAMLRequest=abc&RelayState=r');
    // Read as pasted fields (a form body or a query string), never refused as "not a HAR file".
    expect(['form', 'query', 'url']).toContain(format);
    expect(entries).toHaveLength(1);
    expect(JSON.stringify(entries[0]!.request)).toContain('SAMLRequest');
  });
});
