// Subpath imports keep the rest of jose (crypto, JWE) out of the panel's first load.
import { decodeProtectedHeader } from 'jose/decode/protected_header';
import { decodeJwt } from 'jose/jwt/decode';
import type { DecodedJwt } from './types';

/** Larger than any real token (Entra caps groups at 200); past it the value is shown, not decoded. */
const MAX_JWT_CHARS = 64 * 1024;

/**
 * Read a JWT's header and claims without checking its signature: what it says, for diagnosis. Never throws;
 * a value that is not a readable JWS says why in `problem`.
 */
export function readJwt(raw: string): DecodedJwt {
  const token = raw.trim();
  if (token.length > MAX_JWT_CHARS) return { raw, problem: `${token.length} characters, over the ${MAX_JWT_CHARS} read` };
  const parts = token.split('.');
  if (parts.length === 5) {
    // A JWE (RFC 7516): only the provider's encryption key opens it (Entra token encryption, for example).
    return { raw, header: headerOf(token), problem: 'encrypted (JWE): its claims are readable only with the decryption key' };
  }
  if (parts.length !== 3) return { raw, problem: 'not a JWT: an opaque token (only its issuer can read it)' };
  let payload: Record<string, unknown>;
  try {
    payload = decodeJwt(token) as Record<string, unknown>;
  } catch (e) {
    return { raw, ...withHeader(token), problem: `not a readable JWT (${(e as Error).message})` };
  }
  return { raw, ...withHeader(token), payload };
}

function withHeader(token: string): { header?: Record<string, unknown> } {
  const header = headerOf(token);
  return header ? { header } : {};
}

function headerOf(token: string): Record<string, unknown> | undefined {
  try {
    return decodeProtectedHeader(token) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/** A claim read as a string list: `aud` and `groups` may be one string or an array. */
export function claimList(payload: Record<string, unknown> | undefined, name: string): string[] {
  const v = payload?.[name];
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return [];
}

/** A NumericDate claim (RFC 7519 §2) in ms since the epoch, or undefined when absent or not a number. */
export function claimTime(payload: Record<string, unknown> | undefined, name: string): number | undefined {
  const v = payload?.[name];
  return typeof v === 'number' && Number.isFinite(v) ? v * 1000 : undefined;
}
