import type { HarEntry, HarNameValue } from '../har/types';
import type { Detector } from '../protocols/types';
import type { Binding, SamlParam } from './types';

/** The SAML fields of one exchange, by name only: nothing is decoded here. */
export interface SamlFields {
  /** Where the fields travel: the URL query (HTTP-Redirect / Artifact) or a form body (HTTP-POST). */
  carrier: 'query' | 'form';
  messages: Array<{ param: SamlParam; value: string; binding: Binding }>;
  relayState?: string;
  sigAlg?: string;
  signature?: string;
  /** The body was cut short (browser or size cap): a message may be incomplete. */
  truncated?: boolean;
}

const MESSAGE_PARAMS: readonly SamlParam[] = ['SAMLRequest', 'SAMLResponse', 'SAMLart'];
/** WS-Federation's sign-in result field (wa=wsignin1.0): recognised so that it is named, not judged as SAML 2.0. */
const WS_FED_RESULT = 'wresult';

/** SAML's entry in the capture registry (utils/protocols/detectors.ts): every field name starts with "SAML". */
export const samlDetector: Detector = { id: 'saml', detect: (entry) => findSamlFields(entry, false) !== null, markers: ['SAML'] };

/**
 * Is this exchange SAML? Runs on every request a page makes, so the common case (no "SAML" anywhere) returns
 * after a few `includes` calls, without parsing the URL or the body.
 */
export function detectSaml(entry: HarEntry): SamlFields | null {
  return findSamlFields(entry, true);
}

/**
 * Without `decodeValues` the fields' values stay as captured: enough to say whether an exchange is SAML, which
 * every entry of a HAR is asked while it is read, and a large POSTed message is not decoded twice.
 */
function findSamlFields(entry: HarEntry, decodeValues: boolean): SamlFields | null {
  const { url, postData } = entry.request;
  const inQuery = typeof url === 'string' && url.includes('SAML');
  const params = Array.isArray(postData?.params) ? postData.params : undefined;
  // Names are checked for type: a HAR from another tool may hold `name: null`.
  const inParams = !!params?.length && params.some((p) => typeof p?.name === 'string' && (p.name.startsWith('SAML') || p.name === WS_FED_RESULT));
  const inText = !inParams && typeof postData?.text === 'string' && (postData.text.includes('SAML') || postData.text.includes(WS_FED_RESULT));
  if (!inQuery && !inParams && !inText) return null;

  if (inParams || inText) {
    const fields = inParams ? paramsToFields(params!, decodeValues) : parseBodyText(postData!.text!, postData!.mimeType, decodeValues);
    const found = collect(fields, 'form');
    if (found) {
      if (postData?._truncated) found.truncated = true;
      return found;
    }
  }
  if (inQuery) return collect(queryFields(url, decodeValues), 'query');
  return null;
}

function collect(fields: HarNameValue[], carrier: SamlFields['carrier']): SamlFields | null {
  const messages: SamlFields['messages'] = [];
  let relayState: string | undefined;
  let sigAlg: string | undefined;
  let signature: string | undefined;
  for (const { name, value } of fields) {
    if (name === WS_FED_RESULT && carrier === 'form') messages.push({ param: 'wresult', value, binding: 'post' });
    else if ((MESSAGE_PARAMS as readonly string[]).includes(name)) {
      const param = name as SamlParam;
      const binding: Binding = param === 'SAMLart' ? 'artifact' : carrier === 'query' ? 'redirect' : 'post';
      messages.push({ param, value, binding });
    } else if (name === 'RelayState') relayState = value;
    else if (name === 'SigAlg') sigAlg = value;
    else if (name === 'Signature') signature = value;
  }
  if (!messages.length) return null;
  const found: SamlFields = { carrier, messages };
  if (relayState !== undefined) found.relayState = relayState;
  if (sigAlg !== undefined) found.sigAlg = sigAlg;
  if (signature !== undefined) found.signature = signature;
  return found;
}

/** Query parameters, decoded once (the URL is the source of truth; HAR `queryString` encoding differs by browser). */
function queryFields(url: string, decodeValues: boolean): HarNameValue[] {
  const q = url.indexOf('?');
  if (q < 0) return [];
  const hash = url.indexOf('#', q);
  return parseUrlEncoded(url.slice(q + 1, hash < 0 ? undefined : hash), decodeValues);
}

const PERCENT_ESCAPE = /%[0-9A-Fa-f]{2}/;

/**
 * HAR `postData.params`: Chrome keeps values URL-encoded, Firefox decodes them. Base64 never contains '%',
 * so a value with a percent escape is still encoded.
 */
