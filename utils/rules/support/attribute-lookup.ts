// Finds the attributes a target service reads, the way admins actually name them: the profile's mapping tried
// as exact names, then FriendlyNames, then the last segment of a claim URI or URN, case-insensitively.
import { CLAIM } from '../../profiles/claim-uris';
import type { AttributeMapping, Profile } from '../../profiles/types';
import type { Hit } from '../types';
import type { Assertion, Attribute, SamlMessage } from '../../saml/types';

export type AttributeField = keyof AttributeMapping;

export interface FoundAttribute {
  attribute: Attribute;
  /** The mapping entry that matched. */
  candidate: string;
  matchedBy: 'name' | 'friendly-name' | 'last-segment';
  /** The values that are not blank, as sent (not trimmed: the service compares them as sent). */
  values: string[];
}

const SUCCESS = 'urn:oasis:names:tc:SAML:2.0:status:Success';

/**
 * The assertion attribute rules look at, or undefined when there is none to read: encrypted (`encrypted-assertion`
 * says why), absent, or a failed Response (`status-not-success` says why). Judging attributes then would only
 * report them missing for the wrong reason.
 */
export function readableAssertion(message: SamlMessage): Assertion | undefined {
  if (message.status?.code && message.status.code !== SUCCESS) return undefined;
  return message.assertions[0];
}

