import type { Attribute, Assertion } from '../saml/types';
import { findGroups, findGroupsLink, idpOf, judgesAttributes, readableAssertion } from './attribute-lookup';
import type { RuleContext } from './types';

/** What group rules look at in one Response. */
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

/**
 * The group claim of a Response, or undefined when group rules have nothing to say: the service does not sync
 * groups (generic profile), or no assertion is readable (encrypted, failed, absent).
 */
export function readGroupClaim({ message, profile }: RuleContext): GroupClaim | undefined {
  if (!judgesAttributes(profile) || !profile.groupSync) return undefined;
  const assertion = readableAssertion(message);
  if (!assertion) return undefined;
  const found = findGroups(assertion, profile);
  const claim: GroupClaim = { assertion, idp: idpOf(message, assertion), values: found?.values ?? [] };
  if (found) claim.attribute = found.attribute;
  const link = findGroupsLink(assertion);
  if (link) claim.link = link;
  return claim;
}
