import { describe, expect, it } from 'vitest';
import { buildResponse, findingsOf, fixtureFindings, SONAR_USER } from '../../tests/support/response-builder';
import type { OrgGroups } from './types';

const RULE = 'no-org-match';
const acme: OrgGroups = { organization: 'acme', groups: [{ name: 'Members', isDefault: true }, { name: 'red' }, { name: 'Developers' }] };

describe(RULE, () => {
  it('real fixture: PingFederate\'s "red,green,blue" matches no group, though "red" exists', () => {
    const [f] = fixtureFindings(RULE, 'pingfed/gosaml2-pfed11-response-01.b64', { orgGroups: [acme] });
    expect(f).toMatchObject({ rule: RULE, severity: 'error', evidence: { value: 'red,green,blue' } });
    expect(f!.message).toContain('None of the 1 group value(s) in "group" ("red,green,blue") matches a group of acme (3 groups)');
  });

  it('counts the case-only near misses and treats the default group as no match', () => {
    const [f] = findingsOf(RULE, buildResponse({ attributes: { ...SONAR_USER, groups: ['developers', 'Members'] } }), { orgGroups: [acme] });
    expect(f?.message).toContain('1 of them differ only by case');
  });

  it('stays silent when one value matches, with no groups, and without a list', () => {
    expect(fixtureFindings(RULE, 'onelogin/gosaml2-olgn09-response-01.b64', { orgGroups: [acme] })).toEqual([]);
    expect(findingsOf(RULE, buildResponse(), { orgGroups: [acme] })).toEqual([]);
    expect(fixtureFindings(RULE, 'pingfed/gosaml2-pfed11-response-01.b64')).toEqual([]);
  });
});
