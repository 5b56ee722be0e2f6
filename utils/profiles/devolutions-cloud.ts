import { defineProfile } from './define-profile';
import { matchEnterprise } from './match-enterprise';
import { hostnameOf } from '../url/url-parts';

export const DEVOLUTIONS_CLOUD_SSO_DOCS = 'https://docs.devolutions.net/cloud/getting-started/get-started-with-sso-in-devolutions-cloud/';

/** True for a <name>.devolutions.app instance; a custom domain is known only from the instance saved in the popup. */
export function isDevolutionsCloudUrl(url: string | undefined): boolean {
  return !!hostnameOf(url)?.endsWith('.devolutions.app');
}

/**
 * Devolutions Cloud signs users in with Microsoft Entra ID over OpenID Connect: an app registration (Web platform)
 * whose redirect URI is the Callback URL its SSO settings show. Accounts and invitations are matched by email, and
 * users and groups come from the directory sync, not from the token.
 */
export default defineProfile({
  id: 'devolutions-cloud',
  label: 'Devolutions Cloud',
  docs: DEVOLUTIONS_CLOUD_SSO_DOCS,
  matches(flow, enterprises) {
    const enterprise = matchEnterprise(flow, enterprises, 'devolutions-cloud');
    if (enterprise) return enterprise;
    const url = flow.urls.find(isDevolutionsCloudUrl);
    return url ? { by: 'service-host', detail: `the flow goes to ${hostnameOf(url)}` } : undefined;
  },
  expects: {
    // OIDC claim names: the email is what invitations and accounts are matched on.
    attributes: { login: ['email', 'preferred_username', 'upn'], name: ['name'], email: ['email'], groups: ['groups'] },
    requiredAttributes: [],
    spInitiatedOnly: false,
    groupSync: false,
    signedResponse: false,
    singleSignOnUrl: false,
    // Users and their groups arrive through the directory sync (the "synced users" of its invite wizard).
    provisioning: 'scim',
    oktaExpress: false,
    sp: {},
    mappingGiven: false,
  },
  checks: { attributes: true, groups: false },
});
