import type { HarEntry, HarNameValue } from '../har/types';
import type { Detector } from '../protocols/types';
import { parseUrlEncoded } from '../saml/detect';
import type { OidcCarrier, OidcKind } from './types';

/** One OIDC message an exchange carries, by parameter names and endpoint shape only: nothing decoded yet. */
export interface OidcField {
  kind: OidcKind;
  carrier: OidcCarrier;
  params: HarNameValue[];
  /** For responses: where they land (the redirect URI), without query or fragment. */
  target?: string;
  /**
   * For a token call the endpoint refused (HTTP 4xx/5xx) with no OAuth error to read: its body was not captured
   * (the background recorder never sees bodies, a HAR may be saved without them), or it is not the JSON error.
   */
  bodyMissing?: 'absent' | 'not-oauth';
}

// Parameter names and endpoint paths that only OAuth/OIDC traffic carries. Detection runs on every request a
// page makes: for everyday traffic it looks at the characters after each '?', '&' and '#' and at the last path
// segment, without a regex or a URL parse (the bench holds detect under 10 ms for 10,000 entries with SAML's).
const DISCOVERY = '/.well-known/openid-configuration';
// IdentityServer's /connect/endsession, /end_session elsewhere, oidc-provider's /session/end. Logout endpoints
// with other names are found by their parameters (id_token_hint, post_logout_redirect_uri).
const END_SESSION_PATH = /\/(?:end_?session|endsession|session\/end)\/?$/;
const MAX_BODY = 256 * 1024;

/** The cheap half of the protocol, for capture. Every exchange it accepts has a marker in its URL or body, except a
 * fragment response, which only its redirect's Location header shows (the recorder reads response headers itself). */
export const oidcDetector: Detector = {
  id: 'oidc',
  detect: (entry) => detectOidc(entry) !== null,
  markers: ['client_id', 'code=', 'id_token', 'access_token', 'error=', 'grant_type', 'openid-configuration', 'post_logout_redirect_uri', 'endsession', 'end_session', 'session/end'],
};

/** Is this exchange OpenID Connect (or OAuth 2.0 around it)? By endpoint shape and parameter names, never by host. */
export function detectOidc(entry: HarEntry): OidcField[] | null {
  const { url, method, postData } = entry.request;
  let found: OidcField[] | null = null;

  if (urlHint(url)) found = fromUrl(url, found);

  if (method === 'POST' && postData) {
    const text = postData.text;
    if (typeof text === 'string' ? text.length <= MAX_BODY && paramHint(text, -1, text.length, true) : !!postData.params && hasHintParam(postData.params)) {
      found = fromBody(entry, found);
    }
  }

  const status = entry.response?.status;
  if (status >= 300 && status < 400) found = fromLocation(entry, found);

  return found;
}

/** Does an OAuth/OIDC parameter name start at `at`? A switch on its first character keeps this to one compare. */
function nameAt(text: string, at: number, body: boolean): boolean {
  switch (text.charCodeAt(at)) {
    case 99: // c
      return text.startsWith('code=', at) || text.startsWith('client_id=', at);
    case 105: // i
      return text.startsWith('id_token=', at) || (!body && text.startsWith('id_token_hint=', at));
    case 97: // a
      return text.startsWith('access_token=', at);
    case 101: // e
      return text.startsWith('error=', at);
    case 112: // p
      return !body && text.startsWith('post_logout_redirect_uri=', at);
    case 103: // g
      return body && text.startsWith('grant_type=', at);
    default:
      return false;
  }
}

/** A parameter name at `start + 1` or after any '&' before `end`. */
function paramHint(text: string, start: number, end: number, body: boolean): boolean {
  let i = start;
  do {
    if (nameAt(text, i + 1, body)) return true;
    i = text.indexOf('&', i + 1);
  } while (i !== -1 && i < end);
  return false;
}

