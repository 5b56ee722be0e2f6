import type { HarNameValue } from '../har/types';
import type { RedactContext } from './context';
import { isWholeJwt } from './find-jwts';
import { redactJwt } from './redact-jwt';
import { redactText, replaceToken } from './redact-text';
import { isUrlLike, redactUrl } from './redact-url';
import { isCorrelationHeader, isCredentialHeader, looksLikeToken } from './secret-names';

/** `Cookie: a=1; b=2`: names kept (support asks "was the session cookie sent?"), values replaced. */
function redactCookieHeader(value: string, ctx: RedactContext): string {
  return value
    .split(';')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq < 0) return pair.trim() ? replaceToken(pair, ctx, 'cookie') : pair;
      return `${pair.slice(0, eq)}=${replaceToken(pair.slice(eq + 1), ctx, 'cookie')}`;
    })
    .join(';');
}

/** `Set-Cookie: sid=…; Path=/; Secure; SameSite=None`: the value goes, the attributes stay (SameSite breaks SSO). */
function redactSetCookie(value: string, ctx: RedactContext): string {
  // Several cookies in one value (Firefox joins them with new lines).
  return value
    .split('\n')
    .map((line) => {
      const semi = line.indexOf(';');
      const first = semi < 0 ? line : line.slice(0, semi);
      const eq = first.indexOf('=');
      const cookie = eq < 0 ? replaceToken(first, ctx, 'cookie') : `${first.slice(0, eq)}=${replaceToken(first.slice(eq + 1), ctx, 'cookie')}`;
      return semi < 0 ? cookie : cookie + redactText(line.slice(semi), ctx);
    })
    .join('\n');
}

/** `Bearer eyJ…`, `Basic …`, `Negotiate …`: the scheme is kept, the credential replaced. */
function redactCredential(value: string, ctx: RedactContext): string {
  const space = value.indexOf(' ');
  const scheme = space > 0 && space <= 20 && /^[A-Za-z][\w-]*$/.test(value.slice(0, space)) ? value.slice(0, space) : '';
  const credential = scheme ? value.slice(space + 1).trim() : value.trim();
  if (!credential) return value;
  const next = isWholeJwt(credential) ? redactJwt(credential, ctx) : ctx.p.isPlaceholder(credential) ? credential : ctx.p.for(credential, 'token', 'credential-header');
  return scheme ? `${scheme} ${next}` : next;
}

/** `Link: <https://…>; rel=next, <…>` */
function redactLink(value: string, ctx: RedactContext): string {
  let out = '';
  let i = 0;
  for (;;) {
    const open = value.indexOf('<', i);
    const close = open < 0 ? -1 : value.indexOf('>', open);
    if (close < 0) return out + redactText(value.slice(i), ctx);
    out += `${redactText(value.slice(i, open), ctx)}<${redactUrl(value.slice(open + 1, close), ctx)}>`;
    i = close + 1;
  }
}

/** `Refresh: 0; url=https://…` */
function redactRefresh(value: string, ctx: RedactContext): string {
  const at = value.toLowerCase().indexOf('url=');
  if (at < 0) return redactText(value, ctx);
  return redactText(value.slice(0, at + 4), ctx) + redactUrl(value.slice(at + 4), ctx);
}

const URL_HEADERS = new Set(['location', 'referer', 'origin', 'content-location', ':path', 'x-original-url', 'x-rewrite-url', 'x-forwarded-uri']);

export function redactHeaderValue(name: string, value: string, ctx: RedactContext): string {
  const n = name.toLowerCase();
  if (n === 'cookie') return redactCookieHeader(value, ctx);
  if (n === 'set-cookie') return redactSetCookie(value, ctx);
  if (n === 'www-authenticate' || n === 'proxy-authenticate') {
    // A challenge is mostly parameters (realm, error); a bare blob after the scheme is a Negotiate token.
    return value.includes('=') ? redactText(value, ctx) : redactCredential(value, ctx);
  }
  if (isCredentialHeader(n)) return redactCredential(value, ctx);
  if (URL_HEADERS.has(n)) return redactUrl(value, ctx);
  if (n === 'link') return redactLink(value, ctx);
  if (n === 'refresh') return redactRefresh(value, ctx);
  if (isUrlLike(value)) return redactUrl(value, ctx);
  if (!isCorrelationHeader(n) && looksLikeToken(value.trim())) return replaceToken(value.trim(), ctx);
  return redactText(value, ctx);
}

export function redactHeaders(headers: unknown, ctx: RedactContext): HarNameValue[] {
  if (!Array.isArray(headers)) return [];
  return headers.flatMap((h: unknown) => {
    if (!h || typeof h !== 'object') return [];
    const { name, value } = h as { name?: unknown; value?: unknown };
    if (typeof name !== 'string') return [];
    return [{ name: redactText(name, ctx), value: typeof value === 'string' ? redactHeaderValue(name, value, ctx) : '' }];
  });
}

/** HAR `cookies` arrays: the value goes; name, path, domain, expiry and flags stay. */
export function redactCookies(cookies: unknown, ctx: RedactContext): Array<HarNameValue & Record<string, unknown>> {
  if (!Array.isArray(cookies)) return [];
  return cookies.flatMap((c: unknown) => {
    if (!c || typeof c !== 'object') return [];
    const cookie = c as Record<string, unknown>;
    const out: HarNameValue & Record<string, unknown> = { name: typeof cookie.name === 'string' ? redactText(cookie.name, ctx) : '', value: typeof cookie.value === 'string' ? replaceToken(cookie.value, ctx, 'cookie') : '' };
    for (const key of ['path', 'domain', 'expires', 'httpOnly', 'secure', 'sameSite']) {
      const v = cookie[key];
      if (typeof v === 'string') out[key] = redactText(v, ctx);
      else if (typeof v === 'boolean' || typeof v === 'number') out[key] = v;
    }
    return [out];
  });
}
