// The documents rules cite, and where each IdP keeps the settings they point at, in its own words.
// One place, so a moved page or a renamed menu is fixed once.
export const SPEC = {
  core: 'https://docs.oasis-open.org/security/saml/v2.0/saml-core-2.0-os.pdf',
  profiles: 'https://docs.oasis-open.org/security/saml/v2.0/saml-profiles-2.0-os.pdf',
  bindings: 'https://docs.oasis-open.org/security/saml/v2.0/saml-bindings-2.0-os.pdf',
  /** XML Signature 1.1 §6.1: SHA-1 "is discouraged" for new signatures. */
  xmldsig: 'https://www.w3.org/TR/xmldsig-core1/#sec-AlgID',
} as const;

export const VENDOR = {
  sonarqubeCloudSso: 'https://docs.sonarsource.com/sonarqube-cloud/administering-sonarcloud/enterprise-security/sso-and-provisioning/set-up-sso',
  /** One-click access and inviting users: SP-initiated only, except the Okta dashboard with Okta Express. */
  sonarqubeCloudCompleteSetup: 'https://docs.sonarsource.com/sonarqube-cloud/administering-sonarcloud/enterprise-security/sso-and-provisioning/complete-setup',
  sonarqubeCloudTroubleshooting: 'https://docs.sonarsource.com/sonarqube-cloud/administering-sonarcloud/enterprise-security/sso-and-provisioning/troubleshooting',
  /** Groups for JIT provisioning: exact, case-sensitive names, "Members" excluded, memberships reset at login. */
  sonarqubeCloudJitGroups:
    'https://docs.sonarsource.com/sonarqube-cloud/administering-sonarcloud/enterprise-security/sso-and-provisioning/before-you-start#managing-groups-in-sonarqube-cloud-if-using-jit-provisioning',
  sonarqubeCloudScim: 'https://docs.sonarsource.com/sonarqube-cloud/administering-sonarcloud/enterprise-security/sso-and-provisioning/set-up-scim',
  sonarqubeServerSaml: 'https://docs.sonarsource.com/sonarqube-server/latest/instance-administration/authentication/saml/overview/',
  entraNotAssigned: 'https://learn.microsoft.com/en-us/troubleshoot/entra/entra-id/app-integration/error-code-aadsts50105-user-not-assigned-role',
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
