import { deflateSync } from 'fflate';
import { decodeSamlValue } from '../saml/decode';
import { parseUrlEncoded } from '../saml/detect';
import type { Binding } from '../saml/types';
import type { HarEntry, HarNameValue, HarPostData } from './types';

// Redaction for exports that leave the admin's machine (support tickets): personal data and secrets go, the
// SAML structure stays, so the redacted file still decodes and analyzes (same kinds, bindings, IDs, issuers,
// audiences, times, algorithms). Peers only redact headers; the assertion is where the personal data is.

export const REDACTED = '[redacted]';
/** "REDACTED" in base64: keeps signature and certificate fields base64-shaped. */
export const REDACTED_BASE64 = 'UkVEQUNURUQ=';
const PLACEHOLDER_DOMAIN = 'redacted.invalid';

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const ENCODED_EMAIL = /[A-Za-z0-9._+-]+%40[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/gi;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SECRET_HEADER = /^(cookie|set-cookie|authorization|proxy-authorization)$|token|secret|api[-_]?key|session/i;
const SAML_FIELDS = new Set(['SAMLRequest', 'SAMLResponse']);
/** Form fields kept (emails still redacted): the rest of a form may hold anything, e.g. a password. */
const KEPT_FORM_FIELDS = new Set(['RelayState', 'SigAlg', 'SAMLart']);

/**
 * The same value always gets the same placeholder within one export, so a group sent in two messages, or a
 * NameID repeated in a logout, still reads as the same thing. Placeholders keep the value's shape (e-mail,
 * GUID, plain) so that rules about shapes still fire on the redacted file.
 */
export class Pseudonyms {
  readonly #seen = new Map<string, string>();
  #count = 0;

  for(kind: 'nameid' | 'value' | 'email', original: string): string {
    const key = original.trim();
    const known = this.#seen.get(key);
    if (known !== undefined) return known;
    const n = ++this.#count;
    let placeholder: string;
    if (key.includes('@') && new RegExp(`^${EMAIL.source}$`).test(key)) placeholder = `user${n}@${PLACEHOLDER_DOMAIN}`;
    else if (GUID.test(key)) placeholder = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
    else placeholder = `${kind === 'email' ? 'user' : kind}-${n}`;
    this.#seen.set(key, placeholder);
    return placeholder;
  }
}

export function redactEmails(text: string, p: Pseudonyms): string {
  return text
    .replace(EMAIL, (m) => (m.endsWith(`@${PLACEHOLDER_DOMAIN}`) ? m : p.for('email', m)))
    .replace(ENCODED_EMAIL, (m) => {
      const at = m.toLowerCase().indexOf('%40');
      return encodeURIComponent(p.for('email', `${m.slice(0, at)}@${m.slice(at + 3)}`));
    });
}

// Element content to replace, by local name (any prefix). `(?<!/)>` skips self-closing elements.
const SECRET_ELEMENTS =
  /<((?:[A-Za-z_][\w.-]*:)?)(NameID|AttributeValue|SignatureValue|DigestValue|X509Certificate|X509SubjectName)((?:\s[^>]*)?)(?<!\/)>([\s\S]*?)<\/\1\2\s*>/g;
const ADDRESS_ATTRIBUTE = /(\sAddress\s*=\s*)(["'])[^"']*\2/g;

/** Redact the decoded SAML XML: NameID, attribute values, signatures, certificates, client IP, e-mails anywhere. */
export function redactSamlXml(xml: string, p: Pseudonyms): string {
  return redactEmails(
    xml
      .replace(SECRET_ELEMENTS, (whole, prefix: string, name: string, attrs: string, content: string) => {
        if (!content.trim()) return whole; // an empty SignatureValue is a finding worth keeping
        const lead = /^\s*/.exec(content)![0];
        const trail = /\s*$/.exec(content)![0];
        let replacement: string;
        if (name === 'NameID') replacement = p.for('nameid', content);
        else if (name === 'AttributeValue') replacement = p.for('value', content);
        else if (name === 'X509SubjectName') replacement = 'CN=redacted';
        else replacement = REDACTED_BASE64;
        return `<${prefix}${name}${attrs}>${lead}${replacement}${trail}</${prefix}${name}>`;
      })
      .replace(ADDRESS_ATTRIBUTE, (_m, head: string, q: string) => `${head}${q}192.0.2.1${q}`),
    p,
  );
}

function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

const NOT_DECODED = bytesToBase64(new TextEncoder().encode('[SSO Lens redaction: this field could not be decoded, so it was removed]'));

/**
 * Redact one SAML field and encode it again the way it came: base64 for HTTP-POST, base64 of raw DEFLATE for
 * HTTP-Redirect (SAML bindings §3.4.4.1) or for a POST body that was deflated.
 */
export function redactSamlValue(value: string, binding: Binding, p: Pseudonyms): string {
  const decoded = decodeSamlValue(value, binding);
  if (!decoded.ok) return NOT_DECODED;
  const bytes = new TextEncoder().encode(redactSamlXml(decoded.text, p));
  return bytesToBase64(binding === 'redirect' || decoded.inflated ? deflateSync(bytes) : bytes);
}

function formDecode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

/** Query parameters are rewritten one by one so the rest of the URL keeps its exact form. */
export function redactUrl(url: string, p: Pseudonyms): string {
  const q = url.indexOf('?');
  const hash = url.indexOf('#', q < 0 ? 0 : q);
  const end = hash < 0 ? url.length : hash;
  const base = redactEmails(url.slice(0, q < 0 ? end : q), p);
  const fragment = hash < 0 ? '' : redactEmails(url.slice(hash), p);
  if (q < 0) return base + fragment;
  const query = url
    .slice(q + 1, end)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq < 0) return redactEmails(pair, p);
      const name = formDecode(pair.slice(0, eq));
      const raw = pair.slice(eq + 1);
      const value = formDecode(raw);
      let next: string;
      if (SAML_FIELDS.has(name)) next = redactSamlValue(value, 'redirect', p);
      else if (name === 'Signature') next = REDACTED_BASE64;
      else {
        next = redactEmails(value, p);
        if (next === value) return `${pair.slice(0, eq)}=${redactEmails(raw, p)}`;
      }
      return `${pair.slice(0, eq)}=${encodeURIComponent(next)}`;
    })
    .join('&');
  return `${base}?${query}${fragment}`;
}

