import { attributePath, listValues } from './support/attribute-lookup';
import { defineRule } from './define-rule';
import { describeOrgs, readParity } from './support/org-parity';
import { VENDOR } from './support/docs-links';
import type { Fix } from './types';

const FIX: Fix = {
  generic:
    'Make at least one group value equal (case included) to a non-default group of the organization the user should join: rename the IdP group or the organization group, or create the group in the organization.',
};

export default defineRule({
  id: 'no-org-match',
  severity: 'error',
  title: 'No group value matches any organization group',
  description:
    'The assertion sends groups, yet none names a (non-default) group of any cached organization exactly. The user joins no group: no organization access beyond what they already had. For SonarQube Cloud with JIT provisioning, a user in no organization of the enterprise cannot sign in at all.',
  docs: VENDOR.sonarqubeCloudTroubleshooting,
  fix: FIX,
  appliesTo: ['Response'],
  judges: 'groups',
  needsOrgGroups: true,
  check(ctx) {
    const read = readParity(ctx);
    if (!read?.parity.noOrgMatch) return [];
    const { values } = read.parity;
    const name = read.claim.attribute.name;
    const caseOnly = values.filter((v) => v.status === 'case-only').length;
    const hint = caseOnly ? ` ${caseOnly} of them differ only by case (see group-case-mismatch).` : '';
    return [
      {
        message: `None of the ${values.length} group value(s) in "${name}" (${listValues(values.map((v) => v.value), 5)}) matches a group of ${describeOrgs(ctx)}: the user joins no organization group${ctx.profile.organizationRequired ? `, and a user in no organization of the enterprise cannot sign in to ${ctx.profile.label}: the sign-in fails` : ''}.${hint}`,
        evidence: { path: attributePath(name), value: values.map((v) => v.value).join(' | '), attribute: name },
        fix: FIX,
      },
    ];
  },
});
