import devolutionsCloud from './devolutions-cloud';
import generic from './generic';
import sonarqubeCloud from './sonarqube-cloud';
import sonarqubeServer from './sonarqube-server';
import { resolveProfile, withMapping } from './resolve-profile';
import type { ProfileSettings } from './resolve-profile';
import type { AttributeMapping, EnterpriseContext, FlowFacts, PickedProfile, Profile, ProfileDefinition, ProfileId, ProfileReason } from './types';

/** Every service profile; a new service is one file and one line. The generic fallback comes last. */
export const PROFILES: readonly ProfileDefinition[] = [sonarqubeCloud, sonarqubeServer, devolutionsCloud, generic];

export function isProfileId(value: string): value is ProfileId {
  return PROFILES.some((p) => p.id === value);
}

export function profileById(id: ProfileId): ProfileDefinition | undefined {
  return PROFILES.find((p) => p.id === id);
}

/** A profile with its own defaults (no enterprise), e.g. for a view that shows what the service expects. */
export function defaultProfile(id: ProfileId): Profile {
  return resolveProfile(profileById(id) ?? generic);
}

export interface PickOptions {
  /** The user's choice (panel menu, `--profile`): it judges every flow. */
  chosen?: ProfileId;
  enterprises?: readonly EnterpriseContext[];
  /** Attribute names given for this analysis (`--mapping`), over the enterprise's. */
  mapping?: Partial<AttributeMapping>;
  /** Settings given for this analysis (`--provisioning`, `--okta-express`), over the enterprise's. */
  settings?: ProfileSettings;
}

const RANK: Record<ProfileReason['by'], number> = { chosen: 0, enterprise: 1, 'service-host': 2, fallback: 3 };

/** The profile that judges a flow and why: the user's choice, else a configured enterprise, else a service host, else generic. */
export function pickProfile(facts: FlowFacts, options: PickOptions = {}): PickedProfile {
  const enterprises = options.enterprises ?? [];
  const chosen = options.chosen !== undefined ? profileById(options.chosen) : undefined;
  let best: { definition: ProfileDefinition; reason: ProfileReason } | undefined;
  if (chosen) {
    // The choice decides the profile; a matching enterprise of it still brings its settings.
    const match = chosen.matches(facts, enterprises);
    const reason: ProfileReason = { by: 'chosen', detail: `${chosen.label} was chosen` };
    if (match?.enterpriseId) reason.enterpriseId = match.enterpriseId;
    best = { definition: chosen, reason };
  } else {
    for (const definition of PROFILES) {
      const reason = definition.matches(facts, enterprises);
      if (reason && (!best || RANK[reason.by] < RANK[best.reason.by])) best = { definition, reason };
    }
  }
  const { definition, reason } = best ?? { definition: generic, reason: generic.matches(facts, enterprises)! };
  const enterprise = reason.enterpriseId ? enterprises.find((e) => e.id === reason.enterpriseId) : undefined;
  const picked: PickedProfile = { profile: resolveProfile(definition, enterprise, options.mapping, options.settings), reason };
  if (enterprise) picked.enterprise = enterprise;
  return picked;
}

export { isSonarqubeCloudUrl } from './sonarqube-cloud';
export { resolveProfile, withMapping };
export type { AttributeMapping, EnterpriseContext, FlowFacts, PickedProfile, Profile, ProfileDefinition, ProfileId, ProfileReason };
