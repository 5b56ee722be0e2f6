import type { Message } from '../protocols/types';
import type { DecodedJwt } from './types';

/** The ID token an OIDC message carries: an authorization response's or a token response's. */
export function idTokenIn(m: Message): DecodedJwt | undefined {
  return m.protocol === 'oidc' ? (m.response?.idToken ?? m.tokens?.idToken) : undefined;
}

/** Cheap, for the enrich step's `wanted`: does the message carry an ID token to check? */
export function hasIdToken(m: Message): boolean {
  return !!idTokenIn(m)?.raw;
}
