// Checks a JWT's signature against the provider's published keys (a JWKS, RFC 7517 §5), on the user's request:
// the claims table shows what a token says; this says whether the provider's key signed it. Loaded on demand
// (dynamic import) so the panel's first load does not carry jose's verification code.
import type { JSONWebKeySet } from 'jose';
import * as errors from 'jose/errors';
import { createLocalJWKSet } from 'jose/jwks/local';
import { compactVerify } from 'jose/jws/compact/verify';

// Reading the key text needs no jose: it lives apart so that the command line can check a --jwks file cheaply.
export { readKeySource, type KeySource } from './key-source';

export type SignatureOutcome =
  /** One of the given keys verified the signature. */
  | 'valid'
  /** A key matched the token's kid/alg but the signature does not verify with it: altered or signed by another key. */
  | 'signature-mismatch'
  /** No given key matches the token's kid (and algorithm): another tenant's keys, or the provider rotated them. */
  | 'no-key'
  /** The token cannot be checked this way (alg none, an HMAC secret, an encrypted or unreadable token). */
  | 'unsupported';

export interface JwtSignatureCheck {
  outcome: SignatureOutcome;
  alg?: string;
  kid?: string;
  /** One sentence for the admin. */
  detail: string;
}

/** Asymmetric JWS algorithms a provider's published key can verify (RFC 7518 §3.1, RFC 8037). */
const PUBLIC_KEY_ALGS = /^(?:RS|PS|ES)(?:256|384|512)$|^ES256K$|^EdDSA$|^Ed25519$/;

/** Verifies the token's signature with the keys. Never throws; the claims (exp, aud, …) are the rules' business. */
export async function verifyJwtSignature(raw: string, jwks: JSONWebKeySet): Promise<JwtSignatureCheck> {
  const token = raw.trim();
  const parts = token.split('.');
  if (parts.length === 5) return { outcome: 'unsupported', detail: 'An encrypted token (JWE): its signature is inside, readable only with the decryption key.' };
  if (parts.length !== 3) return { outcome: 'unsupported', detail: 'Not a signed JWT (three dot-separated parts).' };
  let header: { alg?: unknown; kid?: unknown };
  try {
    header = JSON.parse(new TextDecoder().decode(base64UrlBytes(parts[0]!))) as { alg?: unknown; kid?: unknown };
  } catch {
    return { outcome: 'unsupported', detail: 'The token’s header is not readable JSON.' };
  }
  const claims = readClaims(parts[1]!);
  // Microsoft: "Only Microsoft Graph can validate such token" (its header carries a nonce that changes the signed bytes).
  if (claimList(claims.aud).some((aud) => GRAPH_AUDIENCES.has(aud))) {
    return { outcome: 'unsupported', detail: 'An access token for Microsoft Graph: only Graph can check its signature, and no app needs to.' };
  }
  const alg = typeof header.alg === 'string' ? header.alg : undefined;
  const kid = typeof header.kid === 'string' ? header.kid : undefined;
  const named = { ...(alg ? { alg } : {}), ...(kid ? { kid } : {}) };
  if (!alg || alg === 'none') return { outcome: 'unsupported', ...named, detail: 'The token is unsigned (alg "none"): nothing proves who issued it.' };
  if (!PUBLIC_KEY_ALGS.test(alg)) {
    return { outcome: 'unsupported', ...named, detail: `Signed with ${alg}, a shared secret (or an algorithm a public key cannot check): only the client and the provider can verify it.` };
  }
  try {
    await compactVerify(token, createLocalJWKSet(jwks), { algorithms: [alg] });
    return { outcome: 'valid', ...named, detail: `Signed by the provider’s key${kid ? ` ${kid}` : ''} (${alg}).` };
  } catch (e) {
    if (e instanceof errors.JWKSNoMatchingKey) {
      return {
        outcome: 'no-key',
        ...named,
        detail: `No key in the set ${kid ? `has kid "${kid}" for ${alg}` : `fits ${alg}`}: keys of another issuer or tenant, or the provider rotated its keys since.${isEntra(claims.iss) ? ENTRA_APP_KEYS : ''}`,
      };
    }
    if (e instanceof errors.JWKSMultipleMatchingKeys) {
      return { outcome: 'signature-mismatch', ...named, detail: `None of the keys that match ${kid ? `kid "${kid}"` : 'its algorithm'} verifies the signature.` };
    }
    if (e instanceof errors.JWSSignatureVerificationFailed) {
      return { outcome: 'signature-mismatch', ...named, detail: `The key${kid ? ` ${kid}` : ''} does not verify the signature: the token was altered, or signed by another key with the same id.` };
    }
    return { outcome: 'unsupported', ...named, detail: `Could not check the signature: ${(e as Error)?.message ?? String(e)}` };
  }
}

/** The aud values of Microsoft Graph access tokens (Microsoft's signature validation troubleshooting page). */
const GRAPH_AUDIENCES = new Set([
  'https://graph.microsoft.com',
  'https://graph.microsoft.com/',
  'https://graph.microsoft.us',
  'https://graph.microsoft.us/',
  'https://dod-graph.microsoft.us',
  'https://dod-graph.microsoft.us/',
  '00000003-0000-0000-c000-000000000000',
]);

const ENTRA_APP_KEYS =
  ' An Entra ID app with its own signing key (claims mapping) signs with the keys at the jwks_uri with ?appid=<application ID> added.';

const isEntra = (iss: unknown) => typeof iss === 'string' && /^https:\/\/(?:login\.microsoftonline\.(?:com|us)|sts\.windows\.net)\//.test(iss);

function readClaims(part: string): Record<string, unknown> {
  try {
    const claims: unknown = JSON.parse(new TextDecoder().decode(base64UrlBytes(part)));
    return claims && typeof claims === 'object' ? (claims as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const claimList = (v: unknown): string[] => (typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

function base64UrlBytes(text: string): Uint8Array {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}
