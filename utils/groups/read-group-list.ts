import type { OrgGroups } from '../rules/types';
import { importGroupList } from './import-group-list';
import { GroupImportError } from './imported-groups';

/**
 * The command line's `--groups FILE`: the API's JSON (one page or an array of pages) or plain text with one
 * name per line (a CSV with a name header works too). The organization is the one the JSON names, else 'cli'.
 */
export function readGroupList(text: string, fileName?: string): OrgGroups[] {
  const result = importGroupList(text, { fileName });
  if (!result.groups.length) {
    throw new GroupImportError(`${fileName ?? 'The group list'} holds no group names.`);
  }
  return [
    {
      organization: result.organization ?? 'cli',
      groups: result.groups.map((g) => ({
        name: g.name,
        ...(g.isDefault ? { isDefault: true } : {}),
        ...(g.membersCount !== undefined ? { membersCount: g.membersCount } : {}),
      })),
    },
  ];
}
