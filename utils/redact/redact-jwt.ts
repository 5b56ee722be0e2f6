import type { RedactContext } from './context';
import { REDACTED_BASE64 } from './placeholders';
import { redactJson } from './redact-json';

// A JWT keeps its header (alg, kid, typ) and claim names, times, issuer and audience, so OIDC analysis reads
// the redacted token as it read the original; personal claims go, and the signature and any encrypted part
// become filler of the same length (an 80-byte RelayState limit, or a header size, still judge the same).

const FILLER = 'UkVEQUNURUQ'; // "REDACTED", base64url without padding

function filler(length: number): string {
  if (length <= 0) return '';
  return FILLER.repeat(Math.ceil(length / FILLER.length)).slice(0, length);
}

function fromBase64Url(s: string): string | undefined {
  try {
    const b64 = s.replace(/-/g, '+').replace(/_/g, '/');
    const binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function parseObject(segment: string): Record<string, unknown> | undefined {
  const text = fromBase64Url(segment);
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The header as sent, but for certificate chains (`x5c`), which identify a key holder. */
function redactHeader(header: Record<string, unknown>, ctx: RedactContext): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(header)) {
    if (k === 'x5c' && Array.isArray(v)) {
      ctx.p.count('certificate', v.length);
      out[k] = v.map(() => REDACTED_BASE64);
    } else out[k] = typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : redactJson(v, k, ctx, 1);
  }
  return out;
}

export function redactJwt(jwt: string, ctx: RedactContext): string {
  const known = ctx.jwts.get(jwt);
  if (known !== undefined) return known;
  const segments = jwt.split('.');
  const header = parseObject(segments[0]!);
  let out: string;
  if (!header) {
    out = ctx.p.for(jwt, 'token', 'token');
  } else {
    ctx.p.count('jwt');
    const head = toBase64Url(JSON.stringify(redactHeader(header, ctx)));
    if (segments.length === 5 || typeof header.enc === 'string') {
      // JWE: the encrypted key, IV, ciphertext and tag hold or protect the claims.
      out = [head, ...segments.slice(1).map((s) => filler(s.length))].join('.');
    } else {
      const claims = parseObject(segments[1] ?? '');
      const body = claims ? toBase64Url(JSON.stringify(redactJson(claims, undefined, ctx, 0))) : filler((segments[1] ?? '').length);
      out = [head, body, ...segments.slice(2).map((s) => filler(s.length))].join('.');
    }
  }
  ctx.jwts.set(jwt, out);
  ctx.jwts.set(out, out);
  ctx.p.keep(out);
  return out;
}
