// The documents that state what attribute and group rules check. One place, so a moved page is fixed once.
export const VENDOR_DOCS = {
  sonarqubeCloudSso: 'https://docs.sonarsource.com/sonarqube-cloud/administering-sonarcloud/managing-enterprise/sso/',
  entraGroupClaims: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/how-to-connect-fed-group-claims',
  oktaGroupAttributeStatements: 'https://help.okta.com/en-us/content/topics/apps/define-group-attribute-statements.htm',
  samlCore: 'https://docs.oasis-open.org/security/saml/v2.0/saml-core-2.0-os.pdf',
} as const;

/** Where each IdP keeps the claims it sends, in its own words. */
export const ENTRA_CLAIMS = 'Entra admin center > Enterprise applications > your app > Single sign-on > Attributes & Claims';
export const OKTA_SAML_SETTINGS = 'Okta Admin Console > Applications > your app > General > SAML Settings > Edit';
export const ENTRA_GROUP_CLAIM = `${ENTRA_CLAIMS} > Add a group claim (or edit the existing groups claim)`;
export const OKTA_GROUP_STATEMENTS = `${OKTA_SAML_SETTINGS} > Group Attribute Statements`;
