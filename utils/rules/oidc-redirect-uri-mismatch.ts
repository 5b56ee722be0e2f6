import { sameTarget } from '../oidc/pair-flows';
import { ENTRA_APP_REG, OIDC_SPEC } from './support/docs-links';
import type { Fix, RuleContext } from './types';
import type { OidcMessage } from '../oidc/types';
import { defineRule } from './define-rule';

const FIX: Fix = {
  generic:
    "Make the application's redirect URI, the one registered at the provider, and the address the application listens on the same, character for character (scheme, host, port, path, trailing slash). Behind a proxy, the application must build the redirect URI from its public address.",
  entra: `Compare the redirect_uri the request sent with the list in ${ENTRA_APP_REG.authentication}; a redirect URI missing from that list fails earlier with AADSTS50011.`,
};

export default defineRule<'oidc'>({
  protocols: ['oidc'],
  id: 'oidc-redirect-uri-mismatch',
  severity: 'error',
  title: 'The response lands elsewhere than the redirect URI',
  description:
    "The authorization response was delivered to a different address than the request's redirect_uri, or the token request names another redirect_uri than the authorization request (RFC 6749 §4.1.3 requires them identical). The application's callback then never sees the response, or the provider refuses the code.",
  docs: OIDC_SPEC.oauthRedirectUri,
  fix: FIX,
  appliesTo: ['AuthorizationResponse', 'ErrorResponse', 'TokenRequest'],
  check({ message, request }: RuleContext<OidcMessage>) {
    const sent = request?.authorization?.redirectUri;
    if (!sent) return [];
    if (message.kind === 'TokenRequest') {
      const named = message.tokenRequest?.redirectUri;
      if (named === undefined || named === sent) return [];
      return [
        {
          message: `The token request names redirect_uri ${named}, but the authorization request used ${sent}: the provider refuses to redeem the code (invalid_grant).`,
          evidence: { path: 'TokenRequest/redirect_uri', value: named, expected: sent },
          fix: FIX,
        },
      ];
    }
    if (message.carrier === 'html' || message.carrier === 'json') return [];
    const landed = message.response?.redirectTarget ?? message.error?.redirectTarget;
    if (!landed || sameTarget(sent, landed)) return [];
    return [
      {
        message: `The request asked for the response at ${sent}, but it was delivered to ${landed}.`,
        evidence: { path: `${message.carrier} target`, value: landed, expected: sent },
        fix: FIX,
      },
    ];
  },
});
