import { OIDC_SPEC } from './support/docs-links';
import type { Fix, RuleContext } from './types';
import type { OidcMessage } from '../oidc/types';
import { defineRule } from './define-rule';
import { quote } from './support/oidc-message';

const FIX: Fix = {
  generic:
    'The application must send the state it stored for this sign-in and compare it on return. A mismatch usually means the sign-in was started twice (two tabs, a back button, a bookmark of the provider page) or the application lost its session cookie between the request and the callback (SameSite, cookie domain, a load balancer without sticky sessions). Start the sign-in again from the application.',
};

export default defineRule<'oidc'>({
  protocols: ['oidc'],
  id: 'oidc-state-mismatch',
  severity: 'error',
  title: 'The response state does not match the request',
  description:
    "The state in the authorization response differs from the one the application sent, or is missing although one was sent (RFC 6749 §4.1.2, §10.12). The application rejects such a response as possible cross-site request forgery.",
  docs: OIDC_SPEC.oauthState,
  fix: FIX,
  appliesTo: ['AuthorizationResponse', 'ErrorResponse'],
  check({ message, request }: RuleContext<OidcMessage>) {
    if (message.carrier === 'html' || message.carrier === 'json') return [];
    const sent = request?.authorization?.state;
    if (sent === undefined) return [];
    const got = message.response ? message.response.state : message.error?.state;
    if (got === sent) return [];
    return [
      {
        message:
          got === undefined
            ? `The request sent state ${quote(sent, 80)} but the response came back without one: the application cannot tell it answers its own sign-in.`
            : `The response's state ${quote(got, 80)} is not the ${quote(sent, 80)} the request sent: the application will reject the response (cross-site request forgery protection).`,
        evidence: { path: `${message.carrier}/state`, value: got ?? '(missing)', expected: sent },
        fix: FIX,
      },
    ];
  },
});
