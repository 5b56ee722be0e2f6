// The documents rules cite, and where each IdP keeps the settings they point at, in its own words.
// One place, so a moved page or a renamed menu is fixed once.
export const SPEC = {
  core: 'https://docs.oasis-open.org/security/saml/v2.0/saml-core-2.0-os.pdf',
  profiles: 'https://docs.oasis-open.org/security/saml/v2.0/saml-profiles-2.0-os.pdf',
  bindings: 'https://docs.oasis-open.org/security/saml/v2.0/saml-bindings-2.0-os.pdf',
  /** XML Signature 1.1 §6.1: SHA-1 "is discouraged" for new signatures. */
  xmldsig: 'https://www.w3.org/TR/xmldsig-core1/#sec-AlgID',
  /** XML Signature 1.1 §3.2: reference validation (digests), then signature validation (SignatureValue). */
  xmldsigValidation: 'https://www.w3.org/TR/xmldsig-core1/#sec-CoreValidation',
  metadata: 'https://docs.oasis-open.org/security/saml/v2.0/saml-metadata-2.0-os.pdf',
  /** NIST SP 800-131A: RSA keys under 2048 bits are disallowed for signatures. */
  keySizes: 'https://csrc.nist.gov/pubs/sp/800/131/a/r2/final',
} as const;

export const VENDOR = {
  sonarqubeCloudSso: 'https://docs.sonarsource.com/sonarqube-cloud/administering-sonarcloud/enterprise-security/sso-and-provisioning/set-up-sso',
  entraNotAssigned: 'https://learn.microsoft.com/en-us/troubleshoot/entra/entra-id/app-integration/error-code-aadsts50105-user-not-assigned-role',
  entraCertificates: 'https://learn.microsoft.com/en-us/entra/identity/enterprise-apps/tutorial-manage-certificates-for-federated-single-sign-on',
  entraGroupClaims: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/how-to-connect-fed-group-claims',
  oktaGroupAttributeStatements: 'https://help.okta.com/en-us/content/topics/apps/define-group-attribute-statements.htm',
} as const;

const ENTRA_APP = 'Entra admin center > Enterprise applications > your app';
const OKTA_APP = 'Okta Admin Console > Applications > your app';

export const ENTRA = {
  basicSaml: `${ENTRA_APP} > Single sign-on > Basic SAML Configuration`,
  certificates: `${ENTRA_APP} > Single sign-on > SAML Certificates > Edit`,
  /** Where Entra keeps the claims it sends. */
  claims: `${ENTRA_APP} > Single sign-on > Attributes & Claims`,
  groupClaim: `${ENTRA_APP} > Single sign-on > Attributes & Claims > Add a group claim (or edit the existing groups claim)`,
  usersAndGroups: `${ENTRA_APP} > Users and groups`,
  properties: `${ENTRA_APP} > Properties`,
  tokenEncryption: `${ENTRA_APP} > Security > Token encryption`,
  signInLogs: `${ENTRA_APP} > Sign-in logs`,
} as const;

export const OKTA = {
  samlSettings: `${OKTA_APP} > General > SAML Settings > Edit`,
  groupStatements: `${OKTA_APP} > General > SAML Settings > Edit > Group Attribute Statements`,
  appSettings: `${OKTA_APP} > General > App Settings > Edit`,
  advanced: `${OKTA_APP} > General > SAML Settings > Edit > Show Advanced Settings`,
  assignments: `${OKTA_APP} > Assignments`,
  systemLog: 'Okta Admin Console > Reports > System Log',
} as const;

// OpenID Connect: the specifications and vendor pages OIDC rules cite.
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
