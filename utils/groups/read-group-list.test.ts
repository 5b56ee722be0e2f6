import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readGroupList } from './read-group-list';

const fixture = (name: string) => readFileSync(new URL(`../../tests/fixtures/groups/${name}`, import.meta.url), 'utf8');

describe('readGroupList', () => {
  it('reads plain text as the "cli" organization', () => {
    expect(readGroupList(fixture('groups.txt'), 'groups.txt')).toEqual([
      {
        organization: 'cli',
        groups: [{ name: 'Developers' }, { name: 'QA-Team' }, { name: 'Owners' }, { name: 'Members', isDefault: true }],
      },
    ]);
  });

  it('reads the API JSON pages with member counts', () => {
    const [org] = readGroupList(fixture('user-groups-search-pages.json'));
    expect(org?.groups).toHaveLength(5);
    expect(org?.groups[0]).toEqual({ name: 'Members', isDefault: true, membersCount: 42 });
  });

  it('takes the organization from the JSON when it names one', () => {
    const [org] = readGroupList('{"organization":"acme","groups":[{"name":"Dev"}]}');
    expect(org?.organization).toBe('acme');
  });

  it('refuses an empty list with the file name in the message', () => {
    expect(() => readGroupList('\n', 'empty.txt')).toThrow('empty.txt holds no group names.');
  });
});
