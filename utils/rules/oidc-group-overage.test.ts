import { describe, expect, it } from 'vitest';
import { oidcFindings } from '../../tests/support/oidc-builder';

const RULE = 'oidc-group-overage';
// The overage claims as Microsoft documents them for a user in more than 200 groups.
const OVERAGE = {
  _claim_names: { groups: 'src1' },
  _claim_sources: { src1: { endpoint: 'https://graph.microsoft.com/v1.0/users/00000000-0000-0000-66f3-3332eca7ea81/getMemberObjects' } },
};

describe(RULE, () => {
  it('fires on _claim_names.groups, saying the group sync of SonarQube Cloud empties the groups', async () => {
    const [f] = await oidcFindings(RULE, { tokenCall: true, claims: OVERAGE }, { profile: 'sonarqube-cloud' });
    expect(f).toMatchObject({ rule: RULE, severity: 'error', evidence: { path: 'token response/id_token/_claim_names', value: '{"groups":"src1"}' } });
    expect(f!.message).toContain('more than 200 groups');
    expect(f!.message).toContain('SonarQube Cloud receives no group');
    expect(f!.evidence!.sources).toContain('getMemberObjects');
  });

  it('fires on hasgroups in an implicit-flow token', async () => {
    const [f] = await oidcFindings(RULE, { responseType: 'id_token', claims: { hasgroups: true } });
    expect(f!.message).toContain('more than 6 (a token in a URL)');
  });

  it('stays silent with groups in the token, even 200 of them', async () => {
    const groups = Array.from({ length: 200 }, (_, i) => `0000${i}-1111-2222-3333-444455556666`);
    expect(await oidcFindings(RULE, { tokenCall: true, claims: { groups } })).toEqual([]);
  });
});
