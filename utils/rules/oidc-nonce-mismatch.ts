import { OIDC_SPEC } from './support/docs-links';
import type { Fix, RuleContext } from './types';
import type { OidcMessage } from '../oidc/types';
import { defineRule } from './define-rule';
import { idTokenOf, quote } from './support/oidc-message';

const FIX: Fix = {
  generic:
    "The application must send a fresh nonce with each authorization request and keep it until the ID token arrives. A different nonce means the token answers another sign-in (a second tab, a replayed or cached token) or the application lost the nonce it stored (its session cookie). Start the sign-in again; if it repeats, check the application's session storage.",
};

export default defineRule<'oidc'>({
  protocols: ['oidc'],
  id: 'oidc-nonce-mismatch',
  severity: 'error',
  title: "The ID token's nonce does not match the request",
  description:
    "The nonce claim of the ID token differs from the nonce the application sent, or is missing although one was sent (OIDC Core §3.1.3.7, §15.5.2). The application must reject the token as a possible replay. Also reported when an implicit or hybrid request sent no nonce, which OIDC Core §3.2.2.1 requires.",
  docs: OIDC_SPEC.coreNonce,
  fix: FIX,
  appliesTo: ['AuthorizationResponse', 'TokenResponse'],
  check({ message, request }: RuleContext<OidcMessage>) {
    const id = idTokenOf(message);
    const a = request?.authorization;
    if (!id?.token?.payload || !a) return [];
    const sent = a.nonce;
    const got = id.token.payload.nonce;
    if (sent === undefined) {
      // Implicit and hybrid flows deliver the ID token through the browser: the nonce is their only replay defence.
      if (message.kind === 'AuthorizationResponse' && /\bid_token\b/.test(a.responseType)) {
        return [
          {
            message: `The request asked for an ID token from the authorization endpoint (response_type "${a.responseType}") without a nonce, which OpenID Connect requires for this flow.`,
            evidence: { path: 'AuthorizationRequest/nonce', value: '(missing)' },
            fix: { generic: 'Send a fresh random nonce with every authorization request that asks for an id_token, and check it in the token.' },
          },
        ];
      }
      return [];
    }
    if (got === sent) return [];
    return [
      {
        message:
          got === undefined
            ? `The request sent nonce ${quote(sent, 80)} but the ID token has no nonce claim: the application must reject it.`
            : `The ID token's nonce ${quote(String(got), 80)} is not the ${quote(sent, 80)} the request sent: the token answers another sign-in, and the application must reject it.`,
        evidence: { path: `${id.path}/nonce`, value: got === undefined ? '(missing)' : String(got), expected: sent },
        fix: FIX,
      },
    ];
  },
});
