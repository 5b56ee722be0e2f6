import { attributePath, listValues } from './support/attribute-lookup';
import { defineRule } from './define-rule';
import { readIdpGroupClaim, servicesGroups, splitObjectIds } from './support/group-claim';
import { ENTRA, VENDOR } from './support/docs-links';
import type { Fix } from './types';

const FIX: Fix = {
  generic: 'Send group names, not object IDs: the service matches groups by exact name.',
  entra: `In ${ENTRA.groupClaim}, set Source attribute to sAMAccountName for groups synced from Active Directory, or to "Cloud-only group display names" for groups created in Entra ID (with "Groups assigned to the application", tick "Emit group name for cloud-only groups"). "Group ID" is the default and sends object IDs.`,
};

export default defineRule({
  id: 'group-values-are-object-ids',
  severity: 'error',
  title: 'Groups arrive as object IDs',
  description:
    "Group values are GUIDs, Entra ID's default group claim. Services that sync groups (SonarQube Cloud among them) match organization groups by name, so no object ID ever matches. A fact about the IdP's token: reported whatever the SP.",
  docs: VENDOR.entraGroupClaims,
  fix: FIX,
  appliesTo: ['Response'],
  check(ctx) {
    // Object IDs are what Entra ID sends by default: a fact about the token, whatever the SP.
    const claim = readIdpGroupClaim(ctx);
    if (!claim?.attribute) return [];
    const { ids } = splitObjectIds(claim);
    if (!ids.length) return [];
    const all = ids.length === claim.values.length;
    const name = claim.attribute.name;
    return [
      {
        message: `${all ? `All ${ids.length}` : `${ids.length} of ${claim.values.length}`} group value(s) in "${name}" are object IDs (${listValues(ids, 3)}): ${servicesGroups(ctx.profile) ? ctx.profile.label : 'an SP that syncs groups'} matches groups by name, so ${all ? 'none of them' : 'these'} can match an organization group.${
          all ? '' : ' Mixed names and IDs usually mean cloud-only groups sent as IDs next to synced groups sent by name.'
        }`,
        evidence: { path: attributePath(name), value: ids[0], attribute: name, count: String(ids.length) },
        fix: FIX,
      },
    ];
  },
});