function redactFormField(name: string, value: string, p: Pseudonyms): string {
  if (SAML_FIELDS.has(name)) return redactSamlValue(value, 'post', p);
  if (name === 'Signature') return REDACTED_BASE64;
  return KEPT_FORM_FIELDS.has(name) ? redactEmails(value, p) : REDACTED;
}

const PERCENT_ESCAPE = /%[0-9A-Fa-f]{2}/;

function redactPostData(post: HarPostData, p: Pseudonyms): HarPostData {
  const mimeType = post.mimeType ?? '';
  if (/multipart\/form-data/i.test(mimeType)) {
    // Rare for SAML; the body is not rebuilt, every field value in it is replaced in place.
    let text = post.text ?? '';
    const params = (post.params ?? []).map((f) => {
      const value = f.value ?? '';
      const next = redactFormField(f.name, value, p);
      if (value) text = text.split(value).join(next);
      return { ...f, value: next };
    });
    return { ...post, text: redactEmails(text, p), params };
  }
  if (post.text === undefined && !post.params) return post;
  if (!/x-www-form-urlencoded/i.test(mimeType) && mimeType !== '' && !post.params?.length) {
    // JSON or other bodies: nothing SAML to re-encode, but they can hold anything.
    return { ...post, text: REDACTED };
  }
  // Chrome keeps `params` URL-encoded, Firefox decodes them: read them the way detectSaml does.
  const fields: HarNameValue[] =
    post.text !== undefined
      ? parseUrlEncoded(post.text)
      : (post.params ?? []).map((f) => ({ name: formDecode(f.name), value: PERCENT_ESCAPE.test(f.value ?? '') ? formDecode(f.value ?? '') : (f.value ?? '') }));
  const redacted = fields.map((f) => ({ name: f.name, value: redactFormField(f.name, f.value, p) }));
  const encoded = redacted.map((f) => ({ name: encodeURIComponent(f.name), value: encodeURIComponent(f.value) }));
  const next: HarPostData = {
    mimeType: mimeType || 'application/x-www-form-urlencoded',
    text: encoded.map((f) => `${f.name}=${f.value}`).join('&'),
    params: encoded,
  };
  if (post._truncated) next._truncated = true;
  return next;
}

function redactHeaders(headers: readonly HarNameValue[] | undefined, p: Pseudonyms): HarNameValue[] {
  return (headers ?? []).map(({ name, value }) => ({
    name,
    value: SECRET_HEADER.test(name) ? REDACTED : /^https?:\/\//i.test(value) ? redactUrl(value, p) : redactEmails(value, p),
  }));
}

const redactCookies = (cookies: readonly HarNameValue[] | undefined) => (cookies ?? []).map((c) => ({ name: c.name, value: REDACTED }));

function queryOf(url: string): HarNameValue[] {
  const q = url.indexOf('?');
  if (q < 0) return [];
  const hash = url.indexOf('#', q);
  return url
    .slice(q + 1, hash < 0 ? undefined : hash)
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const eq = pair.indexOf('=');
      return eq < 0 ? { name: formDecode(pair), value: '' } : { name: formDecode(pair.slice(0, eq)), value: formDecode(pair.slice(eq + 1)) };
    });
}

/**
 * A redacted copy of a HAR entry: SAML fields re-encoded from redacted XML; cookies, Set-Cookie and credential
 * headers replaced; e-mails replaced anywhere; response bodies left out (an IdP's auto-post page holds the
 * whole SAMLResponse); browser-private fields (`_initiator`, …) dropped.
 */
export function redactEntry(entry: HarEntry, p: Pseudonyms): HarEntry {
  const url = redactUrl(entry.request.url, p);
  const request: HarEntry['request'] = {
    method: entry.request.method,
    url,
    httpVersion: entry.request.httpVersion ?? '',
    headers: redactHeaders(entry.request.headers, p),
    queryString: queryOf(url),
    cookies: redactCookies(entry.request.cookies),
    headersSize: -1,
    bodySize: entry.request.bodySize ?? -1,
  };
  if (entry.request.postData) request.postData = redactPostData(entry.request.postData, p);
  const content = entry.response.content;
  const response: HarEntry['response'] = {
    status: entry.response.status,
    statusText: entry.response.statusText ?? '',
    httpVersion: entry.response.httpVersion ?? '',
    headers: redactHeaders(entry.response.headers, p),
    cookies: redactCookies(entry.response.cookies),
    content: { size: content?.size ?? 0, mimeType: content?.mimeType ?? '' },
    redirectURL: entry.response.redirectURL ? redactUrl(entry.response.redirectURL, p) : '',
    headersSize: -1,
    bodySize: entry.response.bodySize ?? -1,
  };
  const out: HarEntry = { startedDateTime: entry.startedDateTime, time: entry.time ?? 0, request, response };
  if (entry._resourceType) out._resourceType = entry._resourceType;
  return out;
}
