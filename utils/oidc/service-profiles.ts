// What each service expects of an OpenID Connect sign-in, and how a flow is matched to it. Facts about the
// provider's token fire under every profile; what a service needs (an email claim, group sync) needs its profile.
import { isSonarqubeCloudUrl } from '../profiles/sonarqube-cloud';

export type OidcProfileId = 'devolutions-cloud' | 'sonarqube-cloud' | 'generic';

export interface OidcServiceProfile {
  id: OidcProfileId;
  label: string;
  /** The service finds or creates the account by email: an ID token without one cannot sign in. */
  needsEmail: boolean;
  /** Groups are read from the token at each sign-in (so an overage loses them). */
  groupSync: boolean;
  /** What the service expects, as the profile card and the CLI list it. */
  expects: string[];
  /** Why this profile judged the flow. */
  reason: string;
}

const DEVOLUTIONS_EXPECTS = [
  'An Entra ID app registration on the Web platform whose redirect URI is the Callback URL shown in Devolutions Cloud > Administration > Authentication > Single Sign-On (SSO).',
  "An email (or upn) claim in a domain verified in Devolutions Cloud: invitations and accounts are matched by email address.",
  'The user assigned to the Enterprise application when "Assignment required?" is Yes (else AADSTS50105).',
  'Users and groups come from provisioning (the synced users and sync groups), not from the token.',
];

const SONAR_EXPECTS = [
  'Sign-in started from SonarQube Cloud (its enterprise login URL): sign-ins started at the provider are refused.',
  'login, name and email claims, as for its SAML setup.',
  'A groups claim with group names that match the organization groups exactly (case-sensitive); Members is never synced.',
];

const GENERIC_EXPECTS = ['No service profile: only facts about the provider and its tokens are checked.'];

export const OIDC_PROFILES: Readonly<Record<OidcProfileId, Omit<OidcServiceProfile, 'reason'>>> = {
  'devolutions-cloud': { id: 'devolutions-cloud', label: 'Devolutions Cloud', needsEmail: true, groupSync: false, expects: DEVOLUTIONS_EXPECTS },
  'sonarqube-cloud': { id: 'sonarqube-cloud', label: 'SonarQube Cloud', needsEmail: true, groupSync: true, expects: SONAR_EXPECTS },
  generic: { id: 'generic', label: 'Generic OpenID Connect', needsEmail: false, groupSync: false, expects: GENERIC_EXPECTS },
};

/** True for a Devolutions Cloud instance: the one set in the popup (a custom domain included), or *.devolutions.app. */
export function isDevolutionsCloudUrl(url: string | undefined, instanceUrls: readonly string[] = []): boolean {
  const host = hostOf(url);
  if (!host) return false;
  if (host.endsWith('.devolutions.app')) return true;
  return instanceUrls.some((i) => hostOf(i) === host);
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

/**
 * The profile for an OIDC flow: the one chosen, else the service its redirect URIs point at (the client is the
 * service; the provider's host says nothing about it), else generic.
 */
export function pickOidcProfile(urls: ReadonlyArray<string | undefined>, chosen?: OidcProfileId, instanceUrls: readonly string[] = []): OidcServiceProfile {
  if (chosen) return { ...OIDC_PROFILES[chosen], reason: 'chosen by the user' };
  const dvls = urls.find((u) => isDevolutionsCloudUrl(u, instanceUrls));
  if (dvls) return { ...OIDC_PROFILES['devolutions-cloud'], reason: `redirect URI on a Devolutions Cloud instance (${hostOf(dvls)})` };
  const sonar = urls.find((u) => isSonarqubeCloudUrl(u));
  if (sonar) return { ...OIDC_PROFILES['sonarqube-cloud'], reason: `redirect URI on SonarQube Cloud (${hostOf(sonar)})` };
  return { ...OIDC_PROFILES.generic, reason: 'no known service in the redirect URIs' };
}
