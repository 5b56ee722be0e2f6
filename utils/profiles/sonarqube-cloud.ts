import { VENDOR } from '../rules/support/docs-links';
import { CLAIM } from './claim-uris';
import { defineProfile } from './define-profile';
import { matchEnterprise, onlyEnterprise } from './match-enterprise';
import { hostnameOf } from '../url/url-parts';

const HOSTS = ['sonarcloud.io', 'sonarqube.us'];

/** True when a URL (ACS, Destination) belongs to SonarQube Cloud (EU or US region). */
export function isSonarqubeCloudUrl(url: string | undefined): boolean {
  const host = hostnameOf(url);
  return !!host && HOSTS.some((h) => host === h || host.endsWith(`.${h}`));
}

export default defineProfile({
  id: 'sonarqube-cloud',
  label: 'SonarQube Cloud',
  docs: VENDOR.sonarqubeCloudSso,
  matches(flow, enterprises) {
    const enterprise = matchEnterprise(flow, enterprises, 'sonarqube-cloud');
    if (enterprise) return enterprise;
    const url = flow.urls.find(isSonarqubeCloudUrl);
    if (!url) return undefined;
    return onlyEnterprise(enterprises, 'sonarqube-cloud', hostnameOf(url)!) ?? { by: 'service-host', detail: `the flow goes to ${hostnameOf(url)}` };
  },
  expects: {
    // SonarQube Cloud's SAML setup asks for login, name, email and (optionally) groups attributes; admins name
    // them freely, so the common claim URIs are accepted too.
    attributes: {
      login: ['login', CLAIM.name, CLAIM.upn, 'username', 'uid'],
      name: ['name', CLAIM.displayName, 'displayName', 'displayname', CLAIM.givenName, 'cn', CLAIM.name],
      email: ['email', CLAIM.email, 'mail', 'emailaddress', 'User.email', 'emailAddress', 'urn:oid:0.9.2342.19200300.100.1.3'],
      groups: ['groups', CLAIM.entraGroups, CLAIM.adfsGroup, 'group', 'memberOf', 'Groups'],
    },
    requiredAttributes: ['login', 'name'],
    spInitiatedOnly: true,
    groupSync: true,
    defaultGroup: 'Members',
    signedResponse: true,
    singleSignOnUrl: true,
    provisioning: 'jit',
    organizationRequired: true,
    oktaExpress: false,
    sp: {},
    mappingGiven: false,
  },
  checks: { attributes: true, groups: true },
});
