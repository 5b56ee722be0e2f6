import acsErrorStatus from './acs-error-status';
import acsForbidden from './acs-forbidden';
import acsUrlMismatch from './acs-url-mismatch';
import assertionExpired from './assertion-expired';
import audienceMismatch from './audience-mismatch';
import bearerConfirmationInvalid from './bearer-confirmation-invalid';
import clockSkew from './clock-skew';
import confirmationExpired from './confirmation-expired';
import decodeFailed from './decode-failed';
import destinationMismatch from './destination-mismatch';
import emailAttributeMissing from './email-attribute-missing';
import encryptedAssertion from './encrypted-assertion';
import entraGroupOverage from './entra-group-overage';
import entraNestedGroups from './entra-nested-groups';
import entraNotAssigned from './entra-not-assigned';
import groupCaseMismatch from './group-case-mismatch';
import groupDomainQualified from './group-domain-qualified';
import groupNotInOrg from './group-not-in-org';
import groupValuesAreObjectIds from './group-values-are-object-ids';
import groupsCommaJoined from './groups-comma-joined';
import groupsMissing from './groups-missing';
import idpErrorPage from './idp-error-page';
import idpInitiated from './idp-initiated';
import inresponsetoMismatch from './inresponseto-mismatch';
import jitMembershipReset from './jit-membership-reset';
import scimOwnsMemberships from './scim-owns-memberships';
import loginAttributeMissing from './login-attribute-missing';
import membersGroupTargeted from './members-group-targeted';
import mixedContentOrHttp from './mixed-content-or-http';
import nameAttributeMissing from './name-attribute-missing';
import noOrgMatch from './no-org-match';
import notYetValid from './not-yet-valid';
import oidcAudienceMismatch from './oidc-audience-mismatch';
import oidcEmailClaimMissing from './oidc-email-claim-missing';
import oidcGroupOverage from './oidc-group-overage';
import oidcIdTokenExpired from './oidc-id-token-expired';
import oidcIdTokenSignature from './oidc-id-token-signature';
import oidcIdpError from './oidc-idp-error';
import oidcNonceMismatch from './oidc-nonce-mismatch';
import oidcPkceMissing from './oidc-pkce-missing';
import oidcRedirectUriMismatch from './oidc-redirect-uri-mismatch';
import oidcStateMismatch from './oidc-state-mismatch';
import oidcTokenInUrl from './oidc-token-in-url';
import oktaGroupFilter from './okta-group-filter';
import recipientMismatch from './recipient-mismatch';
import redirectSignatureParams from './redirect-signature-params';
import relaystateTooLong from './relaystate-too-long';
import responseUnsigned from './response-unsigned';
import sha1Signature from './sha1-signature';
import signatureWrapping from './signature-wrapping';
import signInLoop from './sign-in-loop';
import statusNotSuccess from './status-not-success';
import unsigned from './unsigned';
import xmlUnsafe from './xml-unsafe';
import idpCertExpired from './idp-cert-expired';
import idpCertExpiring from './idp-cert-expiring';
import metadataMismatch from './metadata-mismatch';
import signatureInvalid from './signature-invalid';
import signedByUnknownCert from './signed-by-unknown-cert';
import weakSigningKey from './weak-signing-key';
import type { RuleSection } from './support/render-rules-doc';
import type { Rule } from './types';

// The rule registry, like ESLint's lib/rules/index.js: every rule file of this folder, listed once. A new rule
// is a file here, its test beside it, and a line below.

/** Protocol and flow rules: what any SAML SP checks. In the order a sign-in fails: status, flow, transport, time, signature. */
export const PROTOCOL_RULES: readonly Rule[] = [
  decodeFailed,
  xmlUnsafe,
  statusNotSuccess,
  entraNotAssigned,
  idpErrorPage,
  signInLoop,
  idpInitiated,
  inresponsetoMismatch,
  destinationMismatch,
  recipientMismatch,
  audienceMismatch,
  acsUrlMismatch,
  acsForbidden,
  acsErrorStatus,
  mixedContentOrHttp,
  notYetValid,
  assertionExpired,
  confirmationExpired,
  clockSkew,
  bearerConfirmationInvalid,
  signatureWrapping,
  unsigned,
  responseUnsigned,
  sha1Signature,
  encryptedAssertion,
  redirectSignatureParams,
  relaystateTooLong,
];

/** Attribute and group rules: what the target service needs from the assertion. */
export const ATTRIBUTE_RULES: readonly Rule[] = [
  emailAttributeMissing,
  loginAttributeMissing,
  nameAttributeMissing,
  groupsMissing,
  entraGroupOverage,
  groupValuesAreObjectIds,
  groupDomainQualified,
  groupsCommaJoined,
  entraNestedGroups,
  oktaGroupFilter,
  scimOwnsMemberships,
  jitMembershipReset,
  noOrgMatch,
  groupCaseMismatch,
  groupNotInOrg,
  membersGroupTargeted,
];

/** OpenID Connect rules, in the order a sign-in fails: the provider's error, the flow, the token, the claims. */
export const OIDC_RULES: readonly Rule<'oidc'>[] = [
  oidcIdpError,
  oidcStateMismatch,
  oidcRedirectUriMismatch,
  oidcNonceMismatch,
  oidcAudienceMismatch,
  oidcIdTokenSignature,
  oidcIdTokenExpired,
  oidcGroupOverage,
  oidcEmailClaimMissing,
  oidcPkceMissing,
  oidcTokenInUrl,
];

/** Every rule, in the order findings are listed within a severity. Adding a rule never touches the engine. */

/** Rules on verification results (signatures, certificates, metadata): silent unless the crypto step ran. */
export const TRUST_RULES: readonly Rule[] = [signatureInvalid, signedByUnknownCert, idpCertExpired, idpCertExpiring, weakSigningKey, metadataMismatch];

/** Every rule, in the order findings are listed within a severity. Adding a rule never touches the engine. */
export const RULES: readonly Rule[] = [...PROTOCOL_RULES, ...TRUST_RULES, ...ATTRIBUTE_RULES, ...OIDC_RULES];

export { SEVERITY_RANK, worstSeverity } from './support/severity';

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}

/** The registry as the reference page (docs/rules.md) groups it. */
export const RULE_SECTIONS: readonly RuleSection[] = [
  { title: 'Protocol and flow rules', rules: PROTOCOL_RULES },
  { title: 'Signature, certificate and metadata rules', rules: TRUST_RULES },
  { title: 'Attribute and group rules', rules: ATTRIBUTE_RULES },
  { title: 'OpenID Connect rules', rules: OIDC_RULES },
];
