import { attributePath } from './support/attribute-lookup';
import { defineRule } from './define-rule';
import { readParity } from './support/org-parity';
import { VENDOR } from './support/docs-links';
import type { Fix } from './types';

const FIX: Fix = {
  generic:
    'Nothing breaks, but sending the default group grants nothing: every organization member is in it already and sync never changes it. To grant permissions, send a group of its own and give that group the permissions.',
};

export default defineRule({
  id: 'members-group-targeted',
  severity: 'info',
  title: 'The default group is excluded from sync',
  description:
    'A group value names the organization\'s default group ("Members"). Sync never adds users to it or removes them from it, so the value has no effect.',
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
      .filter((v) => v.defaultIn.length)
      .map((v) => ({
        message: `Group "${v.value}" is the default group of ${v.defaultIn.join(', ')}: sync excludes it, so this value grants nothing (every member is in it already).`,
        evidence: { path: attributePath(name), value: v.value, attribute: name, organizations: v.defaultIn.join(', ') },
        fix: FIX,
      }));
  },
});
