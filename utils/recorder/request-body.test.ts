import { describe, expect, it } from 'vitest';
import { MAX_ENCODED_BYTES } from '../saml/decode';
import { bodyMentions, rawMentions, rawToText, requestBodyToPostData, type UploadChunk } from './request-body';

const rawMentionsSaml = (chunks: UploadChunk[]) => rawMentions(chunks, ['SAML']);
const bodyMentionsSaml = (body: Parameters<typeof bodyMentions>[0]) => bodyMentions(body, ['SAML']);

const bytes = (s: string) => new TextEncoder().encode(s).buffer as ArrayBuffer;

describe('request body → HAR postData', () => {
  it('finds "SAML" split across chunk boundaries, and not in bodies without it', () => {
    expect(rawMentionsSaml([{ bytes: bytes('RelayState=x&SA') }, { bytes: bytes('') }, { bytes: bytes('MLResponse=abc') }])).toBe(true);
    expect(rawMentionsSaml([{ bytes: bytes('S') }, { bytes: bytes('A') }, { bytes: bytes('M') }, { bytes: bytes('L') }])).toBe(true);
    expect(rawMentionsSaml([{ bytes: bytes('SSAML') }])).toBe(true);
    // A marker whose prefix repeats is still found after a partial match (id_token after id_id_…).
    expect(rawMentions([{ bytes: bytes('x=id_id_to') }, { bytes: bytes('ken') }], ['code_verifier', 'id_token'])).toBe(true);
    expect(rawMentions([{ bytes: bytes('id_tokeN') }], ['id_token'])).toBe(false);
    expect(rawMentionsSaml([{ bytes: bytes('{"user":"SAM","l":1}') }])).toBe(false);
    // A file element between the halves: the halves are not contiguous bytes.
    expect(rawMentionsSaml([{ bytes: bytes('SA') }, { file: '/tmp/upload.bin' }, { bytes: bytes('ML') }])).toBe(false);
  });

  it('accepts typed-array views as well as ArrayBuffers', () => {
    const view = new TextEncoder().encode('xxSAMLResponse=1').subarray(2);
    expect(rawMentionsSaml([{ bytes: view }])).toBe(true);
    expect(rawToText([{ bytes: view }]).text).toBe('SAMLResponse=1');
  });

  it('turns formData (already decoded by the browser) into Chrome-style encoded params and text', () => {
    const postData = requestBodyToPostData({ formData: { SAMLResponse: ['PHNhbWw+a+b/c='], RelayState: ['https://app/?a=1&b=2'] } });
    expect(postData).toEqual({
      mimeType: 'application/x-www-form-urlencoded',
      text: 'SAMLResponse=PHNhbWw%2Ba%2Bb%2Fc%3D&RelayState=https%3A%2F%2Fapp%2F%3Fa%3D1%26b%3D2',
      params: [
        { name: 'SAMLResponse', value: 'PHNhbWw%2Ba%2Bb%2Fc%3D' },
        { name: 'RelayState', value: 'https%3A%2F%2Fapp%2F%3Fa%3D1%26b%3D2' },
      ],
    });
  });

  it('prefers raw bytes over formData, since the browser may have parsed only part of the body', () => {
    const postData = requestBodyToPostData({ formData: { SAMLResponse: ['PHNh'] }, raw: [{ bytes: bytes('SAMLResponse=PHNhbWw%2B') }] });
    expect(postData?.text).toBe('SAMLResponse=PHNhbWw%2B');
    expect(postData?.params).toBeUndefined();
  });

  it('marks a body truncated when the browser streamed part of it from a file, reported an error, or it is over the size limit', () => {
    expect(requestBodyToPostData({ raw: [{ bytes: bytes('SAMLResponse=abc') }, { file: 'blob' }] })?._truncated).toBe(true);
    expect(requestBodyToPostData({ error: 'Unknown error.' })).toEqual({ text: '', _truncated: true });
    const big = new Uint8Array(MAX_ENCODED_BYTES + 10).fill(0x41);
    const cut = rawToText([{ bytes: big.subarray(0, 100) }, { bytes: big.subarray(100) }]);
    expect(cut.truncated).toBe(true);
    expect(cut.text.length).toBe(MAX_ENCODED_BYTES);
    expect(requestBodyToPostData({ raw: [{ bytes: bytes('SAMLResponse=abc') }] })?._truncated).toBeUndefined();
  });

  it('guesses multipart from the body until the Content-Type header is known', () => {
    const body = '--XyZ\r\nContent-Disposition: form-data; name="SAMLResponse"\r\n\r\nPHNh\r\n--XyZ--\r\n';
    expect(requestBodyToPostData({ raw: [{ bytes: bytes(body) }] })?.mimeType).toBe('multipart/form-data');
  });

  it('has nothing to say about a missing or empty body', () => {
    expect(requestBodyToPostData(undefined)).toBeUndefined();
    expect(requestBodyToPostData({})).toBeUndefined();
    expect(requestBodyToPostData({ formData: {} })).toBeUndefined();
    expect(bodyMentionsSaml(undefined)).toBe(false);
    expect(bodyMentionsSaml({ formData: { username: ['SAML fan'] } })).toBe(false);
    expect(bodyMentionsSaml({ formData: { SAMLRequest: ['x'] } })).toBe(true);
  });
});
