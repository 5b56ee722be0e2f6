import { CLAIM } from '../profiles/claim-uris';
import { attributePath } from './support/attribute-lookup';
import { defineRule } from './define-rule';
import { readIdpGroupClaim, servicesGroups } from './support/group-claim';
import { ENTRA, VENDOR } from './support/docs-links';
import type { Fix } from './types';

// Only the groups assigned to the application keep the token under the limit: Entra ID applies a group filter
// after counting, so a filter alone still overflows for a user in more than 150 groups.
const FIX: Fix = {
  generic:
    'Assign the groups the service uses to the application in the IdP and send only those ("groups assigned to the application"), so that the token stays under the limit (150 groups for Entra ID SAML tokens). A group filter alone does not prevent the overage.',
  entra: `Assign the groups to the application: in ${ENTRA.usersAndGroups}, add the groups the service uses, then in ${ENTRA.groupClaim} choose "Groups assigned to the application" (source attribute sAMAccountName, or "Cloud-only group display names"). A group filter (Advanced options) alone does not prevent overage: Entra ID counts the user's groups before filtering.`,
};

export default defineRule({
  id: 'entra-group-overage',
  severity: 'error',
  title: 'Entra ID left the groups out (more than 150)',
  description:
    "A SAML token from Entra ID holds at most 150 groups. Above that, Entra ID omits the group claim entirely and sends the overage claim http://schemas.microsoft.com/claims/groups.link instead, so the SP receives no group. A fact about Entra ID's token: reported whatever the SP. An Entra ID assertion with neither a group claim nor the overage claim is groups-missing, not overage.",
  docs: VENDOR.entraGroupClaims,
  fix: FIX,
  appliesTo: ['Response'],
  check(ctx) {
    const claim = readIdpGroupClaim(ctx);
    if (!claim?.link) return [];
    const link = claim.link.values.find((v) => v.trim()) ?? '';
    const who = servicesGroups(ctx.profile) ? `${ctx.profile.label} receives no group and the user joins no organization group` : 'the SP receives no group';
    return [
      {
        message: `Entra ID sent the overage claim ${CLAIM.entraGroupsLink}${link ? ` (${link})` : ''} instead of the groups: the user is in more than 150 groups, so ${who}.`,
        evidence: { path: attributePath(claim.link.name), value: link, attribute: claim.link.name },
        fix: FIX,
      },
    ];
  },
});
