import type { HarEntry, HarNameValue } from '../har/types';
import { parseUrlEncoded } from '../saml/detect';
import type { OidcCarrier, OidcKind } from './types';

/** One OIDC message an exchange carries, by parameter names and endpoint shape only: nothing decoded yet. */
export interface OidcField {
  kind: OidcKind;
  carrier: OidcCarrier;
  params: HarNameValue[];
  /** For responses: where they land (the redirect URI), without query or fragment. */
  target?: string;
}

// A name=value pair that only OAuth/OIDC traffic carries in a URL. One regex over the URL is the whole cost
// for everyday traffic (the bench holds detect under 10 ms for 10,000 entries with SAML's).
const URL_HINT = /[?&#](?:client_id|code|id_token|access_token|error|id_token_hint|post_logout_redirect_uri)=/;
const BODY_HINT = /(?:^|&)(?:client_id|code|id_token|access_token|error|grant_type)=/;
const DISCOVERY = '/.well-known/openid-configuration';
const END_SESSION_PATH = /\/(?:end_?session|end-session)(?:$|[/?#])/i;
const MAX_BODY = 256 * 1024;

/** Is this exchange OpenID Connect (or OAuth 2.0 around it)? By endpoint shape and parameter names, never by host. */
export function detectOidc(entry: HarEntry): OidcField[] | null {
  const { url, method, postData } = entry.request;
  const found: OidcField[] = [];

  if (URL_HINT.test(url) || url.includes(DISCOVERY) || END_SESSION_PATH.test(url)) fromUrl(url, found);

  const text = postData?.text;
  const params = postData?.params;
  if (method === 'POST' && ((typeof text === 'string' && text.length <= MAX_BODY && BODY_HINT.test(text)) || params?.some(isHintName))) {
    fromBody(entry, found);
  }

  const status = entry.response?.status;
  if (status >= 300 && status < 400) fromLocation(entry, found);

  return found.length ? found : null;
}

function isHintName(p: { name: string }): boolean {
  return p.name === 'client_id' || p.name === 'code' || p.name === 'id_token' || p.name === 'access_token' || p.name === 'error' || p.name === 'grant_type';
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

function fromUrl(url: string, found: OidcField[]): void {
  const { base, query } = splitUrl(url);
  if (base.endsWith(DISCOVERY)) {
    found.push({ kind: 'Discovery', carrier: 'json', params: [] });
    return;
  }
  const fields = query ? parseUrlEncoded(query) : [];
  if (has(fields, 'id_token_hint') || has(fields, 'post_logout_redirect_uri') || END_SESSION_PATH.test(base)) {
    found.push({ kind: 'EndSession', carrier: 'query', params: fields });
    return;
  }
  const kind = classify(fields);
  // A token call's parameters belong in its body; one in a URL is read from the body side or not at all.
  if (kind && kind !== 'TokenRequest') found.push({ kind, carrier: 'query', params: fields, ...(kind === 'AuthorizationRequest' ? {} : { target: base }) });
}

function fromBody(entry: HarEntry, found: OidcField[]): void {
  const { url, postData } = entry.request;
  const fields = bodyFields(postData!);
  const kind = classify(fields);
  if (!kind) return;
  const { base } = splitUrl(url);
  // The authorization request may be POSTed (OIDC Core §3.1.2.1); responses POSTed are response_mode=form_post.
  if (kind === 'AuthorizationRequest') found.push({ kind, carrier: 'form_post', params: fields });
  else if (kind === 'TokenRequest') {
    found.push({ kind, carrier: 'form_post', params: fields });
    const answer = tokenAnswer(entry);
    if (answer) found.push(answer);
  } else found.push({ kind, carrier: 'form_post', params: fields, target: base });
}

function bodyFields(postData: NonNullable<HarEntry['request']['postData']>): HarNameValue[] {
  if (typeof postData.text === 'string' && postData.text.length <= MAX_BODY) return parseUrlEncoded(postData.text);
  // Firefox may keep only decoded params; Chrome keeps them URL-encoded (then a value holds '%').
  return (postData.params ?? []).map((p) => {
    const value = p.value ?? '';
    return { name: p.name, value: /%[0-9A-Fa-f]{2}/.test(value) ? parseUrlEncoded(`x=${value}`)[0]!.value : value };
  });
}

/** The token endpoint's JSON answer, when the browser made the call and the body was captured. */
function tokenAnswer(entry: HarEntry): OidcField | null {
  const text = entry.response?.content?.text;
  if (typeof text !== 'string' || text.length > MAX_BODY || entry.response.content?.encoding === 'base64') return null;
  const json = parseJsonObject(text);
  if (!json) return null;
  const fields: HarNameValue[] = [];
  for (const [name, value] of Object.entries(json)) {
    fields.push({ name, value: typeof value === 'string' ? value : JSON.stringify(value) });
  }
  if (typeof json.error === 'string') return { kind: 'ErrorResponse', carrier: 'json', params: fields };
  if (typeof json.id_token === 'string' || typeof json.access_token === 'string') return { kind: 'TokenResponse', carrier: 'json', params: fields };
  return null;
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
function fromLocation(entry: HarEntry, found: OidcField[]): void {
  const location = entry.response.redirectURL || entry.response.headers?.find((h) => h.name.toLowerCase() === 'location')?.value;
  if (!location || !location.includes('#')) return;
  const { base, fragment } = splitUrl(location);
  if (!fragment || !URL_HINT.test(`#${fragment}`)) return;
  const fields = parseUrlEncoded(fragment);
  const kind = classify(fields);
  if (kind === 'AuthorizationResponse' || kind === 'ErrorResponse') found.push({ kind, carrier: 'fragment', params: fields, target: absolute(base, entry.request.url) });
}

function absolute(target: string, from: string): string {
  try {
    return new URL(target, from).href;
  } catch {
    return target;
  }
}
