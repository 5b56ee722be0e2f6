import { attributePath } from './support/attribute-lookup';
import { defineRule } from './define-rule';
import { readGroupClaim } from './support/group-claim';
import { SPEC, ENTRA, OKTA } from './support/docs-links';
import type { Fix } from './types';

// An LDAP DN (`CN=Dev,OU=Groups,DC=example,DC=com`) has commas too, but is one name: not a joined list.
const DN_PART = /^\s*[A-Za-z][\w-]*\s*=/;

/** The group names of a value that joins several with commas or semicolons, else []. */
export function joinedGroups(value: string): string[] {
  if (!value.includes(',') && !value.includes(';')) return []; // one part: nothing joined, and no split
  const parts = value.split(/[,;]/).map((p) => p.trim()).filter(Boolean);
  if (parts.length < 2 || parts.every((p) => DN_PART.test(p))) return [];
  return parts;
}

const FIX: Fix = {
  generic:
    'Send one AttributeValue per group in a single multi-valued attribute, not one string of names joined by commas or semicolons.',
  entra: `Remove the custom claim that joins groups (a Join() transformation or a string attribute) and use ${ENTRA.groupClaim} instead: it sends one value per group.`,
  okta: `Use ${OKTA.groupStatements} (one value per group) instead of an Attribute Statement whose expression joins the groups into one string.`,
};

export default defineRule({
  id: 'groups-comma-joined',
  severity: 'warning',
  title: 'Groups joined into one value',
  description:
    'The groups arrive in one AttributeValue joined by commas or semicolons. The service reads each AttributeValue as one group name and looks for a group literally named "a,b,c".',
  docs: SPEC.core,
  fix: FIX,
  appliesTo: ['Response'],
  judges: 'groups',
  check(ctx) {
    const claim = readGroupClaim(ctx);
    if (!claim?.attribute) return [];
    const name = claim.attribute.name;
    return claim.values.flatMap((value) => {
      const parts = joinedGroups(value);
      if (!parts.length) return [];
      const separator = value.includes(';') ? 'semicolons' : 'commas';
      return [
        {
          message: `The group attribute "${name}" carries ${parts.length} groups in one value joined by ${separator}: "${value}". ${ctx.profile.label} reads each AttributeValue as one group name, so it looks for a group literally named "${value}".`,
          evidence: { path: attributePath(name), value, attribute: name, groups: parts.join(' | ') },
          fix: FIX,
        },
      ];
    });
  },
});
