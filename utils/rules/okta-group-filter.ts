import { attributeNames, attributePath, listValues, lookedFor } from './support/attribute-lookup';
import { defineRule } from './define-rule';
import { readGroupClaim } from './support/group-claim';
import { VENDOR, OKTA } from './support/docs-links';
import type { Fix } from './types';

const FIX: Fix = {
  generic: "Check the IdP's group attribute configuration and that the user is in a group it sends.",
  okta: `In ${OKTA.groupStatements}, check the Name (it must be the Groups attribute set in SonarQube Cloud, e.g. "groups") and the filter: Starts with / Equals / Contains / Matches regex (".*" sends every group). Then check under Assignments that the user (or a group of theirs) is assigned to the app and is a member of a group the filter matches.`,
};

export default defineRule({
  id: 'okta-group-filter',
  severity: 'warning',
  title: 'Okta sent no groups',
  description:
    "An Okta assertion has no group attribute, or an empty one. Okta sends only the groups its Group Attribute Statement filter matches, and only for users assigned to the app: the filter or the assignment is the usual cause.",
  docs: VENDOR.oktaGroupAttributeStatements,
  fix: FIX,
  appliesTo: ['Response'],
  judges: 'groups',
  check(ctx) {
    const claim = readGroupClaim(ctx);
    if (!claim || claim.idp !== 'okta' || claim.values.length) return [];
    const issuer = claim.assertion.issuer ?? ctx.message.issuer;
    if (claim.attribute) {
      const name = claim.attribute.name;
      return [
        {
          message: `Okta (${issuer}) sent the group attribute "${name}" empty: its Group Attribute Statement filter matches none of the user's groups.`,
          evidence: { path: attributePath(name), value: listValues(claim.attribute.values), attribute: name },
          fix: FIX,
        },
      ];
    }
    return [
      {
        message: `Okta (${issuer}) sent no group attribute (looked for ${lookedFor(ctx.profile, 'groups')}): there is no Group Attribute Statement, its name differs, or its filter matches none of the user's groups (Okta then leaves the attribute out).`,
        evidence: { path: 'Assertion/AttributeStatement', value: attributeNames(claim.assertion).join(', ') || '(no attributes)' },
        fix: FIX,
      },
    ];
  },
});
