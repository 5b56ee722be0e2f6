import generic from '../../profiles/generic';
import { resolveProfile } from '../../profiles/resolve-profile';
import type { Profile } from '../../profiles/types';
import type { Attribute, Assertion, SamlMessage } from '../../saml/types';
import { findGroups, findGroupsLink, idpOf, isGuid, readableAssertion } from './attribute-lookup';
import type { RuleContext } from '../types';

/** What group rules look at in one Response. Shared by the rules of one message: read it, never change it. */
export interface GroupClaim {
  assertion: Assertion;
  idp: 'entra' | 'okta' | 'other';
  /** The group attribute the profile maps, when the assertion has one. */
  attribute?: Attribute;
  /** Its non-blank values, as sent. */
  values: string[];
  /** Entra ID's overage claim (`…/claims/groups.link`), when present. */
  link?: Attribute;
}

// A dozen group rules read the same claim of the same message: it is looked up once per rule context (one
// message in one analysis), and checked against the message and profile it was read for.
const claims = new WeakMap<RuleContext, { message: SamlMessage; profile: Profile; claim: GroupClaim | undefined }>();

/**
 * The group claim of a Response, or undefined when group rules have nothing to say: the service does not sync
 * groups (generic profile), or no assertion is readable (encrypted, failed, absent).
 */
export function readGroupClaim(ctx: RuleContext): GroupClaim | undefined {
  const memo = claims.get(ctx);
  if (memo && memo.message === ctx.message && memo.profile === ctx.profile) return memo.claim;
  const claim = lookUpGroupClaim(ctx);
  claims.set(ctx, { message: ctx.message, profile: ctx.profile, claim });
  return claim;
}

const idpClaims = new WeakMap<RuleContext, { message: SamlMessage; profile: Profile; claim: GroupClaim | undefined }>();

/**
 * The group claim as the IdP sent it, whatever the SP: for facts about the IdP's token (Entra ID's overage
 * claim, object IDs instead of names) that hold under every profile. Under a profile that judges no attributes,
 * the generic profile's group names are looked for.
 */
export function readIdpGroupClaim(ctx: RuleContext): GroupClaim | undefined {
  if (servicesGroups(ctx.profile)) return readGroupClaim(ctx);
  const memo = idpClaims.get(ctx);
  if (memo && memo.message === ctx.message && memo.profile === ctx.profile) return memo.claim;
  const claim = readClaim(ctx.message, resolveProfile(generic));
  idpClaims.set(ctx, { message: ctx.message, profile: ctx.profile, claim });
  return claim;
}

/** Does the profile's service sync groups from the assertion (so that its group rules speak)? */
export function servicesGroups(profile: Profile): boolean {
  // With SCIM provisioning the service takes memberships from SCIM, never from the assertion.
  return profile.checks.groups && profile.groupSync && profile.provisioning !== 'scim';
}

function lookUpGroupClaim({ message, profile }: RuleContext): GroupClaim | undefined {
  if (!servicesGroups(profile)) return undefined;
  return readClaim(message, profile);
}

function readClaim(message: SamlMessage, profile: Profile): GroupClaim | undefined {
  const assertion = readableAssertion(message);
  if (!assertion) return undefined;
  const found = findGroups(assertion, profile);
  const claim: GroupClaim = { assertion, idp: idpOf(message, assertion), values: found?.values ?? [] };
  if (found) claim.attribute = found.attribute;
  const link = findGroupsLink(assertion);
  if (link) claim.link = link;
  return claim;
}

const objectIds = new WeakMap<GroupClaim, { ids: string[]; names: string[] }>();

/** The claim's values split into object IDs (GUIDs) and the rest, in order; computed once per claim. */
export function splitObjectIds(claim: GroupClaim): { ids: string[]; names: string[] } {
  let split = objectIds.get(claim);
  if (!split) {
    split = { ids: [], names: [] };
    for (const v of claim.values) (isGuid(v) ? split.ids : split.names).push(v);
    objectIds.set(claim, split);
  }
  return split;
}
