import { attributePath } from './support/attribute-lookup';
import { defineRule } from './define-rule';
import { readParity } from './support/org-parity';
import { VENDOR } from './support/docs-links';
import type { Fix } from './types';

const FIX: Fix = {
  generic: "Make the names equal, case included: rename the organization group, or the IdP's group.",
  entra:
    'For groups synced from Active Directory, the claim sends sAMAccountName: rename it there or rename the organization group; for cloud-only groups, change the display name in Entra ID > Groups.',
  okta: 'Rename the Okta group (Directory > Groups) or the organization group so both are spelled the same, case included.',
};

export default defineRule({
  id: 'group-case-mismatch',
  severity: 'error',
  title: 'Group name differs only by case',
  description:
    'A group value names an organization group in another case ("developers" for "Developers"). Group sync compares names exactly and case-sensitively, so the user does not join it.',
  docs: VENDOR.sonarqubeCloudJitGroups,
  fix: FIX,
  appliesTo: ['Response'],
  judges: 'groups',
  needsOrgGroups: true,
  check(ctx) {
    const read = readParity(ctx);
    if (!read) return [];
    const name = read.claim.attribute.name;
    return read.parity.values
      .filter((v) => v.caseOnly.length)
      .map((v) => {
        const where = v.caseOnly.map((c) => `"${c.orgSpelling.join('" / "')}" in ${c.organization}`).join(', ');
        const elsewhere = v.exactIn.length ? ` The value does match exactly in ${v.exactIn.join(', ')}.` : '';
        return {
          // Joined somewhere else already: worth fixing, but the sign-in does grant a group.
          severity: v.exactIn.length ? ('warning' as const) : ('error' as const),
          message: `Group "${v.value}" differs only by case from ${where}: sync is case-sensitive, so the user does not join that group.${elsewhere}`,
          evidence: {
            path: attributePath(name),
            value: v.value,
            attribute: name,
            orgSpelling: v.caseOnly.flatMap((c) => c.orgSpelling).join(' | '),
            organizations: v.caseOnly.map((c) => c.organization).join(', '),
          },
          fix: FIX,
        };
      });
  },
});
