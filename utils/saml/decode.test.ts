import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { b64, deflateB64, zlibB64 } from '../../tests/support/har-builder';
import { decodeBase64, decodeSamlValue, MAX_DECODED_BYTES } from './decode';

const XML = '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_1">é</samlp:Response>';

describe('decodeSamlValue', () => {
  it('decodes POST base64 with line breaks and spaces that were plus signs', () => {
    const wrapped = b64(XML).replace(/(.{20})/g, '$1\r\n');
    expect(decodeSamlValue(wrapped, 'post')).toEqual({ ok: true, text: XML, inflated: false });
    const plusAsSpace = b64('<a>??></a>'); // encodes with '+'
    expect(plusAsSpace).toContain('+');
    expect(decodeSamlValue(plusAsSpace.replace(/\+/g, ' '), 'post')).toMatchObject({ ok: true, text: '<a>??></a>' });
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