function urlHint(url: string): boolean {
  const q = url.indexOf('?');
  const hash = q < 0 ? url.indexOf('#') : -1;
  const pathEnd = q >= 0 ? q : hash >= 0 ? hash : url.length;
  let last = pathEnd - 1;
  if (url.charCodeAt(last) === 47) last--; // a trailing '/'
  const slash = url.lastIndexOf('/', last);
  const segment = last - slash;
  if (
    (segment === 20 && url.startsWith('openid-configuration', slash + 1)) ||
    (segment === 10 && url.startsWith('endsession', slash + 1)) ||
    (segment === 11 && url.startsWith('end_session', slash + 1)) ||
    (segment === 3 && url.startsWith('/session/end', slash - 8))
  ) {
    return true;
  }
  // Browsers never send a fragment: one kept on a request URL (some HAR tools) is scanned only past '&'.
  if (q >= 0) return paramHint(url, q, url.length, false);
  // HAR files from some tools keep a fragment on the URL.
  return hash >= 0 && paramHint(url, hash, url.length, false);
}

function hasHintParam(params: ReadonlyArray<{ name: string }>): boolean {
  for (const { name } of params) {
    if (name === 'client_id' || name === 'code' || name === 'id_token' || name === 'access_token' || name === 'error' || name === 'grant_type') return true;
  }
  return false;
}

function has(fields: HarNameValue[], name: string): boolean {
  return fields.some((f) => f.name === name);
}

/**
 * What a set of parameters is, whichever way it travelled. A response needs more than `code` alone (`?code=` is
 * common on shop pages): a state, an issuer, Entra's session_state or client_info.
 */
function classify(fields: HarNameValue[]): OidcKind | null {
  if (has(fields, 'client_id') && has(fields, 'response_type')) return 'AuthorizationRequest';
  if (has(fields, 'grant_type')) return 'TokenRequest';
  if (has(fields, 'error') && (has(fields, 'state') || has(fields, 'error_description') || has(fields, 'error_uri'))) return 'ErrorResponse';
  if (has(fields, 'id_token') || (has(fields, 'access_token') && has(fields, 'token_type'))) return 'AuthorizationResponse';
  if (has(fields, 'code') && (has(fields, 'state') || has(fields, 'session_state') || has(fields, 'iss') || has(fields, 'client_info'))) {
    return 'AuthorizationResponse';
  }
  return null;
}

function splitUrl(url: string): { base: string; query: string; fragment: string } {
  const hash = url.indexOf('#');
  const beforeHash = hash < 0 ? url : url.slice(0, hash);
  const q = beforeHash.indexOf('?');
  return {
    base: q < 0 ? beforeHash : beforeHash.slice(0, q),
    query: q < 0 ? '' : beforeHash.slice(q + 1),
    fragment: hash < 0 ? '' : url.slice(hash + 1),
  };
}

function fromUrl(url: string, found: OidcField[] | null): OidcField[] | null {
  const { base, query } = splitUrl(url);
  if (base.endsWith(DISCOVERY)) return push(found, { kind: 'Discovery', carrier: 'json', params: [] });
  const fields = query ? parseUrlEncoded(query) : [];
  if (has(fields, 'id_token_hint') || has(fields, 'post_logout_redirect_uri') || END_SESSION_PATH.test(base)) {
    return push(found, { kind: 'EndSession', carrier: 'query', params: fields });
  }
  const kind = classify(fields);
  // A token call's parameters belong in its body; one in a URL is read from the body side or not at all.
  if (kind && kind !== 'TokenRequest') return push(found, { kind, carrier: 'query', params: fields, ...(kind === 'AuthorizationRequest' ? {} : { target: base }) });
  return found;
}

function push(found: OidcField[] | null, field: OidcField): OidcField[] {
  if (!found) return [field];
  found.push(field);
  return found;
}

