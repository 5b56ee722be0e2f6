import { ENTRA_APP_REG, OIDC_SPEC } from './support/docs-links';
import type { Fix, RuleContext } from './types';
import type { OidcMessage } from '../oidc/types';
import { defineRule } from './define-rule';

const FIX: Fix = {
  generic:
    'Send a code_challenge with code_challenge_method=S256 with every authorization-code request, and the matching code_verifier with the token request (RFC 7636). Most OIDC libraries have a PKCE switch.',
  entra: `Entra ID accepts PKCE for every client and requires it for single-page apps (redirect URIs under "Single-page application" in ${ENTRA_APP_REG.authentication}); MSAL sends it by default.`,
};

export default defineRule<'oidc'>({
  protocols: ['oidc'],
  id: 'oidc-pkce-missing',
  severity: 'warning',
  title: 'Authorization-code request without PKCE (or with plain)',
  description:
    'An authorization-code request carries no code_challenge, or uses the plain method. PKCE (RFC 7636) binds the code to the client that asked for it; OAuth 2.0 Security Best Current Practice (RFC 9700 §2.1.1) requires it for public clients (browser apps that redeem the code themselves) and recommends it for all.',
  docs: OIDC_SPEC.securityBcp,
  fix: FIX,
  appliesTo: ['AuthorizationRequest'],
  check({ message, flow, messages }: RuleContext<OidcMessage>) {
    const a = message.authorization;
    if (!a || !/\bcode\b/.test(a.responseType)) return [];
    const tokenKey = flow?.protocol === 'oidc' ? flow.tokenRequestKey : undefined;
    const tokenCall = tokenKey ? messages.get(tokenKey)?.tokenRequest : undefined;
    // A token call the browser made without a secret or assertion is a public client's: PKCE is its only protection.
    const publicClient = !!tokenCall && !tokenCall.hasClientSecret && !tokenCall.hasClientAssertion;
    const who = publicClient ? 'This is a public client (the browser redeemed the code without a secret), for which PKCE is required' : 'PKCE is recommended for every client';
    if (a.codeChallenge === undefined) {
      return [
        {
          message: `The authorization-code request to ${a.endpoint} has no code_challenge: a stolen code could be redeemed by someone else. ${who} (RFC 9700 §2.1.1).`,
          evidence: { path: 'AuthorizationRequest/code_challenge', value: '(missing)', response_type: a.responseType },
          fix: FIX,
        },
      ];
    }
    const method = a.codeChallengeMethod ?? 'plain';
    if (method.toLowerCase() !== 'plain') return [];
    return [
      {
        message: `The authorization-code request uses PKCE with the plain method${a.codeChallengeMethod === undefined ? ' (no code_challenge_method, which means plain)' : ''}: the challenge is the verifier itself, so anyone who sees the request can redeem the code. Use S256.`,
        evidence: { path: 'AuthorizationRequest/code_challenge_method', value: a.codeChallengeMethod ?? '(missing: plain)' },
        fix: FIX,
      },
    ];
  },
});
