import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { b64, deflateB64, plainEntry, postEntry, redirectEntry } from '../../tests/support/har-builder';
import { detectSaml, formDecode, samlDetector } from './detect';

// A value with '+', '/' and '=' so that URL encoding matters.
const VALUE = b64('<samlp:Response ID="x?>">a+b/c</samlp:Response>') + '+/';

describe('detectSaml', () => {
  it('ignores exchanges without SAML field names', () => {
    expect(detectSaml(plainEntry('https://example.com/app.js'))).toBeNull();
    expect(detectSaml(plainEntry('https://example.com/api', { method: 'POST', text: '{"a":1}' }))).toBeNull();
  });

  it.each(['chrome', 'firefox', 'text'] as const)('reads a POST form stored %s-style to the exact value', (style) => {
    const found = detectSaml(postEntry('https://sp.example/acs', 'SAMLResponse', VALUE, { relayState: 'https://x/?a=b&c', style }));
    expect(found).toMatchObject({ carrier: 'form', relayState: 'https://x/?a=b&c' });
    expect(found!.messages).toEqual([{ param: 'SAMLResponse', value: VALUE, binding: 'post' }]);
  });

  it('reads the Redirect binding from the URL with its signature parameters', () => {
    const value = deflateB64('<samlp:AuthnRequest/>');
    const found = detectSaml(redirectEntry('https://idp.example/sso', 'SAMLRequest', value, { relayState: 'r', sigAlg: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256', signature: 'c2ln+/==' }));
    expect(found).toMatchObject({ carrier: 'query', relayState: 'r', signature: 'c2ln+/==' });
    expect(found!.sigAlg).toBe('http://www.w3.org/2001/04/xmldsig-more#rsa-sha256');
    expect(found!.messages[0]).toEqual({ param: 'SAMLRequest', value, binding: 'redirect' });
  });

  it('recognises an HTTP-Artifact reference without resolving it', () => {
    const found = detectSaml(plainEntry('https://sp.example/acs?SAMLart=AAQAAMh48%2FA%3D&RelayState=x'));
    expect(found!.messages).toEqual([{ param: 'SAMLart', value: 'AAQAAMh48/A=', binding: 'artifact' }]);
  });

  it('reads a multipart form body', () => {
    const body = `--XyZ\r\nContent-Disposition: form-data; name="SAMLResponse"\r\n\r\n${VALUE}\r\n--XyZ\r\nContent-Disposition: form-data; name="RelayState"\r\n\r\nstate\r\n--XyZ--\r\n`;
    const entry = plainEntry('https://sp.example/acs', { method: 'POST', text: body });
    entry.request.postData!.mimeType = 'multipart/form-data; boundary=XyZ';
    const found = detectSaml(entry);
    expect(found!.messages[0]!.value).toBe(VALUE);
    expect(found!.relayState).toBe('state');
  });

  it('does not take a field that only starts like a SAML name', () => {
    expect(detectSaml(plainEntry('https://example.com/?SAMLResponseX=1'))).toBeNull();
  });

  it('flags a body the browser cut short', () => {
    const entry = postEntry('https://sp.example/acs', 'SAMLResponse', VALUE);
    entry.request.postData!._truncated = true;
    expect(detectSaml(entry)!.truncated).toBe(true);
  });

  it('finds SAML fields in a JSON body, at the top or one object down', () => {
    const top = plainEntry('https://sp.example/api/acs', { method: 'POST', text: JSON.stringify({ SAMLResponse: VALUE, RelayState: 'r1' }) });
    expect(detectSaml(top)).toMatchObject({ carrier: 'form', messages: [{ param: 'SAMLResponse', value: VALUE, binding: 'post' }], relayState: 'r1' });
    const nested = plainEntry('https://sp.example/api/acs', { method: 'POST', text: JSON.stringify({ data: { SAMLResponse: VALUE }, SAMLish: 1 }) });
    expect(detectSaml(nested)!.messages[0]!.value).toBe(VALUE);
    // A number under the name is not a message; JSON that only mentions SAML is not one either.
    expect(detectSaml(plainEntry('https://sp.example/api', { method: 'POST', text: JSON.stringify({ SAMLResponse: 42, note: 'SAML' }) }))).toBeNull();
    expect(detectSaml(plainEntry('https://sp.example/api', { method: 'POST', text: '{"SAML": broken' }))).toBeNull();
  });

  it('never throws on form fields of the wrong type', () => {
    const entry = postEntry('https://sp.example/acs', 'SAMLResponse', VALUE);
    entry.request.postData!.params = [{ name: null, value: 'x' }, { name: 'SAMLResponse', value: null }, null, { name: 'SAMLResponse', value: VALUE }] as never;
    expect(detectSaml(entry)!.messages.map((m) => m.value)).toEqual(['', VALUE]);
  });
});

describe('samlDetector', () => {
  it('says SAML exactly when detectSaml finds fields, without decoding their values', () => {
    const entries = [
      plainEntry('https://example.com/app.js'),
      plainEntry('https://example.com/api', { method: 'POST', text: '{"SAMLResponse":"PHg+"}' }),
      plainEntry('https://example.com/api', { method: 'POST', text: '{"SAMLish":"PHg+"}' }),
      postEntry('https://sp.example/acs', 'SAMLResponse', VALUE, { relayState: 'a%b' }),
      { ...postEntry('https://sp.example/acs', 'SAMLResponse', VALUE), request: { method: 'POST', url: 'https://sp.example/acs', headers: [], postData: { mimeType: 'application/x-www-form-urlencoded', text: `SAMLResponse=${encodeURIComponent(VALUE)}` } } },
      { ...plainEntry('https://sp.example/acs'), request: { method: 'POST', url: 'https://sp.example/acs', headers: [], postData: { mimeType: 'application/x-www-form-urlencoded', text: 'SAMLResponseX=1&SAML=2' } } },
      redirectEntry('https://idp.example/sso', 'SAMLRequest', deflateB64('<samlp:AuthnRequest/>')),
      plainEntry('https://idp.example/sso?SAMLRequestish=1&q=SAML'),
    ];
    for (const entry of entries) expect(samlDetector.detect(entry), entry.request.url).toBe(detectSaml(entry) !== null);
    expect(entries.filter((e) => samlDetector.detect(e))).toHaveLength(4);
  });
});

describe('formDecode', () => {
  // What it replaces: decodeURIComponent after '+' → ' ', keeping the value as it was when that throws.
  const reference = (s: string) => {
    const spaced = s.replace(/\+/g, ' ');
    try {
      return decodeURIComponent(spaced);
    } catch {
      return spaced;
    }
  };

  it('decodes a URL-encoded base64 message', () => {
    expect(formDecode(encodeURIComponent(VALUE))).toBe(VALUE);
    expect(formDecode('a+b%2Bc%2fd%3D')).toBe('a b+c/d=');
  });

  it('decodes UTF-8 escapes and keeps a value with a stray or broken escape as it was', () => {
    expect(formDecode('caf%C3%A9+%2B')).toBe('café +');
    expect(formDecode('100%')).toBe('100%');
    expect(formDecode('%2B%zz+x')).toBe('%2B%zz x');
    expect(formDecode('%C3')).toBe('%C3');
  });

  it('agrees with decodeURIComponent on any text of escapes, hex digits and signs', () => {
    const piece = fc.constantFrom('%', '+', '2', 'B', 'b', 'f', 'F', '3', 'D', '7', '8', 'C', 'A', 'g', 'G', '0', 'é', '%2B', '%C3%A9', '%E2%82%AC', '%F0%9F%98%80', '%7F', '%80', '%00', '%2', ' ');
    fc.assert(
      // Long plain runs too: a value with few escapes for its length is decoded by hand, a dense one is not.
      fc.property(fc.array(piece, { maxLength: 24 }), fc.nat(2000), (pieces, plain) => {
        const s = `${'Q'.repeat(plain)}${pieces.join('')}`;
        expect(formDecode(s)).toBe(reference(s));
      }),
      { numRuns: 5000 },
    );
  });
});
