import { decodeSamlValue } from '../saml/decode';
import { parseUrlEncoded } from '../saml/detect';
import type { HarEntry } from './types';
import { CaptureError, readCapture, type CaptureFormat } from './read-capture';
import { decodeText } from './decode-text';

export type InputFormat = CaptureFormat | 'xml' | 'base64' | 'url' | 'form' | 'query';

/** The URL of an exchange made up for a pasted message: there was no request, so there is no address. */
export const PASTED_URL = 'about:blank';

/** True for the exchanges `readMessageInput` made up for a pasted message (no real request behind them). */
export function isPastedUrl(url: string): boolean {
  return url === PASTED_URL || url.startsWith(`${PASTED_URL}?`);
}

const XML_DECLARATION_ENCODING = /^(<\?xml\s[^>]*?\bencoding\s*=\s*["'])([^"']*)(["'])/;

const SAML_PARAM = /(?:^|[?&])(SAMLRequest|SAMLResponse|SAMLart)=/;

/**
 * What support staff paste or save: a HAR file, a SAML-tracer export, raw XML, a raw base64 message (plain,
 * wrapped or URL-encoded), a form body (`SAMLResponse=…&RelayState=…`), a bare query string, or a URL carrying
 * SAMLRequest/SAMLResponse. Raw messages become one synthetic exchange with no capture time, so that one engine
 * reads them all; a deflated one travels in a query string, as the HTTP-Redirect binding sends it.
 */
export function readMessageInput(input: string | Uint8Array): { entries: HarEntry[]; format: InputFormat } {
  // Bytes are decoded as their BOM or XML declaration says (ISO-8859-x, windows-1252, UTF-16), not as UTF-8.
  const text = typeof input === 'string' ? input : decodeText(input);
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (!trimmed) throw new CaptureError('The input is empty.');
  if (trimmed.startsWith('{')) return readCapture(trimmed);
  if (trimmed.startsWith('<')) {
    const param = /^(?:<\?[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:[\w.-]+:)?\w*Request\b/.test(trimmed) ? 'SAMLRequest' : 'SAMLResponse';
    // The text is already decoded: it travels as UTF-8 from here, so a declared other encoding is rewritten, or
    // the decoder would decode it a second time.
    const xml = trimmed.replace(XML_DECLARATION_ENCODING, (all, open: string, name: string, close: string) => (/^utf-?8$/i.test(name) ? all : `${open}UTF-8${close}`));
    return { format: 'xml', entries: [post({ [param]: utf8ToBase64(xml) })] };
  }
  if (/^https?:\/\//i.test(trimmed)) {
    if (!SAML_PARAM.test(trimmed)) {
      throw new CaptureError('The URL carries no SAMLRequest, SAMLResponse or SAMLart parameter.');
    }
    return { format: 'url', entries: [get(trimmed)] };
  }
  const pairs = trimmed.replace(/^\?/, '').replace(/\s+/g, '');
  if (SAML_PARAM.test(pairs)) return readPairs(pairs);
  if (/^[A-Za-z0-9+/=_\-\s]+$/.test(trimmed)) return { format: 'base64', entries: [rawMessage(trimmed.replace(/\s+/g, ''))] };
  if (/^[A-Za-z0-9+/=_\-%\s]+$/.test(trimmed) && /%[0-9A-Fa-f]{2}/.test(trimmed)) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(trimmed.replace(/\s+/g, ''));
    } catch {
      throw new CaptureError('The input looks URL-encoded but has a broken %-escape.');
    }
    return { format: 'base64', entries: [rawMessage(decoded)] };
  }
  throw new CaptureError(
    'Not a HAR file, SAML-tracer export, SAML XML, base64 SAML message, form body, query string or SAML URL.',
  );
}

/**
 * `SAMLResponse=…&RelayState=…` or `SAMLRequest=…&SigAlg=…&Signature=…`: the same text is a POST form body or
 * a Redirect query string; the message tells which (DEFLATE is only used on the Redirect binding).
 */
function readPairs(pairs: string): { entries: HarEntry[]; format: InputFormat } {
  const fields = parseUrlEncoded(pairs);
  const message = fields.find((f) => f.name === 'SAMLRequest' || f.name === 'SAMLResponse');
  const decoded = message && decodeSamlValue(message.value, 'post');
  const redirect = !!decoded && decoded.ok && decoded.inflated;
  if (redirect || !message) return { format: 'query', entries: [get(`${PASTED_URL}?${pairs}`)] };
  return { format: 'form', entries: [post(Object.fromEntries(fields.map((f) => [f.name, f.value])))] };
}

/** A bare base64 message: its XML says whether it is a request, DEFLATE says whether it came by Redirect. */
function rawMessage(value: string): HarEntry {
  const decoded = decodeSamlValue(value, 'post');
  if (!decoded.ok) {
    // Text that is not base64, or a few bytes of it, is some other file (notes, a word); a long blob is a
    // damaged message (cut short when pasted), and its decode-failed finding says what is wrong with it.
    if (decoded.problem.stage === 'base64' || (decoded.problem.stage === 'not-saml' && value.length < 100)) {
      throw new CaptureError(`Not a HAR file, SAML-tracer export or SAML message: as base64, ${decoded.problem.detail}.`);
    }
    return post({ SAMLResponse: value });
  }
  const param = /^\s*(?:<\?[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:[\w.-]+:)?\w*Request\b/.test(decoded.text) ? 'SAMLRequest' : 'SAMLResponse';
  return decoded.inflated ? get(`${PASTED_URL}?${param}=${encodeURIComponent(value)}`) : post({ [param]: value });
}

function get(url: string): HarEntry {
  return { startedDateTime: '', request: { method: 'GET', url, headers: [] }, response: { status: 0, headers: [] } };
}

function post(form: Record<string, string>): HarEntry {
  const entry: HarEntry = { startedDateTime: '', request: { method: 'POST', url: PASTED_URL, headers: [] }, response: { status: 0, headers: [] } };
  entry.request.postData = {
    mimeType: 'application/x-www-form-urlencoded',
    params: Object.entries(form).map(([name, value]) => ({ name, value })),
  };
  return entry;
}

function utf8ToBase64(s: string): string {
  const bytes = new TextEncoder().encode(s);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
