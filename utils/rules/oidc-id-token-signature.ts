import { OIDC_SPEC } from './support/docs-links';
import type { Fix, RuleContext } from './types';
import type { OidcMessage } from '../oidc/types';
import { defineRule } from './define-rule';
import { idTokenOf } from './support/oidc-message';

const FIX: Fix = {
  generic:
    "Check the token against the keys at the jwks_uri of the issuer's discovery document, fetched now: a key the provider rotated is the usual cause of 'no key'; a signature that does not verify means the token was altered or another issuer signed it. The application must reject such a token.",
  entra:
    "Use the keys at https://login.microsoftonline.com/<tenant>/discovery/v2.0/keys; an app with its own signing key (claims mapping) publishes them with ?appid=<application ID> added. Entra ID rotates keys: applications must read them from the jwks_uri, not pin one.",
  okta: "Use the keys of the authorization server that issued the token (its /oauth2/<server>/v1/keys, or /oauth2/v1/keys for the org server): Okta rotates them, and each server has its own.",
};

// Only with keys given (the command line's --jwks): the enrich step records the check on the message.
export default defineRule<'oidc'>({
  protocols: ['oidc'],
  id: 'oidc-id-token-signature',
  severity: 'error',
  title: "The ID token's signature does not verify with the provider's keys",
  description:
    "The ID token was checked against the JWKS given (the provider's published keys, sso-lens analyze --jwks): no key has its kid, or the key with its kid does not verify the signature (OIDC Core §3.1.3.7 item 6). A token the keys cannot check (alg none, a shared-secret HS256 token) is said as info. Silent when no keys are given.",
  docs: OIDC_SPEC.coreIdTokenValidation,
  fix: FIX,
  appliesTo: ['AuthorizationResponse', 'TokenResponse'],
  check({ message }: RuleContext<OidcMessage>) {
    const check = message.verification?.idTokenSignature;
    const id = idTokenOf(message);
    if (!check || !id || check.outcome === 'valid') return [];
    const evidence = { path: `${id.path} signature`, value: [check.alg, check.kid && `kid ${check.kid}`].filter(Boolean).join(', ') || '(no alg)', expected: 'a key of the given JWKS' };
    if (check.outcome === 'unsupported') return [{ severity: 'info', message: `The ID token's signature was not checked: ${check.detail}`, evidence }];
    const what = check.outcome === 'no-key' ? 'No key of the given JWKS can check the ID token' : "The ID token's signature does not verify";
    return [{ message: `${what}: ${check.detail}`, evidence, fix: FIX }];
  },
});
