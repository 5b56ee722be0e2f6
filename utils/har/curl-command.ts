import type { HarEntry } from './types';

/** Headers that carry a session or a credential: left out unless the user asks for them. */
const CREDENTIAL_HEADERS = new Set(['cookie', 'authorization', 'proxy-authorization', 'x-csrf-token', 'x-xsrf-token', 'x-api-key']);
/** Headers curl writes itself (or HTTP/2 pseudo-headers, which curl refuses as names). */
const CURL_OWN = new Set(['content-length', 'host', 'connection', 'accept-encoding']);

export interface CurlOptions {
  /** Include cookies and credential headers (off unless the user chooses: a copied command is easily pasted on). */
  credentials?: boolean;
}

/** POSIX shell single quotes: everything literal, a quote written as '\''. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** The request body as sent: the text, or the form params joined back (Chrome keeps them encoded, Firefox not). */
function bodyOf(entry: HarEntry): string | undefined {
  const post = entry.request.postData;
  if (!post) return undefined;
  if (typeof post.text === 'string') return post.text;
  if (!post.params?.length) return undefined;
  const encode = (v: string) => (/%[0-9A-Fa-f]{2}/.test(v) ? v : encodeURIComponent(v));
  return post.params.map((p) => `${encode(p.name)}=${encode(p.value ?? '')}`).join('&');
}

/**
 * The exchange's request as a `curl` command, for replaying it against the service from a terminal. Cookies and
 * credential headers are replaced by a note unless `credentials` is set; the count of left-out headers is given.
 */
export function curlCommand(entry: HarEntry, options: CurlOptions = {}): { command: string; omitted: number } {
  const { request } = entry;
  const parts = ['curl', shellQuote(request.url)];
  const body = bodyOf(entry);
  const method = typeof request.method === 'string' && request.method ? request.method.toUpperCase() : 'GET';
  if (method !== (body === undefined ? 'GET' : 'POST')) parts.push('-X', shellQuote(method));
  let omitted = 0;
  for (const h of request.headers ?? []) {
    if (typeof h?.name !== 'string' || !h.name || h.name.startsWith(':')) continue;
    const name = h.name.toLowerCase();
    if (CURL_OWN.has(name)) continue;
    if (CREDENTIAL_HEADERS.has(name) && !options.credentials) {
      omitted++;
      continue;
    }
    parts.push('-H', shellQuote(`${h.name}: ${h.value ?? ''}`));
  }
  // HAR's cookie list holds what a Cookie header would: only used when no header carries them.
  const cookies = request.cookies ?? [];
  const hasCookieHeader = (request.headers ?? []).some((h) => h?.name?.toLowerCase() === 'cookie');
  if (cookies.length && !hasCookieHeader) {
    if (options.credentials) parts.push('-b', shellQuote(cookies.map((c) => `${c.name}=${c.value}`).join('; ')));
    else omitted++;
  }
  if (body !== undefined) parts.push('--data-raw', shellQuote(body));
  return { command: parts.join(' '), omitted };
}
