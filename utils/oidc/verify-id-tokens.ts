// The enrich step for OpenID Connect: each ID token's signature checked against the keys the user gave (the
// provider's JWKS), with the same code as the panel's "check the signature". Loaded on demand.
import type { JSONWebKeySet } from 'jose';
import type { Message } from '../protocols/types';
import type { TrustMaterial } from '../trust/types';
import { idTokenIn } from './id-token-of';
import { readKeySource } from './key-source';
import { verifyJwtSignature } from './verify-jwt';

/** All keys of the given JWKS documents, as one set; documents without keys add none. */
export function keySetOf(documents: readonly string[]): JSONWebKeySet {
  return { keys: documents.flatMap((text) => readKeySource(text).jwks?.keys ?? []) };
}

export async function verifyIdTokens(messages: Message[], trust: TrustMaterial): Promise<void> {
  const jwks = keySetOf(trust.jwks ?? []);
  if (!jwks.keys.length) return;
  for (const m of messages) {
    const token = idTokenIn(m);
    if (!token?.raw) continue;
    // A top-level field, never a nested change: the read cache shares message internals between analyses.
    m.verification = { ...m.verification, idTokenSignature: await verifyJwtSignature(token.raw, jwks) };
  }
}
