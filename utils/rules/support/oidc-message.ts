// What OIDC rules read from a message, in one place.
import type { DecodedJwt, OidcMessage } from '../../oidc/types';

/** The ID token a message carries (an authorization response's or a token response's), and where, for evidence. */
export function idTokenOf(message: OidcMessage): { token: DecodedJwt; path: string } | undefined {
  if (message.response?.idToken) return { token: message.response.idToken, path: `${message.carrier}/id_token` };
  if (message.tokens?.idToken) return { token: message.tokens.idToken, path: 'token response/id_token' };
  return undefined;
}

/** Quote a captured value in a finding without letting a huge or multi-line one take over the message. */
export function quote(value: string, max = 200): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  return `"${flat.length > max ? `${flat.slice(0, max)}…` : flat}"`;
}
