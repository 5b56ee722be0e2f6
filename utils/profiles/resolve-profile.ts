import type { AttributeMapping, EnterpriseContext, Profile, ProfileDefinition, Provisioning } from './types';

/** A mapping with the admin's own attribute names tried first, then the profile's defaults. */
export function withOwnNames(attributes: AttributeMapping, own: Partial<AttributeMapping>): AttributeMapping {
  const merged = { ...attributes };
  for (const key of Object.keys(merged) as Array<keyof AttributeMapping>) {
    const names = own[key];
    if (names?.length) merged[key] = [...names, ...merged[key].filter((n) => !names.includes(n))];
  }
  return merged;
}

/** A profile with the admin's own attribute names tried first. */
export function withMapping(profile: Profile, mapping: Partial<AttributeMapping>): Profile {
  return { ...profile, attributes: withOwnNames(profile.attributes, mapping) };
}

/** Settings given for one analysis (command-line flags), over the enterprise's. */
export interface ProfileSettings {
  provisioning?: Provisioning;
  oktaExpress?: boolean;
}

const defaults = new WeakMap<ProfileDefinition, Profile>();

/**
 * The profile a flow is judged by: the service's defaults with the enterprise's settings (setup-assistant
 * values, attribute names, provisioning, Okta Express) and then the CLI's `--mapping` applied.
 */
export function resolveProfile(definition: ProfileDefinition, enterprise?: EnterpriseContext, mapping?: Partial<AttributeMapping>, settings?: ProfileSettings): Profile {
  if (!enterprise && !mapping && settings?.provisioning === undefined && settings?.oktaExpress === undefined) {
    let profile = defaults.get(definition);
    if (!profile) defaults.set(definition, (profile = flatten(definition)));
    return profile;
  }
  const profile = flatten(definition);
  const own: Partial<AttributeMapping> = { ...enterprise?.mapping, ...mapping };
  if (Object.values(own).some((names) => names?.length)) {
    profile.attributes = withOwnNames(profile.attributes, own);
    profile.mappingGiven = true;
    profile.mappedFields = (Object.keys(own) as Array<keyof AttributeMapping>).filter((k) => own[k]?.length);
  }
  if (enterprise?.provisioning) profile.provisioning = enterprise.provisioning;
  if (enterprise?.oktaExpress !== undefined) profile.oktaExpress = enterprise.oktaExpress;
  if (enterprise?.sp) profile.sp = { ...profile.sp, ...enterprise.sp };
  if (settings?.provisioning) profile.provisioning = settings.provisioning;
  if (settings?.oktaExpress !== undefined) profile.oktaExpress = settings.oktaExpress;
  return profile;
}

function flatten({ id, label, docs, expects, checks }: ProfileDefinition): Profile {
  return { id, label, docs, checks, ...expects };
}
