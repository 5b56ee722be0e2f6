import { describe, expect, it } from 'vitest';
import { buildResponse, findingsOf, SONAR_USER } from '../../tests/support/response-builder';
import type { OrgGroups } from './types';

const RULE = 'members-group-targeted';
const acme: OrgGroups = { organization: 'acme', groups: [{ name: 'Members', isDefault: true }, { name: 'Developers' }] };

describe(RULE, () => {
  it('notes that the default group is excluded from sync, in any case', () => {
    for (const value of ['Members', 'members']) {
      const [f] = findingsOf(RULE, buildResponse({ attributes: { ...SONAR_USER, groups: [value, 'Developers'] } }), { orgGroups: [acme] });
      expect(f).toMatchObject({ rule: RULE, severity: 'info', evidence: { value, organizations: 'acme' } });
      expect(f!.message).toContain(`"${value}" is the default group of acme`);
    }
  });

  it('stays silent for other groups and without a list', () => {
    expect(findingsOf(RULE, buildResponse({ attributes: { ...SONAR_USER, groups: ['Developers'] } }), { orgGroups: [acme] })).toEqual([]);
    expect(findingsOf(RULE, buildResponse({ attributes: { ...SONAR_USER, groups: ['Members'] } }))).toEqual([]);
  });
});