/** The last segment of a claim URI or URN (`…/claims/emailaddress` → `emailaddress`), lower-cased. */
export function lastSegment(name: string): string {
  const trimmed = name.trim().replace(/[/#:]+$/, '');
  const cut = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('#'), trimmed.lastIndexOf(':'));
  return trimmed.slice(cut + 1).toLowerCase();
}

function hasPath(name: string): boolean {
  return /[/#:]/.test(name.trim());
}

export function nonBlank(values: readonly string[]): string[] {
  return values.filter((v) => v.trim() !== '');
}

/** The first attribute matching `names` (in order), strongest match kind first. */
export function findAttribute(assertion: Assertion, names: readonly string[]): FoundAttribute | undefined {
  const attrs = assertion.attributes;
  const found = (attribute: Attribute, candidate: string, matchedBy: FoundAttribute['matchedBy']): FoundAttribute => ({
    attribute,
    candidate,
    matchedBy,
    values: nonBlank(attribute.values),
  });
  for (const candidate of names) {
    const a = attrs.find((x) => x.name.trim() === candidate);
    if (a) return found(a, candidate, 'name');
  }
  for (const candidate of names) {
    const a = attrs.find((x) => x.friendlyName?.trim() === candidate);
    if (a) return found(a, candidate, 'friendly-name');
  }
  for (const candidate of names) {
    const want = lastSegment(candidate);
    if (!want) continue;
    // A claim URI candidate matches only other URIs by their last segment: `…/claims/name` (the login's UPN claim)
    // must not pick a bare "name" attribute, which is the display name.
    const bare = !hasPath(candidate);
    const a = attrs.find(
      (x) =>
        ((bare || hasPath(x.name)) && lastSegment(x.name) === want) ||
        (x.friendlyName && (bare || hasPath(x.friendlyName)) && lastSegment(x.friendlyName) === want),
    );
    if (a) return found(a, candidate, 'last-segment');
  }
  return undefined;
}

/** The attribute the profile maps to `field`, if the assertion has one. */
export function findField(assertion: Assertion, profile: Profile, field: AttributeField): FoundAttribute | undefined {
  return findAttribute(assertion, profile.attributes[field]);
}

// Deliberately plain: one @, no spaces, a dot in the domain. Good enough to tell an address from a name or an ID.
const EMAIL = /^[^\s@,;<>]+@[^\s@,;<>]+\.[^\s@,;<>.]{2,}$/;

export function isEmailAddress(value: string): boolean {
  return EMAIL.test(value.trim());
}

export interface EmailAttribute {
  attribute: Attribute;
  values: string[];
  /** Found by its value rather than by the mapping: the admin must map this name in the service. */
  byValue: boolean;
}

/**
 * The e-mail attribute: by the profile's mapping, else any non-group attribute whose value is an e-mail address
 * (the admin can map SonarQube Cloud's email field to whatever name the IdP uses).
 */
export function findEmail(assertion: Assertion, profile: Profile): EmailAttribute | undefined {
  const mapped = findField(assertion, profile, 'email');
  if (mapped?.values.length) return { attribute: mapped.attribute, values: mapped.values, byValue: false };
  const groups = findField(assertion, profile, 'groups')?.attribute;
  for (const attribute of assertion.attributes) {
    if (attribute === groups) continue;
    const values = attribute.values.filter(isEmailAddress);
    if (values.length) return { attribute, values, byValue: true };
  }
  return undefined;
}

/**
 * An object ID such as Entra ID's group IDs (`7f3c…-…`), optionally in braces: what
 * `/^\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?$/i` accepts after trimming. A character
 * loop rather than that RegExp: the rules test every group value of every message (150 in an Entra token),
 * and the RegExp was a fifth of their time.
 */
export function isGuid(value: string): boolean {
  let s = value.trim();
  if (s.charCodeAt(0) === 0x7b) s = s.slice(1); // {
  if (s.charCodeAt(s.length - 1) === 0x7d) s = s.slice(0, -1); // }
  if (s.length !== 36) return false;
  for (let i = 0; i < 36; i++) {
    const c = s.charCodeAt(i);
    if (i === 8 || i === 13 || i === 18 || i === 23) {
      if (c !== 0x2d) return false;
    } else if (!((c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x66))) return false;
  }
  return true;
}

/** The group claim the profile reads and its non-blank values. */
export function findGroups(assertion: Assertion, profile: Profile): FoundAttribute | undefined {
  return findField(assertion, profile, 'groups');
}

/** Entra ID's overage claim: sent instead of the groups when the user is in more than 150 (SAML). */
export function findGroupsLink(assertion: Assertion): Attribute | undefined {
  return assertion.attributes.find((a) => a.name.trim() === CLAIM.entraGroupsLink);
}

/** Issuers of the two IdPs whose own fixes we can name. */
export function idpOf(message: SamlMessage, assertion?: Assertion): 'entra' | 'okta' | 'other' {
  const issuer = (assertion?.issuer ?? message.issuer ?? '').trim().toLowerCase();
  if (issuer.startsWith('https://sts.windows.net/') || issuer.startsWith('https://login.microsoftonline.com/')) return 'entra';
  if (/^https?:\/\/www\.okta\.com\//.test(issuer)) return 'okta';
  return 'other';
}

/** Where an attribute's values sit, for evidence. */
export function attributePath(name: string): string {
  return `Assertion/AttributeStatement/Attribute[@Name="${name}"]/AttributeValue`;
}

/** "a", "b" and 3 more: a bounded list of values for a message. */
export function listValues(values: readonly string[], max = 5): string {
  const shown = values.slice(0, max).map((v) => `"${v}"`);
  const rest = values.length - shown.length;
  return rest > 0 ? `${shown.join(', ')} and ${rest} more` : shown.join(', ');
}

/** The assertion's attribute names, each once, for "the assertion has …" messages and evidence. */
export function attributeNames(assertion: Assertion): string[] {
  return [...new Set(assertion.attributes.map((a) => a.name))];
}

/** The names a field was looked for under, for "looked for …" messages. */
export function lookedFor(profile: Profile, field: AttributeField): string {
  return profile.attributes[field].map((n) => `"${n}"`).join(', ');
}

/**
 * SonarQube Cloud's attribute mapping changed: its SSO setup assistant gives the names and the admin copies them
 * into the IdP. When the admin's names are known, an assertion that sends the field under another name is a
 * mismatch the service does not forgive: the name it expects and the name the IdP sends.
 */
export function mappingMismatch(assertion: Assertion, profile: Profile, field: AttributeField): { expected: string; sent: string } | undefined {
  if (!profile.mappedFields?.includes(field)) return undefined;
  const [expected, ...others] = profile.attributes[field];
  if (!expected || assertion.attributes.some((a) => a.name.trim() === expected)) return undefined;
  const other = findAttribute(assertion, others) ?? findAttribute(assertion, [expected]);
  return other ? { expected, sent: other.attribute.name } : undefined;
}

/** The error for a mismatch, with the fix the service's documentation gives. */
export function mismatchHit(profile: Profile, field: AttributeField, m: { expected: string; sent: string }): Hit {
  return {
    message: `The IdP sends "${m.sent}"; ${profile.label} expects "${m.expected}" for the ${field}: copy the name from the SSO setup assistant into the IdP.`,
    evidence: { path: attributePath(m.sent), value: m.sent, expected: m.expected, field },
    fix: {
      generic: `In the IdP's attribute mapping, rename the attribute "${m.sent}" to "${m.expected}", the name ${profile.label}'s SSO setup assistant gives for ${field}.`,
    },
  };
}
