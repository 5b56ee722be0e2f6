import oidcAudienceMismatch from './oidc-audience-mismatch';
import oidcEmailClaimMissing from './oidc-email-claim-missing';
import oidcGroupOverage from './oidc-group-overage';
import oidcIdTokenExpired from './oidc-id-token-expired';
import oidcIdpError from './oidc-idp-error';
import oidcNonceMismatch from './oidc-nonce-mismatch';
import oidcPkceMissing from './oidc-pkce-missing';
import oidcRedirectUriMismatch from './oidc-redirect-uri-mismatch';
import oidcStateMismatch from './oidc-state-mismatch';
import oidcTokenInUrl from './oidc-token-in-url';
import type { OidcRule } from './oidc-rule';

/** OpenID Connect rules, in the order a sign-in fails: the provider's error, the flow, the token, the claims. */
export const OIDC_RULES: readonly OidcRule[] = [
  oidcIdpError,
  oidcStateMismatch,
  oidcRedirectUriMismatch,
  oidcNonceMismatch,
  oidcAudienceMismatch,
  oidcIdTokenExpired,
  oidcGroupOverage,
  oidcEmailClaimMissing,
  oidcPkceMissing,
  oidcTokenInUrl,
];
