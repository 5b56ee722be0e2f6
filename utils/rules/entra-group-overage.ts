import { CLAIM } from '../profiles/claim-uris';
import { attributeNames, attributePath } from './support/attribute-lookup';
import { defineRule } from './define-rule';
import { readGroupClaim } from './support/group-claim';
import { VENDOR, ENTRA } from './support/docs-links';
import type { Fix } from './types';

const FIX: Fix = {
  generic:
    'Limit the groups the IdP sends to those the service uses (at most 150 for Entra ID), for example by assigning only those groups to the application.',
  entra: `In ${ENTRA.groupClaim}, choose "Groups assigned to the application" (source attribute sAMAccountName, or "Cloud-only group display names") and assign the SonarQube Cloud groups under Enterprise applications > your app > Users and groups; or, under Advanced options, filter groups to those whose name starts with your SonarQube Cloud prefix.`,
};

export default defineRule({
  id: 'entra-group-overage',
  severity: 'error',
  title: 'Entra ID left the groups out (more than 150)',
  description:
    'A SAML token from Entra ID holds at most 150 groups. Above that, Entra ID omits the group claim entirely and sends the overage claim http://schemas.microsoft.com/claims/groups.link instead, so the service syncs no group. Also reported, as a warning, when an Entra ID assertion has no group claim at all although the service expects one.',
  docs: VENDOR.entraGroupClaims,
  fix: FIX,
  appliesTo: ['Response'],
  judges: 'groups',
  check(ctx) {
    const claim = readGroupClaim(ctx);
    if (!claim) return [];
    if (claim.link) {
      const link = claim.link.values.find((v) => v.trim()) ?? '';
      return [
        {
          message: `Entra ID sent the overage claim ${CLAIM.entraGroupsLink}${link ? ` (${link})` : ''} instead of the groups: the user is in more than 150 groups, so ${ctx.profile.label} receives no group and the user joins no organization group.`,
          evidence: { path: attributePath(claim.link.name), value: link, attribute: claim.link.name },
          fix: FIX,
        },
      ];
    }
    if (claim.idp !== 'entra' || claim.values.length) return [];
    const what = claim.attribute ? `an empty group claim "${claim.attribute.name}"` : 'no group claim';
    return [
      {
        // Without the link claim this is an inference: the same silence comes from a group claim never added.
        severity: 'warning',
        message: `Entra ID (${claim.assertion.issuer ?? ctx.message.issuer}) sent ${what} although ${ctx.profile.label} syncs groups: either the application has no group claim in Attributes & Claims, or the user is in more than 150 groups and Entra ID omitted them (overage).`,
        evidence: {
          path: claim.attribute ? attributePath(claim.attribute.name) : 'Assertion/AttributeStatement',
          value: attributeNames(claim.assertion).join(', ') || '(no attributes)',
        },
        fix: FIX,
      },
    ];
  },
});
