// The specifications and vendor pages OIDC rules cite. One place, so a moved page is fixed once.
export const OIDC_SPEC = {
  core: 'https://openid.net/specs/openid-connect-core-1_0.html',
  coreAuthError: 'https://openid.net/specs/openid-connect-core-1_0.html#AuthError',
  coreNonce: 'https://openid.net/specs/openid-connect-core-1_0.html#NonceNotes',
  coreIdTokenValidation: 'https://openid.net/specs/openid-connect-core-1_0.html#IDTokenValidation',
  oauthState: 'https://www.rfc-editor.org/rfc/rfc6749#section-10.12',
  oauthRedirectUri: 'https://www.rfc-editor.org/rfc/rfc6749#section-3.1.2',
  pkce: 'https://www.rfc-editor.org/rfc/rfc7636',
  securityBcp: 'https://www.rfc-editor.org/rfc/rfc9700',
  jwtExp: 'https://www.rfc-editor.org/rfc/rfc7519#section-4.1.4',
} as const;

export const ENTRA_OIDC_DOCS = {
  groupOverage: 'https://learn.microsoft.com/en-us/security/zero-trust/develop/configure-tokens-group-claims-app-roles',
  optionalClaims: 'https://learn.microsoft.com/en-us/entra/identity-platform/optional-claims',
  idTokenClaims: 'https://learn.microsoft.com/en-us/entra/identity-platform/id-token-claims-reference',
} as const;

/** Where Entra ID keeps the settings OIDC rules point at, in its own words. */
export const ENTRA_APP_REG = {
  authentication: 'Entra admin center > App registrations > your app > Authentication',
  tokenConfiguration: 'Entra admin center > App registrations > your app > Token configuration',
  overview: 'Entra admin center > App registrations > your app > Overview',
} as const;
