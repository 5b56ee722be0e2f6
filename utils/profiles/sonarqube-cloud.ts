import { CLAIM } from './claim-uris';
import type { Profile } from './types';

// SonarQube Cloud's SAML setup asks for login, name, email and (optionally) groups attributes; admins name
// them freely, so the common claim URIs are accepted too.
export const sonarqubeCloud: Profile = {
  id: 'sonarqube-cloud',
  label: 'SonarQube Cloud',
  attributes: {
    login: ['login', CLAIM.name, CLAIM.upn, 'username', 'uid'],
    name: ['name', CLAIM.displayName, 'displayName', 'displayname', CLAIM.givenName, 'cn', CLAIM.name],
    email: ['email', CLAIM.email, 'mail', 'emailaddress', 'User.email', 'emailAddress', 'urn:oid:0.9.2342.19200300.100.1.3'],
    groups: ['groups', CLAIM.entraGroups, CLAIM.adfsGroup, 'group', 'memberOf', 'Groups'],
  },
  spInitiatedOnly: true,
  groupSync: true,
  defaultGroup: 'Members',
  requiredAttributes: ['login', 'name'],
};

const HOSTS = ['sonarcloud.io', 'sonarqube.us'];

/** True when a URL (ACS, Destination) belongs to SonarQube Cloud (EU or US region). */
export function isSonarqubeCloudUrl(url: string | undefined): boolean {
  if (!url) return false;
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  return HOSTS.some((h) => host === h || host.endsWith(`.${h}`));
}
