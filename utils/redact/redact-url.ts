import type { RedactContext } from './context';
import { isWholeJwt } from './find-jwts';
import { REDACTED_BASE64 } from './placeholders';
import { redactJwt } from './redact-jwt';
import { redactSamlValue } from './redact-saml';
import { redactEmails, redactText, replaceToken } from './redact-text';
import { isKeptName, isTokenName, looksLikeToken } from './secret-names';

/** URLs nest (a `redirect_uri` holding a `RelayState` holding a return URL); deeper ones are treated as text. */
const MAX_NESTING = 4;

export function isUrlLike(value: string): boolean {
  if (value.charCodeAt(0) === 0x2f) return true;
  const head = value.slice(0, 8).toLowerCase();
  return head.startsWith('https://') || head.startsWith('http://');
}

export function formDecode(s: string): string {
  if (!s.includes('%') && !s.includes('+')) return s;
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

type Carrier = 'query' | 'fragment' | 'form';

/** RelayState is the SP's own: kept when it is a URL or a word, replaced (same length) when it looks like a token. */
function redactRelayState(value: string, ctx: RedactContext, depth: number): string {
  if (!value || ctx.p.isPlaceholder(value)) return value;
  if (isUrlLike(value)) return redactUrl(value, ctx, depth + 1);
  if (isWholeJwt(value)) return redactJwt(value, ctx);
  if (looksLikeToken(value, 8)) return ctx.p.for(value, 'relaystate', 'token', value.length);
  return redactText(value, ctx);
}

/** One decoded parameter value, redacted by what its name says it holds. */
export function redactParam(name: string, value: string, carrier: Carrier, ctx: RedactContext, depth = 0): string {
  if (name === 'SAMLRequest' || name === 'SAMLResponse') return redactSamlValue(value, carrier === 'form' ? 'post' : 'redirect', ctx);
  if (name === 'Signature') {
    if (!value) return value;
    ctx.p.count('signature');
    return REDACTED_BASE64;
  }
  if (name.toLowerCase() === 'relaystate') return redactRelayState(value, ctx, depth);
  if (isKeptName(name)) return isUrlLike(value) ? redactUrl(value, ctx, depth + 1) : redactText(value, ctx);
  if (isTokenName(name)) return replaceToken(value, ctx);
  if (!value) return value;
  if (isUrlLike(value)) return redactUrl(value, ctx, depth + 1);
  // A form may hold anything (a login form's user name); a query parameter of unknown name keeps its value
  // unless it looks like a credential.
  if (carrier === 'form') return ctx.p.isPlaceholder(value) ? value : ctx.p.for(value, 'value', 'form-field');
  if (looksLikeToken(value)) return replaceToken(value, ctx);
  return redactText(value, ctx);
}

/** `a=1&b=2` rewritten pair by pair: a value that needs no change keeps its exact encoding. */
export function redactParams(text: string, carrier: Carrier, ctx: RedactContext, depth = 0): string {
  return text
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq < 0) return redactText(pair, ctx);
      const rawName = pair.slice(0, eq);
      const name = formDecode(rawName);
      // A raw '+' is a space once decoded, but links leave it raw in addresses (jane+sso@corp.example): a URL's
      // values are searched for e-mails as written first (browsers encode it in forms).
      const raw = carrier === 'form' || name === 'SAMLRequest' || name === 'SAMLResponse' ? pair.slice(eq + 1) : redactEmails(pair.slice(eq + 1), ctx);
      const value = formDecode(raw);
      const next = redactParam(name, value, carrier, ctx, depth);
      return `${redactText(rawName, ctx)}=${next === value ? raw : encodeURIComponent(next)}`;
    })
    .join('&');
}

/** A fragment carries parameters in implicit and hybrid OAuth flows (`#id_token=…&state=…`), or a SPA route. */
function redactFragment(fragment: string, ctx: RedactContext, depth: number): string {
  const q = fragment.indexOf('?');
  if (q >= 0) return `${redactText(fragment.slice(0, q), ctx)}?${redactParams(fragment.slice(q + 1), 'fragment', ctx, depth)}`;
  if (fragment.includes('=')) return redactParams(fragment, 'fragment', ctx, depth);
  return redactText(fragment, ctx);
}

/**
 * A URL (or a path with a query, as in HTTP/2's `:path`): SAML messages decoded, redacted and re-encoded,
 * token parameters replaced in the query and the fragment, e-mails and JWTs replaced anywhere; the rest keeps
 * its exact form.
 */
export function redactUrl(url: string, ctx: RedactContext, depth = 0): string {
  if (depth > MAX_NESTING) return redactText(url, ctx);
  // An address written `&#64;` or `&#x40;` spans the '#' that would otherwise start the fragment.
  if (url.includes('&#')) url = redactEmails(url, ctx);
  const hash = url.indexOf('#');
  const end = hash < 0 ? url.length : hash;
  const q = url.indexOf('?');
  const query = q >= 0 && q < end ? q : -1;
  const base = url.slice(0, query >= 0 ? query : end);
  let out: string | undefined;
  // `https://user:password@host/`: the user information is a credential.
  const scheme = base.indexOf('://');
  if (scheme > 0) {
    const hostEnd = base.indexOf('/', scheme + 3);
    const at = base.lastIndexOf('@', hostEnd < 0 ? base.length : hostEnd);
    if (at > scheme + 3) out = `${base.slice(0, scheme + 3)}${ctx.p.for(base.slice(scheme + 3, at), 'token', 'token')}@${redactText(base.slice(at + 1), ctx)}`;
  }
  out ??= redactText(base, ctx);
  if (query >= 0) out += `?${redactParams(url.slice(query + 1, end), 'query', ctx, depth)}`;
  if (hash >= 0) out += `#${redactFragment(url.slice(hash + 1), ctx, depth)}`;
  return out;
}
