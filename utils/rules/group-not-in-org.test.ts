import { describe, expect, it } from 'vitest';
import { buildResponse, findingsOf, fixtureFindings, SONAR_USER } from '../../tests/support/response-builder';
import type { OrgGroups } from './types';

const RULE = 'group-not-in-org';
const acme: OrgGroups = { organization: 'acme', groups: [{ name: 'Members', isDefault: true }, { name: 'red' }] };

describe(RULE, () => {
  it('real fixture: OneLogin sends red, green, blue; only red exists', () => {
    const [f, ...rest] = fixtureFindings(RULE, 'onelogin/gosaml2-olgn09-response-01.b64', { orgGroups: [acme] });
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ rule: RULE, severity: 'warning', evidence: { value: 'green | blue', count: '2' } });
    expect(f!.message).toContain('acme (2 groups)');
    expect(f!.message).toContain('"green", "blue"');
  });

  it('stays silent when every value exists, for case-only and default values, object IDs, and without a list', () => {
    const send = (groups: string[], orgGroups?: OrgGroups[]) => findingsOf(RULE, buildResponse({ attributes: { ...SONAR_USER, groups } }), { orgGroups });
    expect(send(['red'], [acme])).toEqual([]);
    expect(send(['RED', 'Members'], [acme])).toEqual([]);
    expect(send(['7f3c2a1e-9b4d-4e21-a8f0-3c5d6e7f8a9b'], [acme])).toEqual([]);
    expect(send(['green'])).toEqual([]);
  });
});
