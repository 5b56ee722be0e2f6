import { describe, expect, it } from 'vitest';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { Pseudonyms, REDACTED, REDACTED_BASE64, redactEntry, redactSamlXml, redactUrl } from './redact';
import type { HarEntry } from './types';

describe('redaction', () => {
  it('rewrites only what it must in a URL: SAML fields re-encoded, e-mails replaced, the rest byte for byte', () => {
    const xml = '<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_1"><saml:Subject xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion"><saml:NameID>jane@corp.example</saml:NameID></saml:Subject></samlp:AuthnRequest>';
    const value = encodeURIComponent(deflateRawSync(Buffer.from(xml)).toString('base64'));
    const url = `https://idp.example/sso?client=a%2Fb&SAMLRequest=${value}&login_hint=jane%40corp.example&Signature=abc%3D#frag`;
    const out = redactUrl(url, new Pseudonyms());
    const q = new URL(out).searchParams;
    expect(out.startsWith('https://idp.example/sso?client=a%2Fb&SAMLRequest=')).toBe(true);
    expect(out.endsWith('#frag')).toBe(true);
    // The same address in the hint and in the message gets the same placeholder.
    expect(q.get('login_hint')).toBe('user1@redacted.invalid');
    expect(q.get('Signature')).toBe(REDACTED_BASE64);
    const back = inflateRawSync(Buffer.from(q.get('SAMLRequest')!, 'base64')).toString();
    expect(back).toContain('<saml:NameID>user1@redacted.invalid</saml:NameID>');
    expect(back).toContain('ID="_1"');
  });

  it('keeps empty and self-closing elements as they are (they are findings of their own)', () => {
    const xml = '<a><ds:SignatureValue></ds:SignatureValue><AttributeValue xsi:nil="true"/><AttributeValue>x</AttributeValue><SubjectConfirmationData Address="10.1.2.3"/></a>';
    expect(redactSamlXml(xml, new Pseudonyms())).toBe('<a><ds:SignatureValue></ds:SignatureValue><AttributeValue xsi:nil="true"/><AttributeValue>value-1</AttributeValue><SubjectConfirmationData Address="192.0.2.1"/></a>');
  });

  it('replaces cookies, credentials, unknown form fields and non-form bodies', () => {
    const entry: HarEntry = {
      startedDateTime: 't',
      request: {
        method: 'POST',
        url: 'https://idp.example/login',
        headers: [
          { name: 'Cookie', value: 'a=1' },
          { name: 'X-CSRF-Token', value: 'tok' },
          { name: 'Accept', value: 'text/html' },
        ],
        postData: { mimeType: 'application/x-www-form-urlencoded', text: 'username=jane&password=hunter2&RelayState=%2Fhome' },
      },
      response: { status: 200, headers: [{ name: 'Set-Cookie', value: 'sid=2' }], content: { size: 5, mimeType: 'text/html', text: 'hello' } },
    };
    const out = redactEntry(entry, new Pseudonyms());
    expect(out.request.headers).toEqual([
      { name: 'Cookie', value: REDACTED },
      { name: 'X-CSRF-Token', value: REDACTED },
      { name: 'Accept', value: 'text/html' },
    ]);
    expect(out.request.postData!.text).toBe(`username=${encodeURIComponent(REDACTED)}&password=${encodeURIComponent(REDACTED)}&RelayState=%2Fhome`);
    expect(out.response.headers).toEqual([{ name: 'Set-Cookie', value: REDACTED }]);
    expect(out.response.content).toEqual({ size: 5, mimeType: 'text/html' });

    const json = redactEntry({ ...entry, request: { ...entry.request, postData: { mimeType: 'application/json', text: '{"password":"x"}' } } }, new Pseudonyms());
    expect(json.request.postData!.text).toBe(REDACTED);
  });
});
