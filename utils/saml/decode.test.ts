import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { b64, deflateB64, zlibB64 } from '../../tests/support/har-builder';
import { decodeBase64, decodeSamlValue, MAX_DECODED_BYTES, xmlEncoding } from './decode';

const XML = '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_1">é</samlp:Response>';

describe('decodeSamlValue', () => {
  it('decodes POST base64 with line breaks and spaces that were plus signs', () => {
    const wrapped = b64(XML).replace(/(.{20})/g, '$1\r\n');
    expect(decodeSamlValue(wrapped, 'post')).toEqual({ ok: true, text: XML, inflated: false });
    const plusAsSpace = b64('<a>??></a>'); // encodes with '+'
    expect(plusAsSpace).toContain('+');
    expect(decodeSamlValue(plusAsSpace.replace(/\+/g, ' '), 'post')).toMatchObject({ ok: true, text: '<a>??></a>' });
  });

  it('drops every kind of whitespace a sender or a mail client wraps base64 with', () => {
    for (const space of ['\n', '\r\n', '\t', '\f', '\v']) {
      expect(decodeSamlValue(b64(XML).replace(/(.{16})/g, `$1${space}`), 'post'), JSON.stringify(space)).toEqual({ ok: true, text: XML, inflated: false });
    }
  });

  it('inflates the Redirect binding (raw DEFLATE) and a zlib-wrapped stream', () => {
    expect(decodeSamlValue(deflateB64(XML), 'redirect')).toEqual({ ok: true, text: XML, inflated: true });
    expect(decodeSamlValue(zlibB64(XML), 'redirect')).toEqual({ ok: true, text: XML, inflated: true });
  });

  it('inflates a POST body that a sender deflated', () => {
    expect(decodeSamlValue(deflateB64(XML), 'post')).toMatchObject({ ok: true, text: XML });
  });

  it('names the bad character in broken base64', () => {
    const r = decodeSamlValue('PHNhbWw*Pg==', 'post');
    expect(r).toMatchObject({ ok: false, problem: { rule: 'decode-failed', stage: 'base64' } });
    expect(!r.ok && r.problem.detail).toMatch(/'\*' at position 8/);
  });

  it('reports a truncated DEFLATE stream as an inflate failure', () => {
    const full = deflateRawSync(Buffer.from(XML.repeat(20)));
    const cut = full.subarray(0, Math.floor(full.length / 2)).toString('base64');
    const r = decodeSamlValue(cut, 'redirect');
    expect(r).toMatchObject({ ok: false, problem: { stage: 'inflate' } });
  });

  it('says a form value that is neither XML nor DEFLATE is not SAML', () => {
    expect(decodeSamlValue(b64('hello world, this is a form'), 'post')).toMatchObject({ ok: false, problem: { stage: 'not-saml' } });
  });

  it('refuses a body over 10 MB by its size, before decoding it', () => {
    const big = 'A'.repeat(12 * 1024 * 1024);
    const r = decodeSamlValue(big, 'post');
    expect(r).toMatchObject({ ok: false, problem: { stage: 'size' } });
    expect(!r.ok && r.problem.detail).toMatch(/12\.0 MB, over the 10\.0 MB limit/);
  });

  it('stops a DEFLATE bomb at the decoded size limit', () => {
    const bomb = deflateRawSync(Buffer.alloc(MAX_DECODED_BYTES * 3, 0x20)).toString('base64');
    const r = decodeSamlValue(bomb, 'redirect');
    expect(r).toMatchObject({ ok: false, problem: { stage: 'inflate' } });
    expect(!r.ok && r.problem.detail).toMatch(/exceeds the 4\.0 MB limit/);
  });

  it('reads UTF-16 with a byte order mark', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(XML, 'utf16le')]);
    expect(decodeSamlValue(bytes.toString('base64'), 'post')).toMatchObject({ ok: true, text: XML });
  });

  it('rejects bytes that are not valid UTF-8', () => {
    const bytes = Buffer.concat([Buffer.from('<a>'), Buffer.from([0xc3, 0x28]), Buffer.from('</a>')]);
    expect(decodeSamlValue(bytes.toString('base64'), 'post')).toMatchObject({ ok: false, problem: { stage: 'text' } });
  });
});

