import { attributeNames, attributePath, listValues, lookedFor } from './support/attribute-lookup';
import { defineRule } from './define-rule';
import { readGroupClaim } from './support/group-claim';
import { VENDOR, ENTRA, OKTA } from './support/docs-links';
import type { Fix } from './types';

const FIX: Fix = {
  generic:
    'Send the user\'s groups as one attribute (for example named "groups"), one AttributeValue per group name, and enter that name as the Groups attribute in SonarQube Cloud\'s SSO settings. Group names must equal the organization\'s group names exactly.',
  entra: `In ${ENTRA.groupClaim}, choose "Groups assigned to the application" and, as source attribute, sAMAccountName (groups synced from Active Directory) or "Cloud-only group display names".`,
  okta: `In ${OKTA.groupStatements}, add Name "groups" with a filter matching the groups SonarQube Cloud uses.`,
};

export default defineRule({
  id: 'groups-missing',
  severity: 'warning',
  title: 'No group claim',
  description:
    'The service synchronizes group memberships from the assertion, but it carries no group attribute (or an empty one) and no overage claim. A user created at this sign-in (just in time) joins no organization and lands on an empty organization page.',
  docs: VENDOR.sonarqubeCloudSso,
  fix: FIX,
  appliesTo: ['Response'],
  judges: 'groups',
  check(ctx) {
    const claim = readGroupClaim(ctx);
    // Entra ID and Okta have rules of their own for a missing group claim (entra-group-overage, okta-group-filter)
    // that name the IdP's cause and fix; one finding per cause.
    if (!claim || claim.values.length || claim.link || claim.idp !== 'other') return [];
    const { profile } = ctx;
    const consequence = `a user created at this sign-in joins no ${profile.label} organization and lands on an empty organization page.`;
    if (claim.attribute) {
      const name = claim.attribute.name;
      return [
        {
          message: `The group attribute "${name}" is present but empty: ${consequence}`,
          evidence: { path: attributePath(name), value: listValues(claim.attribute.values), attribute: name },
          fix: FIX,
        },
      ];
    }
    return [
      {
        message: `No group attribute (looked for ${lookedFor(profile, 'groups')}): ${consequence}`,
        evidence: { path: 'Assertion/AttributeStatement', value: attributeNames(claim.assertion).join(', ') || '(no attributes)' },
        fix: FIX,
      },
    ];
  },
});
