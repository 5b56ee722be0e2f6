import { VENDOR } from '../rules/support/docs-links';
import { CLAIM } from './claim-uris';
import { defineProfile } from './define-profile';
import { matchEnterprise } from './match-enterprise';
import { urlParts } from '../url/url-parts';

// SonarQube Server (self-managed) receives SAML at <server base URL>/oauth2/callback/saml, on any host.
const ACS_PATH = '/oauth2/callback/saml';

function hasServerAcs(url: string): boolean {
  return !!urlParts(url)?.pathname.replace(/\/+$/, '').endsWith(ACS_PATH);
}

export default defineProfile({
  id: 'sonarqube-server',
  label: 'SonarQube Server',
  docs: VENDOR.sonarqubeServerSaml,
  matches(flow, enterprises) {
    const enterprise = matchEnterprise(flow, enterprises, 'sonarqube-server');
    if (enterprise) return enterprise;
    const url = flow.urls.find(hasServerAcs);
    return url ? { by: 'service-host', detail: `the flow goes to SonarQube Server's SAML endpoint ${ACS_PATH}` } : undefined;
  },
  expects: {
    // The attribute names are configured in SonarQube Server's SAML settings (Administration > Authentication > SAML).
    attributes: {
      login: ['login', CLAIM.name, CLAIM.upn, 'username', 'uid'],
      name: ['name', CLAIM.displayName, 'displayName', 'displayname', CLAIM.givenName, 'cn'],
      email: ['email', CLAIM.email, 'mail', 'emailaddress', 'urn:oid:0.9.2342.19200300.100.1.3'],
      groups: ['groups', CLAIM.entraGroups, CLAIM.adfsGroup, 'group', 'memberOf', 'Groups'],
    },
    requiredAttributes: ['login', 'name'],
    // SonarQube Server starts the sign-in itself; its SAML settings have no IdP-initiated option.
    spInitiatedOnly: true,
    groupSync: true,
    defaultGroup: 'sonar-users',
    signedResponse: false,
    singleSignOnUrl: false,
    provisioning: 'jit',
    oktaExpress: false,
    sp: {},
    mappingGiven: false,
  },
  checks: { attributes: true, groups: true },
});
