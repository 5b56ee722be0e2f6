import type { ProfileDefinition } from './types';

/** Identity function that gives a profile file its type (like `defineRule`). */
export function defineProfile(profile: ProfileDefinition): ProfileDefinition {
  return profile;
}
