import type { HarEntry } from './types';
import { CaptureError, readCapture, type CaptureFormat } from './read-capture';

export type InputFormat = CaptureFormat | 'xml' | 'base64' | 'url';

/**
 * What support staff paste or save: a HAR file, a SAML-tracer export, raw XML, a raw base64 message, or a URL
 * carrying SAMLRequest/SAMLResponse. Raw messages become one synthetic exchange with no capture time, so that
 * one engine reads them all.
 */
export function readMessageInput(input: string | Uint8Array): { entries: HarEntry[]; format: InputFormat } {
  if (typeof input !== 'string') return readMessageBytes(input);
  const trimmed = input.replace(/^\uFEFF/, '').trim();
  if (!trimmed) throw new CaptureError('The input is empty.');
  if (trimmed.startsWith('{')) return readCapture(trimmed);
  if (trimmed.startsWith('<')) {
    // The text is already decoded (pasted, or read by the caller): it travels as UTF-8 from here, so a declared
    // ISO-8859-x or windows-1252 would make the decoder misread it.
    const xml = trimmed.replace(XML_DECLARATION_ENCODING, (all, open: string, name: string, close: string) => (/^utf-?8$/i.test(name) ? all : `${open}UTF-8${close}`));
    return { format: 'xml', entries: [synthetic('POST', 'about:blank', { [xmlParam(xml)]: bytesToBase64(new TextEncoder().encode(xml)) })] };
  }
  if (/^https?:\/\//i.test(trimmed)) {
    if (!/[?&](SAMLRequest|SAMLResponse|SAMLart)=/.test(trimmed)) {
      throw new CaptureError('The URL carries no SAMLRequest, SAMLResponse or SAMLart parameter.');
    }
    return { format: 'url', entries: [synthetic('GET', trimmed)] };
  }
  // A Redirect-binding query string without its URL (copied from the address bar or a log line).
  if (/^\??(SAMLRequest|SAMLResponse|SAMLart)=/.test(trimmed) || /^\??[^\s=&]+=[^\s&]*&(SAMLRequest|SAMLResponse|SAMLart)=/.test(trimmed)) {
    return { format: 'url', entries: [synthetic('GET', `about:blank?${trimmed.replace(/^\?/, '')}`)] };
  }
  if (/^[A-Za-z0-9+/=_\-\s]+$/.test(trimmed)) {
    return { format: 'base64', entries: [synthetic('POST', 'about:blank', { SAMLResponse: trimmed })] };
  }
  throw new CaptureError('Not a HAR file, SAML-tracer export, SAML XML, base64 SAML message or SAML URL.');
}

function synthetic(method: string, url: string, form?: Record<string, string>): HarEntry {
  const entry: HarEntry = { startedDateTime: '', request: { method, url, headers: [] }, response: { status: 0, headers: [] } };
  if (form) {
    entry.request.postData = {
      mimeType: 'application/x-www-form-urlencoded',
      params: Object.entries(form).map(([name, value]) => ({ name, value })),
    };
  }
  return entry;
}

const XML_DECLARATION_ENCODING = /^(<\?xml\s[^>]*?\bencoding\s*=\s*["'])([^"']*)(["'])/;
const REQUEST_ROOT = /^(?:<\?[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:[\w.-]+:)?\w*Request\b/;

function xmlParam(xml: string): 'SAMLRequest' | 'SAMLResponse' {
  return REQUEST_ROOT.test(xml) ? 'SAMLRequest' : 'SAMLResponse';
}

/**
 * A file as read from disk. Raw XML keeps its bytes, so the decoder honours the encoding the file declares
 * (ISO-8859-2, windows-1252, UTF-16); everything else is text, read as UTF-8.
 */
function readMessageBytes(bytes: Uint8Array): { entries: HarEntry[]; format: InputFormat } {
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes[0] === 0x3c && bytes[1] === 0x00) || (bytes[0] === 0x00 && bytes[1] === 0x3c);
  let start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (start < bytes.length && (bytes[start] === 0x20 || bytes[start] === 0x09 || bytes[start] === 0x0a || bytes[start] === 0x0d)) start++;
  if (utf16 || bytes[start] === 0x3c) {
    const xml = utf16 ? bytes : bytes.subarray(start);
    let head = '';
    for (let i = 0; i < Math.min(xml.length, 400); i++) head += xml[i]! > 0 ? String.fromCharCode(xml[i]!) : '';
    return { format: 'xml', entries: [synthetic('POST', 'about:blank', { [xmlParam(head.replace(/^[^<]*/, ''))]: bytesToBase64(xml) })] };
  }
  return readMessageInput(new TextDecoder().decode(bytes));
}

function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