describe('decodeBase64', () => {
  it('accepts the URL-safe alphabet and missing padding', () => {
    expect(decodeBase64('PD8-_w')).toEqual(new Uint8Array([0x3c, 0x3f, 0x3e, 0xff]));
  });
  it('refuses an empty value and impossible lengths', () => {
    expect(decodeBase64('  ')).toBe('the value is empty');
    expect(decodeBase64('PHNhb')).toMatch(/length \(5 characters\)/);
  });
});

describe('decodeSamlValue: the declared encoding', () => {
  const declared = (encoding: string, body: string) => `<?xml version="1.0" encoding="${encoding}"?><Response ID="_1">${body}</Response>`;

  it('reads ISO-8859-2 as declared (Polish and Czech names), not as broken UTF-8', () => {
    const xml = declared('ISO-8859-2', 'Łukasz Dvořák');
    // ISO-8859-2: Ł = 0xA3, ř = 0xF8, á = 0xE1.
    const latin2 = Buffer.concat([Buffer.from(xml.slice(0, xml.indexOf('Ł')), 'latin1'), Buffer.from([0xa3]), Buffer.from('ukasz Dvo', 'latin1'), Buffer.from([0xf8, 0xe1]), Buffer.from('k</Response>', 'latin1')]);
    expect(decodeSamlValue(latin2.toString('base64'), 'post')).toEqual({ ok: true, text: xml, inflated: false });
    expect(decodeSamlValue(deflateRawSync(latin2).toString('base64'), 'redirect')).toEqual({ ok: true, text: xml, inflated: true });
  });

  it('reads windows-1252 and ISO-8859-1', () => {
    const euro = Buffer.concat([Buffer.from(declared('windows-1252', '').replace('</Response>', ''), 'latin1'), Buffer.from([0x80, 0xe9]), Buffer.from('</Response>')]);
    expect(decodeSamlValue(euro.toString('base64'), 'post')).toMatchObject({ ok: true, text: declared('windows-1252', '€é') });
    const latin1 = Buffer.from(declared('ISO-8859-1', 'Gérard'), 'latin1');
    expect(decodeSamlValue(latin1.toString('base64'), 'post')).toMatchObject({ ok: true, text: declared('ISO-8859-1', 'Gérard') });
  });

  it('reads UTF-16 with a byte order mark whatever the declaration says, and UTF-16 without one', () => {
    const xml = declared('UTF-16', 'Zoë');
    const be = Buffer.from(xml, 'utf16le').swap16();
    expect(decodeSamlValue(Buffer.concat([Buffer.from([0xfe, 0xff]), be]).toString('base64'), 'post')).toMatchObject({ ok: true, text: xml });
    expect(decodeSamlValue(Buffer.from(xml, 'utf16le').toString('base64'), 'post')).toMatchObject({ ok: true, text: xml });
    expect(decodeSamlValue(be.toString('base64'), 'post')).toMatchObject({ ok: true, text: xml });
  });

  it('still refuses bytes that are not valid in the encoding read, and names an encoding it cannot read', () => {
    const bad = Buffer.concat([Buffer.from(declared('UTF-8', '').replace('</Response>', '')), Buffer.from([0xc3, 0x28]), Buffer.from('</Response>')]);
    expect(decodeSamlValue(bad.toString('base64'), 'post')).toMatchObject({ ok: false, problem: { stage: 'text' } });
    const odd = Buffer.concat([Buffer.from(declared('x-no-such-charset', '').replace('</Response>', '')), Buffer.from([0xe9]), Buffer.from('</Response>')]);
    const r = decodeSamlValue(odd.toString('base64'), 'post');
    expect(r).toMatchObject({ ok: false, problem: { stage: 'text' } });
    expect(!r.ok && r.problem.detail).toContain('"x-no-such-charset"');
  });
});

describe('xmlEncoding', () => {
  it('prefers the byte order mark, then the declaration, then UTF-8', () => {
    expect(xmlEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x3c]))).toBe('utf-8');
    expect(xmlEncoding(Buffer.from("<?xml version='1.0' encoding='iso-8859-2'?><a/>"))).toBe('iso-8859-2');
    expect(xmlEncoding(Buffer.from('<?xml version="1.0" encoding="UTF-16"?><a/>'))).toBe('utf-8');
    expect(xmlEncoding(Buffer.from('<a encoding="iso-8859-2"/>'))).toBe('utf-8');
  });
});
