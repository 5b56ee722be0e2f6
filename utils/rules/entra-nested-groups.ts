import { attributePath, listValues } from './support/attribute-lookup';
import { defineRule } from './define-rule';
import { readGroupClaim, splitObjectIds } from './support/group-claim';
import { VENDOR, ENTRA } from './support/docs-links';
import type { Fix } from './types';

const FIX: Fix = {
  generic: 'Make users direct members of the groups the service syncs.',
  entra: `Add users directly to the groups assigned under Enterprise applications > your app > Users and groups (not only through a nested group), or assign the nested groups to the application too. The group claim is configured in ${ENTRA.groupClaim}.`,
};

export default defineRule({
  id: 'entra-nested-groups',
  severity: 'info',
  title: 'Entra ID: nested groups do not sync',
  description:
    'With groups sent by name from Entra ID ("Groups assigned to the application"), only the assigned groups the user is a direct member of are emitted. A user who belongs to an assigned group only through a nested group gets no group for it.',
  docs: VENDOR.entraGroupClaims,
  fix: FIX,
  appliesTo: ['Response'],
  judges: 'groups',
  check(ctx) {
    const claim = readGroupClaim(ctx);
    if (!claim?.attribute || claim.idp !== 'entra') return [];
    const { names } = splitObjectIds(claim);
    if (!names.length) return [];
    const name = claim.attribute.name;
    return [
      {
        message: `Entra ID sent ${names.length} group name(s) in "${name}" (${listValues(names, 3)}). Only groups the user is a direct member of are emitted: membership through a nested group does not sync to ${ctx.profile.label}.`,
        evidence: { path: attributePath(name), value: names[0], attribute: name },
        fix: FIX,
      },
    ];
  },
});
