import type { RedactContext } from './context';
import { replaceEmails } from './find-emails';
import { findJwts, isWholeJwt } from './find-jwts';
import { PLACEHOLDER_DOMAIN, type RedactionKind } from './placeholders';
import { redactJwt } from './redact-jwt';
import { isTokenName } from './secret-names';

/**
 * A secret value known by where it sits (a `code` parameter, a cookie, a password field): a JWT keeps its
 * structure with its claims redacted, anything else becomes a stable placeholder.
 */
export function replaceToken(value: string, ctx: RedactContext, kind: RedactionKind = 'token'): string {
  if (!value || ctx.p.isPlaceholder(value)) return value;
  if (isWholeJwt(value)) return redactJwt(value, ctx);
  return ctx.p.for(value, kind === 'cookie' ? 'cookie' : 'token', kind);
}

const isNameChar = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x2d || c === 0x2e;
// & # space tab CR LF " ' < > ; , ) \
const isValueEnd = (c: number) => c === 0x26 || c === 0x23 || c <= 0x20 || c === 0x22 || c === 0x27 || c === 0x3c || c === 0x3e || c === 0x3b || c === 0x2c || c === 0x29 || c === 0x5c;

/** `code=…`, `access_token=…`, `password=…` in free text (a Refresh header, a multipart part, a page title). */
function redactSecretPairs(text: string, ctx: RedactContext): string {
  let i = text.indexOf('=');
  if (i < 0) return text;
  let out = '';
  let last = 0;
  let bound = 0;
  const n = text.length;
  for (; i >= 0; i = text.indexOf('=', i + 1)) {
    let s = i;
    while (s > bound && isNameChar(text.charCodeAt(s - 1))) s--;
    bound = i + 1;
    if (s === i || !isTokenName(text.slice(s, i))) continue;
    let e = i + 1;
    while (e < n && !isValueEnd(text.charCodeAt(e))) e++;
    if (e === i + 1) continue;
    out += text.slice(last, i + 1) + replaceToken(text.slice(i + 1, e), ctx);
    last = e;
    bound = e;
    i = e - 1;
  }
  return last ? out + text.slice(last) : text;
}

/** Replaces JWTs, e-mail addresses and named secrets in any text; leaves everything else as written. */
export function redactText(text: string, ctx: RedactContext): string {
  if (!text) return text;
  let s = text;
  if (s.includes('eyJ')) {
    const jwts = findJwts(s);
    if (jwts.length) {
      let out = '';
      let last = 0;
      for (const j of jwts) {
        out += s.slice(last, j.start) + redactJwt(s.slice(j.start, j.end), ctx);
        last = j.end;
      }
      s = out + s.slice(last);
    }
  }
  return redactEmails(redactSecretPairs(s, ctx), ctx);
}

export function redactEmails(text: string, ctx: RedactContext): string {
  return replaceEmails(text, (f) => {
    ctx.p.count('email');
    return `${ctx.p.emailLocal(f.normalized)}${f.at}${PLACEHOLDER_DOMAIN}`;
  });
}