function fromBody(entry: HarEntry, found: OidcField[] | null): OidcField[] | null {
  const { url, postData } = entry.request;
  const fields = bodyFields(postData!);
  const kind = classify(fields);
  if (!kind) return found;
  // The authorization request may be POSTed (OIDC Core §3.1.2.1); responses POSTed are response_mode=form_post.
  if (kind === 'AuthorizationRequest') return push(found, { kind, carrier: 'form_post', params: fields });
  if (kind === 'TokenRequest') {
    const out = push(found, { kind, carrier: 'form_post', params: fields });
    const answer = tokenAnswer(entry);
    return answer ? push(out, answer) : out;
  }
  return push(found, { kind, carrier: 'form_post', params: fields, target: splitUrl(url).base });
}

function bodyFields(postData: NonNullable<HarEntry['request']['postData']>): HarNameValue[] {
  if (typeof postData.text === 'string' && postData.text.length <= MAX_BODY) return parseUrlEncoded(postData.text);
  // Firefox may keep only decoded params; Chrome keeps them URL-encoded (then a value holds '%').
  return (postData.params ?? []).map((p) => {
    const value = p.value ?? '';
    return { name: p.name, value: /%[0-9A-Fa-f]{2}/.test(value) ? parseUrlEncoded(`x=${value}`)[0]!.value : value };
  });
}

/**
 * The token endpoint's JSON answer, when the browser made the call and the body was captured; when the endpoint
 * refused the call and no OAuth error can be read, an error that says so (the status alone tells the call failed).
 */
function tokenAnswer(entry: HarEntry): OidcField | null {
  const content = entry.response?.content;
  const text = typeof content?.text === 'string' && content.text.length <= MAX_BODY ? (content.encoding === 'base64' ? fromBase64(content.text) : content.text) : undefined;
  const json = text ? parseJsonObject(text) : null;
  if (json) {
    const fields: HarNameValue[] = [];
    for (const [name, value] of Object.entries(json)) {
      fields.push({ name, value: typeof value === 'string' ? value : JSON.stringify(value) });
    }
    if (typeof json.error === 'string') return { kind: 'ErrorResponse', carrier: 'json', params: fields };
    if (typeof json.id_token === 'string' || typeof json.access_token === 'string') return { kind: 'TokenResponse', carrier: 'json', params: fields };
  }
  const status = entry.response?.status;
  if (typeof status === 'number' && status >= 400) return { kind: 'ErrorResponse', carrier: 'json', params: [], bodyMissing: text ? 'not-oauth' : 'absent' };
  return null;
}

/** Some HAR writers keep even JSON answers as base64 (`content.encoding`). */
function fromBase64(text: string): string | undefined {
  try {
    const bytes = Uint8Array.from(atob(text.replace(/\s+/g, '')), (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

export function parseJsonObject(text: string): Record<string, unknown> | null {
  const t = text.trimStart();
  if (!t.startsWith('{')) return null;
  try {
    const v: unknown = JSON.parse(t);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * Fragment responses (implicit and hybrid flows, OAuth 2.0 Multiple Response Types §2) never reach a server: the
 * provider's redirect is the only exchange that shows them, in its Location header.
 */
function fromLocation(entry: HarEntry, found: OidcField[] | null): OidcField[] | null {
  const location = entry.response.redirectURL || locationHeader(entry.response.headers);
  if (!location || !location.includes('#')) return found;
  const { base, fragment } = splitUrl(location);
  if (!fragment || !paramHint(fragment, -1, fragment.length, false)) return found;
  const fields = parseUrlEncoded(fragment);
  const kind = classify(fields);
  if (kind === 'AuthorizationResponse' || kind === 'ErrorResponse') return push(found, { kind, carrier: 'fragment', params: fields, target: absolute(base, entry.request.url) });
  return found;
}

function locationHeader(headers: HarNameValue[] | undefined): string | undefined {
  if (!headers) return undefined;
  for (const h of headers) if (h.name.length === 8 && h.name.toLowerCase() === 'location') return h.value;
  return undefined;
}

function absolute(target: string, from: string): string {
  try {
    return new URL(target, from).href;
  } catch {
    return target;
  }
}
