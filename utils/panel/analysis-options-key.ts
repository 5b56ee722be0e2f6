import type { AnalyzeOptions } from '../analyze';

/** What the last analysis was made with: a change of any of these judges every flow again. */
export interface OptionsKey {
  profile: unknown;
  enterprises: unknown;
  mapping: unknown;
  provisioning: unknown;
  oktaExpress: unknown;
  spEntityId: unknown;
  now: unknown;
  skewSeconds: unknown;
  orgGroups: unknown;
  rules: unknown;
  trustGiven: boolean;
  strict: unknown;
  trust: unknown;
}

export function optionsKey(options: AnalyzeOptions, trustGiven: boolean): OptionsKey {
  return {
    profile: options.profile,
    enterprises: options.enterprises,
    mapping: options.mapping,
    provisioning: options.provisioning,
    oktaExpress: options.oktaExpress,
    spEntityId: options.spEntityId,
    now: options.now instanceof Date ? options.now.getTime() : options.now,
    skewSeconds: options.skewSeconds,
    orgGroups: options.orgGroups,
    rules: options.rules,
    trustGiven,
    strict: options.strict,
    trust: options.trust,
  };
}

export function sameKey(a: OptionsKey | undefined, b: OptionsKey): boolean {
  if (!a) return false;
  for (const k of Object.keys(b) as Array<keyof OptionsKey>) if (a[k] !== b[k]) return false;
  return true;
}
