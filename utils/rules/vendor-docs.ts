// The documents that state what attribute and group rules check. One place, so a moved page is fixed once.
export const VENDOR_DOCS = {
  /** Set up SSO: the SSO setup assistant gives the attribute names to copy into the IdP. */
  sonarqubeCloudSso: 'https://docs.sonarsource.com/sonarqube-cloud/administering-sonarcloud/enterprise-security/sso-and-provisioning/set-up-sso',
  /** Groups for JIT provisioning: exact, case-sensitive names, "Members" excluded, memberships reset at login. */
  sonarqubeCloudJitGroups: 'https://docs.sonarsource.com/sonarqube-cloud/administering-sonarcloud/enterprise-security/sso-and-provisioning/before-you-start#managing-groups-in-sonarqube-cloud-if-using-jit-provisioning',
  /** Troubleshooting SSO and provisioning: its causes, in its order. */
  sonarqubeCloudTroubleshooting: 'https://docs.sonarsource.com/sonarqube-cloud/administering-sonarcloud/enterprise-security/sso-and-provisioning/troubleshooting',
  sonarqubeCloudScim: 'https://docs.sonarsource.com/sonarqube-cloud/administering-sonarcloud/enterprise-security/sso-and-provisioning/set-up-scim',
  entraGroupClaims: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/how-to-connect-fed-group-claims',
  oktaGroupAttributeStatements: 'https://help.okta.com/en-us/content/topics/apps/define-group-attribute-statements.htm',
  samlCore: 'https://docs.oasis-open.org/security/saml/v2.0/saml-core-2.0-os.pdf',
} as const;

/** Where each IdP keeps the claims it sends, in its own words. */
export const ENTRA_CLAIMS = 'Entra admin center > Enterprise applications > your app > Single sign-on > Attributes & Claims';
export const OKTA_SAML_SETTINGS = 'Okta Admin Console > Applications > your app > General > SAML Settings > Edit';
export const ENTRA_GROUP_CLAIM = `${ENTRA_CLAIMS} > Add a group claim (or edit the existing groups claim)`;
export const OKTA_GROUP_STATEMENTS = `${OKTA_SAML_SETTINGS} > Group Attribute Statements`;
