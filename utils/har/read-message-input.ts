import type { HarEntry } from './types';
import { CaptureError, readCapture, type CaptureFormat } from './read-capture';

export type InputFormat = CaptureFormat | 'xml' | 'base64' | 'url';

/**
 * What support staff paste or save: a HAR file, a SAML-tracer export, raw XML, a raw base64 message, or a URL
 * carrying SAMLRequest/SAMLResponse. Raw messages become one synthetic exchange with no capture time, so that
 * one engine reads them all.
 */
export function readMessageInput(text: string): { entries: HarEntry[]; format: InputFormat } {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (!trimmed) throw new CaptureError('The input is empty.');
  if (trimmed.startsWith('{')) return readCapture(trimmed);
  if (trimmed.startsWith('<')) {
    const param = /^(?:<\?[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:[\w.-]+:)?\w*Request\b/.test(trimmed) ? 'SAMLRequest' : 'SAMLResponse';
    return { format: 'xml', entries: [synthetic('POST', 'about:blank', { [param]: utf8ToBase64(trimmed) })] };
  }
  if (/^https?:\/\//i.test(trimmed)) {
    if (!/[?&](SAMLRequest|SAMLResponse|SAMLart)=/.test(trimmed)) {
      throw new CaptureError('The URL carries no SAMLRequest, SAMLResponse or SAMLart parameter.');
    }
    return { format: 'url', entries: [synthetic('GET', trimmed)] };
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

function utf8ToBase64(s: string): string {
  const bytes = new TextEncoder().encode(s);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
