import { describe, expect, it } from 'vitest';
import { buildResponse, findingsOf, SONAR_USER } from '../../tests/support/response-builder';

const RULE = 'scim-owns-memberships';

describe(RULE, () => {
  it('fires once, as info, when the service provisions over SCIM', () => {
    const [f, ...rest] = findingsOf(RULE, buildResponse({ attributes: { ...SONAR_USER, groups: ['Developers'] } }), { provisioning: 'scim' });
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'info' });
    expect(f!.message).toContain('group memberships come from SCIM, not from this assertion');
  });

  it('stays silent with JIT provisioning, under the generic profile, and on an encrypted assertion', () => {
    expect(findingsOf(RULE, buildResponse())).toEqual([]);
    expect(findingsOf(RULE, buildResponse(), { profile: 'generic', provisioning: 'scim' })).toEqual([]);
    expect(findingsOf(RULE, buildResponse({ encrypted: true }), { provisioning: 'scim' })).toEqual([]);
  });
});
