import { defineRule } from './define-rule';
import { SPEC } from './support/docs-links';
import type { Fix } from './types';

/** SAML bindings §3.4.3 (Redirect) and §3.5.3 (POST): "MUST NOT exceed 80 bytes in length". */
const MAX_BYTES = 80;

const FIX: Fix = {
  generic:
    'Keep RelayState to an opaque reference of at most 80 bytes (a short key the SP maps to the return URL), not the return URL itself. The SP (or, for IdP-initiated sign-in, the RelayState configured in the IdP) sets it.',
};

export default defineRule({
  id: 'relaystate-too-long',
  severity: 'warning',
  title: 'RelayState longer than 80 bytes',
  description:
    'SAML bindings limit RelayState to 80 bytes. Longer values work with many IdPs but some truncate or reject them, and the user then lands on the wrong page or sees an error after sign-in.',
  docs: SPEC.bindings,
  fix: FIX,
  appliesTo: ['AuthnRequest', 'Response', 'LogoutRequest', 'LogoutResponse'],
  check({ message, request }) {
    const relay = message.relayState;
    if (relay === undefined) return [];
    const bytes = new TextEncoder().encode(relay).length;
    if (bytes <= MAX_BYTES) return [];
    // The IdP echoes the request's RelayState: report it once, on the message that introduced it.
    if (request && request !== message && request.relayState === relay) return [];
    return [
      {
        message: `RelayState is ${bytes} bytes long; SAML bindings allow at most ${MAX_BYTES} (§3.4.3, §3.5.3), and some IdPs truncate or reject longer values ("${relay.length > 60 ? `${relay.slice(0, 60)}…` : relay}").`,
        evidence: { path: 'RelayState', value: relay, bytes: String(bytes) },
        fix: FIX,
      },
    ];
  },
});
