import { profileById } from './index';
import type { ProfileId } from './types';

/**
 * A profile's name as a flow of this protocol is told it: the generic profile judges any SAML SP or any OpenID
 * Connect app, and an admin reading "Generic SAML SP" on an OIDC sign-in would think the wrong protocol was read.
 */
export function profileLabel(id: ProfileId, protocol: string): string {
  if (id === 'generic' && protocol === 'oidc') return 'Generic OpenID Connect app';
  return profileById(id)?.label ?? id;
}

/** What a profile's `judges` switch covers, in the protocol's words: SAML attributes are OIDC claims. */
export function judgedWords(judges: string, protocol: string): string {
  return protocol === 'oidc' && judges === 'attributes' ? 'claims' : judges;
}
