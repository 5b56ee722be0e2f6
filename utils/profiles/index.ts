import { generic } from './generic';
import { isSonarqubeCloudUrl, sonarqubeCloud } from './sonarqube-cloud';
import type { AttributeMapping, Profile } from './types';

export type ProfileId = Profile['id'];
export const PROFILES: Record<ProfileId, Profile> = {
  'sonarqube-cloud': sonarqubeCloud,
  generic,
};

export function isProfileId(value: string): value is ProfileId {
  return Object.hasOwn(PROFILES, value);
}

/** The profile for a flow: the one chosen, else detected from where the messages go. */
export function pickProfile(urls: Array<string | undefined>, chosen?: ProfileId): Profile {
  if (chosen) return PROFILES[chosen];
  return urls.some(isSonarqubeCloudUrl) ? sonarqubeCloud : generic;
}

/** A profile with the admin's own attribute names tried first. */
export function withMapping(profile: Profile, mapping: Partial<AttributeMapping>): Profile {
  const attributes = { ...profile.attributes };
  for (const key of Object.keys(attributes) as Array<keyof AttributeMapping>) {
    const own = mapping[key];
    if (own?.length) attributes[key] = [...own, ...attributes[key].filter((n) => !own.includes(n))];
  }
  return { ...profile, attributes };
}

export type { Profile, AttributeMapping };
export { isSonarqubeCloudUrl };
