import { OIDC_SPEC } from './support/docs-links';
import type { Fix, RuleContext } from './types';
import type { OidcMessage } from '../oidc/types';
import { defineRule } from './define-rule';

const FIX: Fix = {
  generic:
    'Use the authorization-code flow with PKCE (response_type=code), or response_mode=form_post when the application needs the ID token at once: tokens then never sit in a URL, the browser history or a Referer header.',
  entra: 'Prefer MSAL with the authorization-code flow; clear "Access tokens" and "ID tokens" under Implicit grant and hybrid flows in Entra admin center > App registrations > your app > Authentication once nothing uses them.',
};

export default defineRule<'oidc'>({
  protocols: ['oidc'],
  id: 'oidc-token-in-url',
  severity: 'warning',
  title: 'Tokens travel in the URL',
  description:
    'The authorization response carries an access token or ID token in the query or fragment of a URL (the implicit or hybrid flow). URLs end up in browser history, logs and Referer headers; OAuth 2.0 Security Best Current Practice (RFC 9700 §2.1.2) advises against the implicit grant. A token in the query string is never allowed for the ID token response types.',
  docs: OIDC_SPEC.securityBcp,
  fix: FIX,
  appliesTo: ['AuthorizationResponse'],
  check({ message }: RuleContext<OidcMessage>) {
    const r = message.response;
    if (!r || (message.carrier !== 'query' && message.carrier !== 'fragment')) return [];
    const tokens = [r.accessToken && 'access_token', r.idToken && 'id_token'].filter((t): t is string => !!t);
    if (!tokens.length) return [];
    const where = message.carrier === 'query' ? 'query string' : 'URL fragment';
    return [
      {
        message: `The ${tokens.join(' and ')} arrived in the ${where} of ${r.redirectTarget}${message.carrier === 'query' ? ', where servers, proxies and logs record it' : ''}: anyone with the browser history or a leaked Referer can reuse it.`,
        evidence: { path: `${message.carrier}/${tokens[0]}`, value: tokens.join(', ') },
        fix: FIX,
      },
    ];
  },
});
