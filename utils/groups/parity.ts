import type { OrgGroups } from '../rules/types';
import { isDefaultGroupName } from './imported-groups';

/** One organization's groups, indexed once so many assertions can be checked against it cheaply. */
export interface IndexedOrg {
  organization: string;
  /** Lower-cased name → the organization's first spelling of it. */
  folded: ReadonlyMap<string, string>;
  /** Lower-cased name → all spellings, only for names the organization holds in several cases (rare; kept
   *  apart so indexing 10,000 groups allocates no array per group). */
  variants: ReadonlyMap<string, readonly string[]>;
  /** Names of the default group(s), which sync never adds to or removes from. */
  defaults: ReadonlySet<string>;
  groupCount: number;
}

export interface OrgGroupsIndex {
  orgs: readonly IndexedOrg[];
}

export type ValueStatus = 'exact' | 'default' | 'case-only' | 'none';

export interface ValueParity {
  /** The assertion's group value, as sent. */
  value: string;
  /** exact: grants a group somewhere; default: targets only the default group (ignored by sync);
   *  case-only: an organization has the name in another case (no match, sync is case-sensitive); none. */
  status: ValueStatus;
  /** Organizations where the value names a (non-default) group exactly. */
  exactIn: string[];
  /** Organizations whose default group the value names (exactly or in another case). */
  defaultIn: string[];
  /** Organizations that spell the name differently, with their spelling(s). */
  caseOnly: Array<{ organization: string; orgSpelling: string[] }>;
}

export interface OrgParity {
  organization: string;
  /** Assertion values that name one of this organization's groups exactly (default group excluded). */
  matched: string[];
  caseOnly: Array<{ value: string; orgSpelling: string[] }>;
  defaultTargeted: boolean;
  /** Groups the user is in today that the assertion does not carry: a JIT sign-in removes them. Only when
   *  today's memberships were given for this organization. */
  dropped: string[];
}

export interface ParityResult {
  values: ValueParity[];
  organizations: OrgParity[];
  /** Values that target a default group (the service skips it). */
  defaultTargeted: string[];
  /** Group values were sent and organization lists are known, yet no value names a non-default group of any
   *  organization: the user signs in with no synced group at all. */
  noOrgMatch: boolean;
}

export interface ParityOptions {
  /** Per organization, the groups the user is a member of today (for JIT: what the sign-in will drop). */
  memberships?: Record<string, readonly string[]> | ReadonlyMap<string, readonly string[]>;
}

function indexOne(org: OrgGroups): IndexedOrg {
  const folded = new Map<string, string>();
  const variants = new Map<string, string[]>();
  const defaults = new Set<string>();
  let count = 0;
  for (const group of org.groups) {
    const name = group.name;
    const key = name.toLowerCase();
    const first = folded.get(key);
    if (first === undefined) {
      folded.set(key, name);
      count += 1;
    } else if (first !== name) {
      const all = variants.get(key);
      if (!all) variants.set(key, [first, name]);
      else if (all.includes(name)) continue;
      else all.push(name);
      count += 1;
    } else continue;
    if (group.isDefault || isDefaultGroupName(name)) defaults.add(name);
  }
  return { organization: org.organization, folded, variants, defaults, groupCount: count };
}

const indexCache = new WeakMap<readonly OrgGroups[], OrgGroupsIndex>();

/** Builds the lookup tables once per organization list; pass the result to `computeParity` to reuse it. */
export function indexOrgGroups(orgs: readonly OrgGroups[]): OrgGroupsIndex {
  return { orgs: orgs.map(indexOne) };
}

function isIndex(value: readonly OrgGroups[] | OrgGroupsIndex): value is OrgGroupsIndex {
  return !Array.isArray(value);
}

function membershipsOf(options: ParityOptions, organization: string): readonly string[] | undefined {
  const m = options.memberships;
  if (!m) return undefined;
  return m instanceof Map ? m.get(organization) : (m as Record<string, readonly string[]>)[organization];
}

/** Which of the assertion's group values match, differ only in case, or miss each organization's groups. */
export function computeParity(
  values: readonly string[],
  orgs: readonly OrgGroups[] | OrgGroupsIndex,
  options: ParityOptions = {},
): ParityResult {
  const index = isIndex(orgs) ? orgs : indexOrgGroups(orgs);
  const distinct = [...new Set(values)];
  const perOrg: OrgParity[] = index.orgs.map((org) => ({
    organization: org.organization,
    matched: [],
    caseOnly: [],
    defaultTargeted: false,
    dropped: [],
  }));

  const results: ValueParity[] = distinct.map((value) => {
    const result: ValueParity = { value, status: 'none', exactIn: [], defaultIn: [], caseOnly: [] };
    const key = value.toLowerCase();
    index.orgs.forEach((org, i) => {
      const summary = perOrg[i]!;
      const first = org.folded.get(key);
      if (first === undefined) return;
      const spellings = org.variants.get(key) ?? [first];
      // Sync matches names exactly (case-sensitive).
      if (first === value || spellings.includes(value)) {
        if (org.defaults.has(value)) {
          result.defaultIn.push(org.organization);
          summary.defaultTargeted = true;
        } else {
          result.exactIn.push(org.organization);
          summary.matched.push(value);
        }
        return;
      }
      if (spellings.some((s) => org.defaults.has(s))) {
        // "members" for "Members": fixing the case would not help, the default group is never synced.
        result.defaultIn.push(org.organization);
        summary.defaultTargeted = true;
        return;
      }
      result.caseOnly.push({ organization: org.organization, orgSpelling: [...spellings] });
      summary.caseOnly.push({ value, orgSpelling: [...spellings] });
    });
    if (result.exactIn.length) result.status = 'exact';
    else if (result.defaultIn.length) result.status = 'default';
    else if (result.caseOnly.length) result.status = 'case-only';
    return result;
  });

  const sent = new Set(distinct);
  index.orgs.forEach((org, i) => {
    const today = membershipsOf(options, org.organization);
    if (!today) return;
    perOrg[i]!.dropped = [...new Set(today)].filter((name) => !sent.has(name) && !org.defaults.has(name));
  });

  return {
    values: results,
    organizations: perOrg,
    defaultTargeted: results.filter((r) => r.defaultIn.length).map((r) => r.value),
    noOrgMatch: distinct.length > 0 && index.orgs.length > 0 && results.every((r) => r.exactIn.length === 0),
  };
}

/**
 * For rules: parity of one assertion's group values against the cached organizations. The index is built once
 * per `orgs` array and reused across calls (the engine passes the same array for every message).
 */
export function parityForAssertion(values: readonly string[], orgs: readonly OrgGroups[]): ParityResult {
  let index = indexCache.get(orgs);
  if (!index) {
    index = indexOrgGroups(orgs);
    indexCache.set(orgs, index);
  }
  return computeParity(values, index);
}