function paramsToFields(params: NonNullable<NonNullable<HarEntry['request']['postData']>['params']>, decodeValues: boolean): HarNameValue[] {
  return params.map((p) => {
    const value = typeof p?.value === 'string' ? p.value : '';
    return { name: safeDecode(typeof p?.name === 'string' ? p.name : ''), value: decodeValues && PERCENT_ESCAPE.test(value) ? formDecode(value) : value };
  });
}

function parseBodyText(text: string, mimeType: string | undefined, decodeValues: boolean): HarNameValue[] {
  if (/multipart\/form-data/i.test(mimeType ?? '')) return parseMultipart(text, mimeType!);
  if (/json/i.test(mimeType ?? '') || /^\s*\{/.test(text)) {
    const fields = parseJsonBody(text);
    if (fields) return fields;
  }
  // No mime type is common in hand-made or exported HARs: a urlencoded body is the norm for SAML POSTs.
  return parseUrlEncoded(text, decodeValues);
}

const JSON_FIELDS = new Set<string>([...MESSAGE_PARAMS, 'RelayState', 'SigAlg', 'Signature']);

/**
 * Single-page apps and API gateways post the SAML fields as JSON (`{"SAMLResponse": "…", "RelayState": "…"}`),
 * sometimes one object deeper (`{"data": {"SAMLResponse": …}}`). Only string values under the SAML names count.
 */
function parseJsonBody(text: string): HarNameValue[] | null {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return null;
  }
  const out: HarNameValue[] = [];
  const visit = (o: unknown, depth: number) => {
    if (typeof o !== 'object' || o === null || Array.isArray(o)) return;
    for (const [name, value] of Object.entries(o)) {
      if (typeof value === 'string' && JSON_FIELDS.has(name)) out.push({ name, value });
      else if (depth < 2) visit(value, depth + 1);
    }
  };
  visit(doc, 0);
  return out.length ? out : null;
}

export function parseUrlEncoded(text: string, decodeValues = true): HarNameValue[] {
  const out: HarNameValue[] = [];
  for (const pair of text.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const name = eq < 0 ? pair : pair.slice(0, eq);
    const value = eq < 0 ? '' : pair.slice(eq + 1);
    out.push({ name: formDecode(name), value: decodeValues ? formDecode(value) : value });
  }
  return out;
}

function parseMultipart(text: string, mimeType: string): HarNameValue[] {
  let boundary = /boundary="?([^";]+)"?/i.exec(mimeType)?.[1];
  // Exported HARs sometimes lose the boundary from the mime type: take it from the body's first line.
  if (!boundary) boundary = /^--([^\r\n]+)/.exec(text)?.[1];
  if (!boundary) return [];
  const out: HarNameValue[] = [];
  for (const part of text.split(`--${boundary}`)) {
    const headerEnd = part.search(/\r?\n\r?\n/);
    if (headerEnd < 0) continue;
    const headers = part.slice(0, headerEnd);
    const name = /name="([^"]*)"/i.exec(headers)?.[1];
    if (!name) continue;
    const body = part.slice(headerEnd).replace(/^\r?\n\r?\n/, '').replace(/\r?\n$/, '');
    out.push({ name, value: body });
  }
  return out;
}

/** A form field's value: `+` is a space, percent escapes are UTF-8. */
export function formDecode(s: string): string {
  const spaced = s.includes('+') ? s.replace(/\+/g, ' ') : s;
  return spaced.includes('%') ? percentDecode(spaced) : spaced;
}

/**
 * decodeURIComponent, but a value with few escapes, all ASCII (a base64 message holds only %2B, %2F, %3D), is
 * decoded by hand: decodeURIComponent's per-character cost was most of reading a large POSTed message. Anything
 * else (dense escapes, where decodeURIComponent is cheaper per escape; a UTF-8 sequence; a stray '%') goes to
 * decodeURIComponent, whole.
 */
function percentDecode(s: string): string {
  // About where the two cost the same: one escape per 64 characters.
  const most = s.length >> 6;
  let count = 0;
  for (let at = s.indexOf('%'); at >= 0; at = s.indexOf('%', at + 3)) if (++count > most) return safeDecode(s);
  const parts = s.split('%');
  for (let i = 1; i < parts.length; i++) {
    const part = parts[i]!;
    const code = part.length < 2 ? -1 : (hexDigit(part.charCodeAt(0)) << 4) | hexDigit(part.charCodeAt(1));
    if (code < 0 || code > 0x7f) return safeDecode(s);
    parts[i] = String.fromCharCode(code) + part.slice(2);
  }
  // One flat string, not a chain of hundreds of concatenations.
  return parts.join('');
}

/** 0–15, or a negative number (so that the escape's code is negative too) for anything but a hex digit. */
function hexDigit(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  const lower = c | 0x20;
  return lower >= 97 && lower <= 102 ? lower - 87 : -256;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    // A stray '%' is not worth losing the value over.
    return s;
  }
}
