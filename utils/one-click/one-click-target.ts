import { sonarOneClickLink } from '../links/sonarqube-cloud';
import { defaultEnterprise, type Enterprise, type Settings } from '../settings/schema';

/** Where one click should take the user for an enterprise: the SSO link, or the Devolutions Cloud instance. */
export function oneClickUrl(enterprise: Enterprise): string {
  return enterprise.service === 'sonarqube-cloud' ? sonarOneClickLink(enterprise.region, enterprise.key) : enterprise.url;
}

/** The default enterprise's one-click target, or undefined when none is saved yet. */
export function defaultOneClickTarget(settings: Settings): { name: string; url: string } | undefined {
  const enterprise = defaultEnterprise(settings);
  return enterprise && { name: enterprise.name, url: oneClickUrl(enterprise) };
}
