import type { HarEntry } from '../har/types';
import { httpStatusOf } from '../har/http-status';
import { hostnameOf } from '../url/url-parts';

/** An identity provider's own error page, read from an exchange's HTML (or JSON) answer. */
export interface IdpErrorPage {
  idp: 'Microsoft Entra ID' | 'Okta' | 'AD FS' | 'Google Workspace';
  /** The provider's error code (AADSTS50105, E0000022, MSIS7012, app_not_configured_for_user), when the page has one. */
  code?: string;
  /** The page's own words about the error, cut to a sentence or two. */
  text?: string;
}

/** Error pages are small; a big body is an application page, and scanning it would cost for nothing. */
const SCAN_CHARS = 256 * 1024;
const TEXT_CHARS = 300;

interface PageReader {
  idp: IdpErrorPage['idp'];
  /** Cheap pre-test, so most bodies cost one indexOf or one host comparison. */
  marker: string | ((host: string) => boolean);
  read(text: string, host: string, status: number | undefined): Omit<IdpErrorPage, 'idp'> | undefined;
}

// Each pattern has a bounded, non-nested quantifier: bodies are untrusted and can be large.
const READERS: readonly PageReader[] = [
  {
    idp: 'Microsoft Entra ID',
    marker: 'AADSTS',
    read(text) {
      const m = /AADSTS(\d{4,7})(?::? ?([^"<\r\n]{0,400}))?/.exec(text);
      return m ? { code: `AADSTS${m[1]}`, text: m[2] } : undefined;
    },
  },
  {
    idp: 'AD FS',
    marker: 'MSIS',
    read(text) {
      const m = /\b(MSIS\d{4})(?::? ?([^"<\r\n]{0,400}))?/.exec(text);
      return m ? { code: m[1], text: m[2] } : undefined;
    },
  },
  {
    idp: 'Okta',
    marker: (host) => /(^|\.)(okta|oktapreview|okta-emea|okta-gov)\.com$/.test(host),
    read(text, _host, status) {
      const code = /"errorCode"\s{0,4}:\s{0,4}"(E\d{7})"/.exec(text)?.[1];
      const summary = /"errorSummary"\s{0,4}:\s{0,4}"([^"]{0,400})"/.exec(text)?.[1];
      if (code || summary) return { code, text: summary };
      const notAssigned = /(?:Sorry, )?you can(?:'|&#39;|&#x27;|’)t access [^<]{0,200}? because you are not assigned[^<.]{0,200}/i.exec(text)?.[0];
      if (notAssigned) return { text: notAssigned };
      return status !== undefined && status >= 400 && /<title>[^<]{0,120}\bError\b/i.test(text) ? { text: `HTTP ${status} error page` } : undefined;
    },
  },
  {
    idp: 'Google Workspace',
    marker: (host) => /(^|\.)google\.com$/.test(host),
    read(text) {
      const m = /\b(app_not_configured_for_user|app_not_enabled_for_user|account_disabled|invalid_request)\b/.exec(text);
      return m ? { code: m[1] } : undefined;
    },
  },
];

/** The IdP error page an exchange answered with, if it is one. */
export function readIdpErrorPage(entry: HarEntry): IdpErrorPage | undefined {
  const content = entry.response?.content;
  if (!content || typeof content.text !== 'string' || !content.text) return undefined;
  const mime = typeof content.mimeType === 'string' ? content.mimeType.toLowerCase() : '';
  if (mime && !mime.includes('html') && !mime.includes('json') && !mime.includes('text/plain')) return undefined;
  const text = bodyText(content.text.slice(0, content.encoding === 'base64' ? Math.ceil((SCAN_CHARS * 4) / 3) : SCAN_CHARS), content.encoding);
  if (!text) return undefined;
  // An unreadable URL: host-bound readers stay silent.
  const host = hostnameOf(entry.request.url) ?? '';
  const status = httpStatusOf(entry);
  for (const reader of READERS) {
    if (typeof reader.marker === 'string' ? !text.includes(reader.marker) : !reader.marker(host)) continue;
    const found = reader.read(text, host, status);
    if (found) return clean({ idp: reader.idp, ...found });
  }
  return undefined;
}

function bodyText(text: string, encoding: string | undefined): string {
  if (encoding !== 'base64') return text;
  try {
    // The scan cut may fall inside a quantum: decode whole 4-character groups only.
    const digits = text.replace(/[^A-Za-z0-9+/]/g, '');
    const bytes = Uint8Array.from(atob(digits.slice(0, digits.length - (digits.length % 4))), (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  } catch {
    return '';
  }
}

function clean(page: IdpErrorPage): IdpErrorPage {
  const out: IdpErrorPage = { idp: page.idp };
  if (page.code) out.code = page.code;
  const text = page.text
    ?.replace(/\\u0027|&#39;|&#x27;/g, "'")
    .replace(/&quot;|\\u0022/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, TEXT_CHARS);
  if (text) out.text = text;
  return out;
}
