import { attributePath, listValues } from './support/attribute-lookup';
import { defineRule } from './define-rule';
import { readGroupClaim } from './support/group-claim';
import { VENDOR } from './support/docs-links';

export default defineRule({
  id: 'jit-membership-reset',
  severity: 'info',
  title: 'Group memberships are reset at each sign-in',
  description:
    "At each sign-in the service sets the user's group memberships to exactly the groups in the assertion (the default group excepted): memberships added by hand are removed at the next sign-in.",
  docs: VENDOR.sonarqubeCloudJitGroups,
  fix: { generic: 'Manage memberships in the IdP, not by hand in the service: the next sign-in overwrites them.' },
  appliesTo: ['Response'],
  judges: 'groups',
  check(ctx) {
    const claim = readGroupClaim(ctx);
    if (!claim?.attribute || !claim.values.length) return [];
    const name = claim.attribute.name;
    const distinct = [...new Set(claim.values)];
    return [
      {
        message: `At this sign-in ${ctx.profile.label} sets the user's group memberships to the ${distinct.length} group(s) in "${name}": ${listValues(distinct, 10)}. Memberships added by hand are removed${
          ctx.profile.defaultGroup ? ` (the default group "${ctx.profile.defaultGroup}" is left alone)` : ''
        }.`,
        evidence: { path: attributePath(name), value: distinct.join(' | '), attribute: name, count: String(distinct.length) },
      },
    ];
  },
});
