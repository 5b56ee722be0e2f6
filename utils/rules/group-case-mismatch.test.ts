import { describe, expect, it } from 'vitest';
import { buildResponse, findingsOf, fixtureFindings, SONAR_USER } from '../../tests/support/response-builder';
import type { OrgGroups } from './types';

const RULE = 'group-case-mismatch';
const acme: OrgGroups = { organization: 'acme', groups: [{ name: 'Members', isDefault: true }, { name: 'Developers' }, { name: 'domain users' }] };
const beta: OrgGroups = { organization: 'beta', groups: [{ name: 'developers' }] };

describe(RULE, () => {
  it('fires per value that differs only by case, naming the organization\'s spelling', () => {
    const [f, ...rest] = findingsOf(RULE, buildResponse({ attributes: { ...SONAR_USER, groups: ['DEVELOPERS', 'Ops'] } }), { orgGroups: [acme] });
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ rule: RULE, severity: 'error', evidence: { value: 'DEVELOPERS', orgSpelling: 'Developers', organizations: 'acme' } });
    expect(f!.message).toContain('"DEVELOPERS" differs only by case from "Developers" in acme');
  });

  it('is a warning when the value matches exactly in another organization', () => {
    const [f] = findingsOf(RULE, buildResponse({ attributes: { ...SONAR_USER, groups: ['Developers'] } }), { orgGroups: [acme, beta] });
    expect(f).toMatchObject({ severity: 'warning', evidence: { orgSpelling: 'developers', organizations: 'beta' } });
    expect(f!.message).toContain('does match exactly in acme');
  });

  it('stays silent for exact names and without an organization list', () => {
    expect(findingsOf(RULE, buildResponse({ attributes: { ...SONAR_USER, groups: ['Developers'] } }), { orgGroups: [acme] })).toEqual([]);
    expect(findingsOf(RULE, buildResponse({ attributes: { ...SONAR_USER, groups: ['DEVELOPERS'] } }))).toEqual([]);
  });

  it('real fixture: ADFS "Domain Users" against an organization spelling it "domain users"', () => {
    const [f] = fixtureFindings(RULE, 'adfs/netsaml2-adfs-plain-groups.xml', { orgGroups: [acme] });
    expect(f?.message).toContain('"Domain Users" differs only by case from "domain users" in acme');
  });
});
