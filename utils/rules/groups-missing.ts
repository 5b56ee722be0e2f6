import { attributeNames, attributePath, listValues, lookedFor } from './support/attribute-lookup';
import { defineRule } from './define-rule';
import { readGroupClaim } from './support/group-claim';
import { ENTRA, OKTA, VENDOR } from './support/docs-links';
import type { Fix } from './types';

const FIX: Fix = {
  generic:
    "Send the user's groups as one attribute named exactly as SonarQube Cloud's SSO setup assistant gives it (copy the name from the assistant into the IdP), one AttributeValue per group name. Group names must equal the organization's group names exactly (case-sensitive).",
  entra: `Entra ID sends no group claim until one is added: in ${ENTRA.groupClaim}, choose "Groups assigned to the application" and, as source attribute, sAMAccountName (groups synced from Active Directory) or "Cloud-only group display names"; then assign the groups to the application in ${ENTRA.usersAndGroups}.`,
  okta: `In ${OKTA.groupStatements}, add Name "groups" with a filter matching the groups SonarQube Cloud uses.`,
};

export default defineRule({
  id: 'groups-missing',
  severity: 'warning',
  title: 'No group claim',
  description:
    'The service synchronizes group memberships from the assertion, but it carries no group attribute (or an empty one) and no overage claim. A user created at this sign-in (just in time) joins no organization: for SonarQube Cloud with JIT provisioning that is an error, because a user in no organization of the enterprise cannot sign in.',
  docs: VENDOR.sonarqubeCloudJitGroups,
  fix: FIX,
  appliesTo: ['Response'],
  judges: 'groups',
  check(ctx) {
    const claim = readGroupClaim(ctx);
    // Okta has a rule of its own for a missing group claim (okta-group-filter) that names its cause and fix; one
    // finding per cause. Entra ID's overage claim is entra-group-overage; without it, the claim is simply missing.
    if (!claim || claim.values.length || claim.link || claim.idp === 'okta') return [];
    const { profile } = ctx;
    // SonarQube Cloud's troubleshooting guide: "The user is not a member of any organization in the enterprise".
    const fails = profile.organizationRequired && profile.provisioning === 'jit';
    const consequence = fails
      ? `a user created at this sign-in joins no ${profile.label} organization, and a user in no organization of the enterprise cannot sign in: the sign-in fails.`
      : `a user created at this sign-in joins no ${profile.label} organization and lands on an empty organization page.`;
    const severity = fails ? ('error' as const) : undefined;
    if (claim.attribute) {
      const name = claim.attribute.name;
      return [
        {
          ...(severity ? { severity } : {}),
          message: `The group attribute "${name}" is present but empty: ${consequence}`,
          evidence: { path: attributePath(name), value: listValues(claim.attribute.values), attribute: name },
          fix: FIX,
        },
      ];
    }
    return [
      {
        ...(severity ? { severity } : {}),
        message: `No group attribute (looked for ${lookedFor(profile, 'groups')}): ${consequence}`,
        evidence: { path: 'Assertion/AttributeStatement', value: attributeNames(claim.assertion).join(', ') || '(no attributes)' },
        fix: FIX,
      },
    ];
  },
});
