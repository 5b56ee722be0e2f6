// Pasted or fetched text read as a provider's keys: a JWKS, a single JWK or a discovery document. No jose here:
// the command line reads its --jwks file with it at start-up.
import type { JSONWebKeySet } from 'jose';

/** What the pasted (or fetched) text turned out to be. */
export interface KeySource {
  /** The keys, from a JWKS document or a single JWK. */
  jwks?: JSONWebKeySet;
  /** From a discovery document (OpenID Connect Discovery §3): where the keys are published. */
  jwksUri?: string;
  /** From a discovery document: the issuer it describes, to compare with the token's `iss`. */
  issuer?: string;
  /** Why the text gives no keys. */
  problem?: string;
}

/** Keys documents are small (Entra's holds a handful of keys); larger pasted text is refused before parsing. */
const MAX_KEY_TEXT = 256 * 1024;

/** Reads pasted text as a JWKS, a single JWK or a discovery document. Never throws. */
export function readKeySource(text: string): KeySource {
  const trimmed = text.trim();
  if (!trimmed) return { problem: 'Paste the provider’s JWKS (its jwks_uri document) or its discovery document.' };
  if (trimmed.length > MAX_KEY_TEXT) return { problem: `${trimmed.length} characters: larger than any key set; paste the JWKS document itself.` };
  let doc: unknown;
  try {
    doc = JSON.parse(trimmed);
  } catch {
    return { problem: 'Not JSON: paste the JWKS document as the provider serves it (it starts with {"keys":[…).' };
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return { problem: 'Not a JSON object: a JWKS is {"keys":[…]}.' };
  const o = doc as Record<string, unknown>;
  if (Array.isArray(o.keys)) {
    const keys = o.keys.filter((k): k is Record<string, unknown> => !!k && typeof k === 'object' && typeof (k as { kty?: unknown }).kty === 'string');
    if (!keys.length) return { problem: 'The JWKS holds no key (no member with a "kty").' };
    return { jwks: { keys } as JSONWebKeySet };
  }
  if (typeof o.kty === 'string') return { jwks: { keys: [o] } as JSONWebKeySet };
  if (typeof o.jwks_uri === 'string') {
    const source: KeySource = { jwksUri: o.jwks_uri };
    if (typeof o.issuer === 'string') source.issuer = o.issuer;
    return source;
  }
  return { problem: 'Neither a JWKS ({"keys":[…]}), a JWK nor a discovery document (with "jwks_uri").' };
}
