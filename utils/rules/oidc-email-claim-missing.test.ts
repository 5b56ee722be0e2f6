import { describe, expect, it } from 'vitest';
import { oidcFindings } from '../../tests/support/oidc-builder';

const RULE = 'oidc-email-claim-missing';

describe(RULE, () => {
  it('fires for a Devolutions Cloud sign-in whose token has no email, naming the sign-in name it has', async () => {
    const [f] = await oidcFindings(RULE, { redirectUri: 'https://acme.devolutions.app/signin-oidc', tokenCall: true, claims: { email: undefined } });
    expect(f).toMatchObject({ rule: RULE, severity: 'error', evidence: { value: '(missing)' } });
    expect(f!.message).toContain('Devolutions Cloud needs');
    expect(f!.message).toContain('preferred_username "abeli@contoso.com"');
    expect(f!.fix!.entra).toContain('Token configuration');
  });

  it('recognises a custom-domain instance from the settings', async () => {
    const [f] = await oidcFindings(RULE, { redirectUri: 'https://vault.contoso.com/signin-oidc', responseType: 'id_token', responseMode: 'form_post', claims: { email: undefined } }, { enterprises: [{ id: 'dvls-1', name: 'Contoso vault', profile: 'devolutions-cloud', urls: ['https://vault.contoso.com'] }] });
    expect(f!.message).toContain('Devolutions Cloud');
  });

  it('notes an unverified address as a warning for a service that needs the email', async () => {
    const [f] = await oidcFindings(RULE, { tokenCall: true, claims: { email_verified: false } }, { profile: 'sonarqube-cloud' });
    expect(f).toMatchObject({ severity: 'warning' });
    expect(f!.message).toContain('SonarQube Cloud may refuse it');
  });

  it('is recorded as skipped under the generic profile, which does not judge claims', async () => {
    const { analyze } = await import('../analyze');
    const { oidcSignIn } = await import('../../tests/support/oidc-builder');
    const analysis = analyze(await oidcSignIn({ responseType: 'id_token', claims: { email: undefined } }));
    expect(analysis.findings.filter((x) => x.rule === RULE)).toEqual([]);
    expect(analysis.flows[0]!.skipped).toContainEqual({ rule: RULE, reason: expect.stringContaining('the Generic OpenID Connect app profile does not judge claims') });
  });

  it('stays silent when the email is there, and under the generic profile without one', async () => {
    expect(await oidcFindings(RULE, { responseType: 'id_token' }, { profile: 'devolutions-cloud' })).toEqual([]);
    expect(await oidcFindings(RULE, { responseType: 'id_token', claims: { email: undefined } })).toEqual([]);
  });
});
