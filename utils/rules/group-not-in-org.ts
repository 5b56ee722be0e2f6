import { attributePath, isGuid, listValues } from './support/attribute-lookup';
import { defineRule } from './define-rule';
import { describeOrgs, readParity } from './support/org-parity';
import { VENDOR } from './support/docs-links';
import type { Fix } from './types';

const FIX: Fix = {
  generic:
    'If the user should join these groups, create organization groups with exactly these names; if not, nothing to do (the IdP may send groups the service does not use). The cached group list may also be out of date: refresh it.',
};

export default defineRule({
  id: 'group-not-in-org',
  severity: 'warning',
  title: 'Group not found in any organization',
  description:
    'A group value names no group, in any case, of the cached organization group lists. Sync ignores it. Often harmless (the IdP sends more groups than the service uses); a typo or a stale group list when the user expected to join it.',
  docs: VENDOR.sonarqubeCloudJitGroups,
  fix: FIX,
  appliesTo: ['Response'],
  judges: 'groups',
  needsOrgGroups: true,
  check(ctx) {
    const read = readParity(ctx);
    if (!read) return [];
    // Object IDs are explained by group-values-are-object-ids; listing them here too would only repeat it.
    const missing = read.parity.values.filter((v) => v.status === 'none' && !isGuid(v.value)).map((v) => v.value);
    if (!missing.length) return [];
    const name = read.claim.attribute.name;
    return [
      {
        message: `${missing.length} group value(s) in "${name}" name no group of the cached organizations ${describeOrgs(ctx)}: ${listValues(missing, 8)}. Sync ignores them.`,
        evidence: { path: attributePath(name), value: missing.join(' | '), attribute: name, count: String(missing.length) },
        fix: FIX,
      },
    ];
  },
});
