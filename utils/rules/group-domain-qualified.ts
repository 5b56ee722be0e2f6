import { attributePath, listValues } from './support/attribute-lookup';
import { defineRule } from './define-rule';
import { readGroupClaim } from './support/group-claim';
import { VENDOR, ENTRA, OKTA } from './support/docs-links';
import type { Fix } from './types';

// NetBIOS (`CONTOSO\Developers`) or DNS (`contoso.com\Developers`) qualified, or `developers@contoso.com`.
const QUALIFIED = [/^[^\\\s]+\\[^\\]+$/, /^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$/];

export function isDomainQualified(value: string): boolean {
  // Both forms need a '\\' or an '@': most values (names, object IDs) are settled without a regex.
  if (!value.includes('\\') && !value.includes('@')) return false;
  return QUALIFIED.some((re) => re.test(value.trim()));
}

const FIX: Fix = {
  generic:
    'Send bare group names (Developers, not CONTOSO\\Developers or developers@contoso.com), or name the organization groups exactly as sent, domain included.',
  entra: `In ${ENTRA.groupClaim}, set Source attribute to sAMAccountName instead of "NetBIOSDomain\\sAMAccountName" or "DNSDomain\\sAMAccountName".`,
  okta: `In ${OKTA.groupStatements}, the value is the Okta group name: rename the group or the organization group so they are equal; for groups imported from Active Directory, use the group name rather than its qualified name.`,
};

export default defineRule({
  id: 'group-domain-qualified',
  severity: 'warning',
  title: 'Group names carry a domain',
  description:
    'Group values look like DOMAIN\\group or group@domain. The service compares names exactly, so they match only organization groups named with the same domain part.',
  docs: VENDOR.entraGroupClaims,
  fix: FIX,
  appliesTo: ['Response'],
  judges: 'groups',
  check(ctx) {
    const claim = readGroupClaim(ctx);
    if (!claim?.attribute) return [];
    const qualified = claim.values.filter(isDomainQualified);
    if (!qualified.length) return [];
    const name = claim.attribute.name;
    return [
      {
        message: `${qualified.length} group value(s) in "${name}" are domain-qualified (${listValues(qualified, 3)}): ${ctx.profile.label} compares names exactly, so they match only groups named with the domain part.`,
        evidence: { path: attributePath(name), value: qualified[0], attribute: name, count: String(qualified.length) },
        fix: FIX,
      },
    ];
  },
});
